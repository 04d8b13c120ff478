# RUN: not %hybridc --syntax-only %s -s %S/Inputs/fail_sched_const_ragged.json 2>&1 | FileCheck %s
# A "const" array must be rectangular and fit its dtype.
def scale(a: float32[16, 8], f: float32):
    b = output_tensor((16, 8), 'float32')
    for i in range(16):
        for j in range(8):
            b[i, j] = a[i, j] * f
    return b
# CHECK: fail_sched_const_ragged.json:4:35: error: "const" must be rectangular: this array has 2 elements, the first one at this depth has 3 elements [ScheduleConstShape]
# CHECK: fail_sched_const_ragged.json:5:27: error: "const" value 2.5 is not an integer, but the dtype is int8 [ScheduleConstValue]
# CHECK: fail_sched_const_ragged.json:5:32: error: "const" value 300 does not fit in int8 [ScheduleConstValue]
# CHECK: 3 errors generated.
