# RUN: not %hybridc %s -s %S/Inputs/fail_schedule_conflict.json --emit-lowered=- 2>&1 | FileCheck %s
# A loop scheduled twice in conflicting ways.
def matmul(a: float32[64, 32], b: float32[32, 48]):
    c = output_tensor((64, 48), 'float32')
    for i in range(64):
        for j in range(48):
            acc = 0.0
            for k in range(32):
                acc += a[i, k] * b[k, j]
            c[i, j] = acc
    return c
# CHECK: fail_schedule_conflict.json:5:35: error: cannot vectorize loop 'i': it is already parallel [ScheduleConflict]
# CHECK: fail_schedule_conflict.json:7:31: error: cannot split loop 'j': it is already vectorized [ScheduleConflict]
# CHECK: 2 errors generated.
