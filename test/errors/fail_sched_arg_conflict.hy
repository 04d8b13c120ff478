# RUN: not %hybridc --syntax-only %s -s %S/Inputs/fail_sched_arg_conflict.json 2>&1 | FileCheck %s
# "args" may only add "strides" to an annotated parameter.
def f(a: float32[4], n: int32):
    o = output_tensor((4,), 'float32')
    o[0] = a[0]
    return o
# CHECK: fail_sched_arg_conflict.json:4:22: error: conflicting descriptions of parameter 'a': the schedule gives shape [8] but the annotation says float32[4] [ScheduleArgConflict]
# CHECK: fail_sched_arg_conflict.hy:[[@LINE-5]]:10: note: 'a' is declared here [NoteDeclaredHere]
# CHECK: fail_sched_arg_conflict.json:4:36: error: conflicting descriptions of parameter 'a': the schedule says int32 but the annotation says float32 [ScheduleArgConflict]
# CHECK: fail_sched_arg_conflict.hy:[[@LINE-7]]:10: note: 'a' is declared here [NoteDeclaredHere]
# CHECK: fail_sched_arg_conflict.json:5:24: error: conflicting descriptions of parameter 'n': "strides" applies to tensors, but the annotation makes it a scalar [ScheduleArgConflict]
# CHECK: fail_sched_arg_conflict.hy:[[@LINE-9]]:25: note: 'n' is declared here [NoteDeclaredHere]
# CHECK: 3 errors generated.
