# RUN: not %hybridc --syntax-only %s -s %S/Inputs/fail_sched_const_scalar.json 2>&1 | FileCheck %s
# A scalar "const" must fit the parameter: a scalar annotation of the same
# dtype, and an integer value for an integer type.
def f(a: float32[4], t: float32[4], d: int32, r: int32):
    out = output_tensor((4,), 'float32')
    for i in range(4):
        out[i] = a[i]
    return out
# CHECK: fail_sched_const_scalar.json:2:21: error: conflicting descriptions of parameter 't': a "const" number describes a scalar, but the annotation is not a scalar dtype [ScheduleArgConflict]
# CHECK: fail_sched_const_scalar.json:3:33: error: conflicting descriptions of parameter 'd': the schedule says int64 but the annotation says int32 [ScheduleArgConflict]
# CHECK: fail_sched_const_scalar.json:4:21: error: conflicting descriptions of parameter 'r': its value is not an integer but its type is int32 [ScheduleArgConflict]
# CHECK: 3 errors generated.
