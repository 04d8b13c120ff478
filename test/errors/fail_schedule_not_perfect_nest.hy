# RUN: not %hybridc %s -s %S/Inputs/fail_schedule_not_perfect_nest.json --emit-lowered=- 2>&1 | FileCheck %s
# reorder and fuse need one perfect nest: nothing between the loops.
def matmul(a: float32[64, 32], b: float32[32, 48]):
    c = output_tensor((64, 48), 'float32')
    for i in range(64):
        for j in range(48):
            acc = 0.0
            for k in range(32):
                acc += a[i, k] * b[k, j]
            c[i, j] = acc
    return c
# CHECK: fail_schedule_not_perfect_nest.json:4:35: error: cannot reorder 'k' and 'i': they are not one perfect nest: the body of loop 'j' holds the declaration of 'acc' [ScheduleNotPerfectNest]
# CHECK: fail_schedule_not_perfect_nest.json:5:37: error: cannot fuse 'j' and 'k': the body of loop 'j' holds the declaration of 'acc' [ScheduleNotPerfectNest]
# CHECK: fail_schedule_not_perfect_nest.json:6:37: error: cannot fuse 'i' and 'k': they are not adjacent: loop 'j' lies between them [ScheduleNotPerfectNest]
# CHECK: 3 errors generated.
