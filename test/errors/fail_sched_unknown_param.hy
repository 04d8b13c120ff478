# RUN: not %hybridc --syntax-only %s -s %S/Inputs/fail_sched_unknown_param.json 2>&1 | FileCheck %s
# "args" names a parameter the def does not have.
def f(a: float32[4]):
    o = output_tensor((4,), 'float32')
    o[0] = a[0]
    return o
# CHECK: fail_sched_unknown_param.json:4:7: error: def 'f' has no parameter 'b' [ScheduleUnknownParam]
# CHECK: 1 error generated.
