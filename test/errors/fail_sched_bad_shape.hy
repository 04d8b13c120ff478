# RUN: not %hybridc --syntax-only %s -s %S/Inputs/fail_sched_bad_shape.json 2>&1 | FileCheck %s
# "shape" entries are positive integers or parameter names.
def scale(a: float32[16, 8], f: float32):
    b = output_tensor((16, 8), 'float32')
    for i in range(16):
        for j in range(8):
            b[i, j] = a[i, j] * f
    return b
# CHECK: fail_sched_bad_shape.json:4:28: error: a "shape" dimension must be a positive integer, got -8 [ScheduleValueType]
# CHECK: fail_sched_bad_shape.json:5:24: error: shape entry "n+1" is not a parameter name [ScheduleShapeName]
# CHECK: 2 errors generated.
