# RUN: not %hybridc %s -s %S/Inputs/fail_schedule_dependent_bounds.json --emit-lowered=- 2>&1 | FileCheck %s
# The inner loop's extent depends on i: it cannot move outside i or fuse with it.
def lower_copy(a: float32[8, 8]):
    b = output_tensor((8, 8), 'float32')
    for i in range(8):
        for j in range(i + 1):
            b[i, j] = a[i, j]
    return b
# CHECK: fail_schedule_dependent_bounds.json:4:35: error: cannot reorder 'j' and 'i': the bounds of loop 'j' depend on loop 'i' [ScheduleDependentBounds]
# CHECK: fail_schedule_dependent_bounds.json:5:37: error: cannot fuse 'i' and 'j': the bounds of loop 'j' depend on loop 'i' [ScheduleDependentBounds]
# CHECK: 2 errors generated.
