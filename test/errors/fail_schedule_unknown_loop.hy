# RUN: not %hybridc %s -s %S/Inputs/fail_schedule_unknown_loop.json --emit-lowered=- 2>&1 | FileCheck %s
# A loop name that the def does not have; the error lists the loops it has.
def matmul(a: float32[64, 32], b: float32[32, 48]):
    c = output_tensor((64, 48), 'float32')
    for i in range(64):
        for j in range(48):
            acc = 0.0
            for k in range(32):
                acc += a[i, k] * b[k, j]
            c[i, j] = acc
    return c
# CHECK: fail_schedule_unknown_loop.json:4:31: error: no loop named 'x' in def 'matmul'; loops: i, j, k [ScheduleUnknownLoop]
# CHECK: 1 error generated.
