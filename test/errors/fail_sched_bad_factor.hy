# RUN: not %hybridc --syntax-only %s -s %S/Inputs/fail_sched_bad_factor.json 2>&1 | FileCheck %s
# A split factor must be a positive integer.
def scale(a: float32[16, 8], f: float32):
    b = output_tensor((16, 8), 'float32')
    for i in range(16):
        for j in range(8):
            b[i, j] = a[i, j] * f
    return b
# CHECK: fail_sched_bad_factor.json:4:47: error: "factor" must be a positive integer, got 0 [ScheduleValueType]
# CHECK: fail_sched_bad_factor.json:5:47: error: "factor" must be a positive integer, got 2.5 [ScheduleValueType]
# CHECK: 2 errors generated.
