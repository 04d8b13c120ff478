# RUN: not %hybridc %s -s %S/Inputs/fail_schedule_reorder_exact.json --emit-lowered=- 2>&1 | FileCheck %s
# The exact test (ExactDependence.cpp) shows two iterations that a refused
# reorder would run the other way round: with the symbol that makes them
# meet (d = -7: c[1, 8] written at j = 7, read at i = 2, j = 0), and across
# the tiles of a split scan (ji moved outside jo).
def shifted(d: int32, a: float32[16, 16]):
    c = output_tensor((16, 40), 'float32')
    for i in range(1, 16):
        for j in range(8):
            c[i, j + d + 8] = c[i - 1, j + 8] + a[i, j]
    return c
# CHECK: fail_schedule_reorder_exact.json:2:29: error: cannot reorder 'j' and 'i': iterations of these loops depend on each other through 'c' (c[i, j + d + 8] and c[i - 1, j + 8]); e.g. i = 1, j = 7 writes c[1, 8] and then i = 2, j = 0 reads it (with d = -7), which the new order runs the other way round [ScheduleReorderDependence]

def scan(n: int32, a: float32[4, n]):
    c = output_tensor((4, n), 'float32')
    for i in range(4):
        for j in range(1, n):
            c[i, j] = c[i, j - 1] + a[i, j]
    return c
# CHECK: fail_schedule_reorder_exact.json:5:5: error: cannot reorder 'ji' and 'jo': iterations of these loops depend on each other through 'c' (c[i, jo * 8 + ji + 1] and c[i, jo * 8 + ji + 1 - 1]); e.g. jo = 0, ji = 7 writes c[0, 8] and then jo = 1, ji = 0 reads it (with i = 0, n = 10), which the new order runs the other way round [ScheduleReorderDependence]
# CHECK: 2 errors generated.
