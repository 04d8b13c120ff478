# RUN: not %hybridc --syntax-only %s -s %S/Inputs/fail_sched_shape_and_const.json 2>&1 | FileCheck %s
# A parameter is either a shaped tensor or a constant array, not both.
def scale(a: float32[16, 8], f: float32):
    b = output_tensor((16, 8), 'float32')
    for i in range(16):
        for j in range(8):
            b[i, j] = a[i, j] * f
    return b
# CHECK: fail_sched_shape_and_const.json:4:28: error: conflicting descriptions of parameter 'f': it has both "shape" and "const"; a constant's shape comes from its value [ScheduleArgConflict]
# CHECK: 1 error generated.
