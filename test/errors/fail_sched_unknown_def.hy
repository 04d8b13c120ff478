# RUN: not %hybridc --syntax-only %s -s %S/Inputs/fail_sched_unknown_def.json 2>&1 | FileCheck %s
# The schedule names a def this file does not define.
def f(a: float32[4]):
    o = output_tensor((4,), 'float32')
    o[0] = a[0]
    return o
# CHECK: fail_sched_unknown_def.json:2:3: error: schedule names def 'g', which this file does not define [ScheduleUnknownDef]
# CHECK: 1 error generated.
