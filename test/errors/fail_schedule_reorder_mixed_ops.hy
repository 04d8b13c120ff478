# RUN: not %hybridc %s -s %S/Inputs/fail_schedule_reorder_mixed_ops.json --emit-lowered=- 2>&1 | FileCheck %s
# Two updates of one element with different ops do not commute ((c + x) * 2
# per iteration): the order of the loops that all update c[j] matters, so
# swapping them is refused (each alone would be a reduction).
def mixed(a: float32[8, 3]):
    c = output_tensor((4,), 'float32')
    for j in range(4):
        c[j] = 1.0
    for i in range(8):
        for k in range(3):
            for j in range(4):
                c[j] = c[j] + a[i, k]
                c[j] = c[j] * 2.0
    return c
# CHECK: fail_schedule_reorder_mixed_ops.json:1:28: error: cannot reorder 'k' and 'i': different iterations of 'i', 'k' may write the same element 'c[j]', and its updates mix different operations, which do not commute, so the loop order decides which value is left; e.g. i = 0, k = 1 writes c[0] and then i = 1, k = 0 writes it, which the new order runs the other way round [ScheduleReorderDependence]
# CHECK: 1 error generated.
