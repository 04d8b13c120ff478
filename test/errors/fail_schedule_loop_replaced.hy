# RUN: not %hybridc %s -s %S/Inputs/fail_schedule_loop_replaced.json --emit-lowered=- 2>&1 | FileCheck %s
# "i#1" is numbered in source order; once split it no longer exists.
def copy2(a: float32[10]):
    b = output_tensor((10,), 'float32')
    c = output_tensor((10,), 'float32')
    for i in range(10):
        b[i] = a[i]
    for i in range(10):
        c[i] = a[i] * 2.0
    return b, c
# CHECK: fail_schedule_loop_replaced.json:5:34: error: loop 'i#1' no longer exists: an earlier 'split' replaced it [ScheduleLoopReplaced]
# CHECK: fail_schedule_loop_replaced.json:4:7: note: 'i#1' was replaced here [NotePrevious]
# CHECK: 1 error generated.
