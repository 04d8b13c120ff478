# RUN: not %hybridc %s -s %S/Inputs/fail_schedule_const_arg_range.json --syntax-only 2>&1 | FileCheck %s
# A "const" scalar must fit its type (libFuzzer found a value converted to
# int64 out of range: undefined behaviour).
def tile(a: float32[4], reps, small: int8):
    out = output_tensor((4,), 'float32')
    for i in range(4):
        out[i] = a[i]
    return out
# CHECK: fail_schedule_const_arg_range.json:2:24: error: conflicting descriptions of parameter 'reps': its value does not fit in int64 [ScheduleArgConflict]
# CHECK: fail_schedule_const_arg_range.json:3:25: error: conflicting descriptions of parameter 'small': its value does not fit in int8 [ScheduleArgConflict]
# CHECK: 2 errors generated.
