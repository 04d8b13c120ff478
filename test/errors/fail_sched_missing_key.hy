# RUN: not %hybridc --syntax-only %s -s %S/Inputs/fail_sched_missing_key.json 2>&1 | FileCheck %s
# Each op needs its required keys; the error points at the op object.
def scale(a: float32[16, 8], f: float32):
    b = output_tensor((16, 8), 'float32')
    for i in range(16):
        for j in range(8):
            b[i, j] = a[i, j] * f
    return b
# CHECK: fail_sched_missing_key.json:4:7: error: 'split' op needs "factor" or "nparts" [ScheduleMissingKey]
# CHECK: fail_sched_missing_key.json:5:7: error: 'bind' op needs "thread" [ScheduleMissingKey]
# CHECK: 2 errors generated.
