# RUN: not %hybridc %s -s %S/Inputs/fail_schedule_reorder_dependence.json --emit-lowered=- 2>&1 | FileCheck %s
# RUN: not %hybridc %s -s %S/Inputs/fail_schedule_tile_dependence.json --emit-lowered=- 2>&1 | FileCheck %s --check-prefix=TILE
# Reordering loops that carry a dependence would read c[i - 1, j + 1]
# before it is written: refused (tile reorders too).
def f(a: float32[4, 4]):
    c = output_tensor((4, 4), 'float32')
    for i in range(4):
        for j in range(4):
            if i == 0 or j == 3:
                c[i, j] = a[i, j]
            else:
                c[i, j] = c[i - 1, j + 1] + a[i, j]
    return c
# CHECK: fail_schedule_reorder_dependence.json:4:5: error: cannot reorder 'j' and 'i': iterations of these loops depend on each other through 'c' (c[i, j] and c[i - 1, j + 1]); e.g. i = 0, j = 1 writes c[0, 1] and then i = 1, j = 0 reads it, which the new order runs the other way round [ScheduleReorderDependence]
# CHECK: 1 error generated.
# TILE: fail_schedule_tile_dependence.json:4:5: error: cannot tile {{.*}}: iterations of these loops depend on each other through 'c' {{.*}} [ScheduleReorderDependence]
