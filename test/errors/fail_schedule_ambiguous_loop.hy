# RUN: not %hybridc %s -s %S/Inputs/fail_schedule_ambiguous_loop.json --emit-lowered=- 2>&1 | FileCheck %s
# Two loops named i: a bare "i" is ambiguous, "i#0"/"i#1" are not.
def copy2(a: float32[10]):
    b = output_tensor((10,), 'float32')
    c = output_tensor((10,), 'float32')
    for i in range(10):
        b[i] = a[i]
    for i in range(10):
        c[i] = a[i] * 2.0
    return b, c
# CHECK: fail_schedule_ambiguous_loop.json:4:34: error: loop 'i' is ambiguous; use one of 'i#0', 'i#1' [ScheduleAmbiguousLoop]
# CHECK: 1 error generated.
