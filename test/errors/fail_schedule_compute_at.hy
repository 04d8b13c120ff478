# RUN: not %hybridc %s -s %S/Inputs/fail_schedule_compute_at.json --emit-lowered=- 2>&1 | FileCheck %s
# compute_at refusals: each names the buffer, the loop and the reason (the
# op changes nothing); docs/schedules.md "compute_at".
def argument(a: float32[64]):
    y = output_tensor((64,), 'float32')
    for i in range(64):
        y[i] = a[i] * 2.0
    return y
# CHECK: error: cannot compute_at 'a' at loop 'i': 'a' is not allocated in the def (an argument's values must be stored) [ScheduleConflict]

def twice(a: float32[64]):
    y = output_tensor((64,), 'float32')
    t = allocate((64,), 'float32')
    for i in range(64):
        t[i] = a[i]
    for i in range(32):
        t[i] = 0.0
    for i in range(64):
        y[i] = t[i]
    return y
# CHECK: error: cannot compute_at 't' at loop 'i#2': 't' is stored 2 times; it must be set by one nest [ScheduleConflict]

def notread(a: float32[64]):
    y = output_tensor((64,), 'float32')
    z = output_tensor((64,), 'float32')
    t = allocate((64,), 'float32')
    for i in range(64):
        t[i] = a[i] + 1.0
    for i in range(64):
        y[i] = a[i]
    for i in range(64):
        z[i] = t[i]
    return y, z
# CHECK: error: cannot compute_at 't' at loop 'i#1': its body does not read 't' [ScheduleConflict]

def stale(a: float32[64]):
    y = output_tensor((64,), 'float32')
    t = allocate((64,), 'float32')
    for i in range(64):
        t[i] = y[i] + a[i]
    for i in range(64):
        y[i] = t[i]
    return y
# CHECK: error: cannot compute_at 't' at loop 'i#1': the stored value reads 'y', which the def writes [ScheduleConflict]

def bounds(n: int32, a: float32[64]):
    y = output_tensor((64,), 'float32')
    t = allocate((64,), 'float32')
    k = n
    if k > 64:
        k = 64
    for i in range(k):
        t[i] = a[i] * 3.0
    for i in range(k):
        y[i] = t[i]
    return y
# CHECK: error: cannot compute_at 't' at loop 'i#1': the bounds of its producer's loop 'i' read 'k', which is not known at this loop [ScheduleConflict]

def clash(a: float32[64]):
    y = output_tensor((64,), 'float32')
    t = allocate((64,), 'float32')
    for i in range(64):
        t[i] = a[i] * 3.0
    for i in range(64):
        y[i] = t[i]
    return y
# CHECK: error: cannot compute_at 't' at loop 'i#1': the name 'y' for the tile is already used in def 'clash' [ScheduleConflict]
# CHECK: 6 errors generated.
