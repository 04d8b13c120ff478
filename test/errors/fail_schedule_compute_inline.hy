# RUN: not %hybridc %s -s %S/Inputs/fail_schedule_compute_inline.json --emit-lowered=- 2>&1 | FileCheck %s
# compute_inline refusals: the buffer and why its reads cannot recompute the
# stored value (docs/schedules.md "compute_inline").
def output(a: float32[8]):
    y = output_tensor((8,), 'float32')
    for i in range(8):
        y[i] = a[i] * 2.0
    return y

def twice(a: float32[8]):
    y = output_tensor((8,), 'float32')
    t = allocate((8,), 'float32')
    for i in range(8):
        t[i] = a[i]
    t[0] = 1.0
    for i in range(8):
        y[i] = t[i]
    return y

def shifted(a: float32[8]):
    y = output_tensor((8,), 'float32')
    t = allocate((9,), 'float32')
    for i in range(8):
        t[i + 1] = a[i]
    for i in range(8):
        y[i] = t[i + 1]
    return y

def written(a: float32[8]):
    y = output_tensor((8,), 'float32')
    t = allocate((8,), 'float32')
    for i in range(8):
        t[i] = y[i] + a[i]
    for i in range(8):
        y[i] = t[i]
    return y

def changing(a: float32[8]):
    y = output_tensor((8,), 'float32')
    t = allocate((8,), 'float32')
    s = 0.0
    for i in range(8):
        s = s + a[i]
        t[i] = s
    for i in range(8):
        y[i] = t[i]
    return y
# CHECK: fail_schedule_compute_inline.json:2:62: error: cannot compute_inline 'y': 'y' is not allocated in the def (an argument's values must be stored) [ScheduleInline]
# CHECK: fail_schedule_compute_inline.json:3:61: error: cannot compute_inline 't': 't' is stored 2 times; it must be set by one nest [ScheduleInline]
# CHECK: fail_schedule_compute_inline.json:4:63: error: cannot compute_inline 't': its store t[...] = ... does not index it by loops (i + 1) [ScheduleInline]
# CHECK: fail_schedule_compute_inline.json:5:63: error: cannot compute_inline 't': the stored value reads 'y', which the def writes [ScheduleInline]
# CHECK: fail_schedule_compute_inline.json:6:64: error: cannot compute_inline 't': the nest that stores it holds other statements [ScheduleInline]
# CHECK: 5 errors generated.
