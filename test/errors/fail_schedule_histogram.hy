# RUN: not %hybridc %s -s %S/Inputs/fail_schedule_histogram.json --emit-lowered=- 2>&1 | FileCheck %s
# RUN: not %hybridc --syntax-only %s -s %S/Inputs/fail_schedule_histogram.json 2>&1 | FileCheck %s
# A histogram is not a reduction into one element: `t` differs per
# iteration, so vector lanes may update the same bin. (Reordering the nest
# is fine: the updates commute.)
def histogram(a: int32[16, 24]):
    h = output_tensor((8,), 'int32')
    for b in range(8):
        h[b] = 0
    for i in range(16):
        for j in range(24):
            t = a[i, j] % 8
            h[t] = h[t] + 1
    return h

# out[i + j]: several (i, j) write one element, the loop order decides which
# value is left, so the nest cannot be reordered.
def diagonal(a: int32[4, 6]):
    out = output_tensor((9,), 'int32')
    for e in range(9):
        out[e] = 0
    for i in range(4):
        for j in range(6):
            out[i + j] = a[i, j]
    return out
# CHECK: fail_schedule_histogram.json:5:34: error: cannot vectorize loop 'j.inner': different iterations may write the same element of 'h' (h[t]: the index depends on data) [ScheduleIllegalParallel]
# CHECK: fail_schedule_histogram.hy:[[@LINE-14]]:13: note: h[t] is written here [NotePrevious]
# CHECK: fail_schedule_histogram.json:6:31: error: cannot reorder 'j' and 'i': different iterations of 'i', 'j' may write the same element 'out[i + j]', and the update is not a reduction (+ * min max), so the loop order decides which value is left; e.g. i = 0, j = 1 writes out[1] and then i = 1, j = 0 writes it, which the new order runs the other way round [ScheduleReorderDependence]
# CHECK: 2 errors generated.
