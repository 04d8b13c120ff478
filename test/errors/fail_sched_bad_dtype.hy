# RUN: not %hybridc --syntax-only %s -s %S/Inputs/fail_sched_bad_dtype.json 2>&1 | FileCheck %s
# An "args" dtype must be one of the hybrid-script dtypes.
def scale(a: float32[16, 8], f: float32):
    b = output_tensor((16, 8), 'float32')
    for i in range(16):
        for j in range(8):
            b[i, j] = a[i, j] * f
    return b
# CHECK: fail_sched_bad_dtype.json:4:23: error: unknown dtype 'float'; expected one of bool, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float16, float32, float64 [ScheduleUnknownDType]
# CHECK: 1 error generated.
