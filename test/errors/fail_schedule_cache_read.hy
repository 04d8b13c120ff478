# RUN: not %hybridc %s -s %S/Inputs/fail_schedule_cache_read.json --emit-lowered=- 2>&1 | FileCheck %s
# cache_read refusals: each names the buffer, the loop and the reason (the
# op changes nothing); docs/schedules.md "cache_read".
def notread(a: float32[64], b: float32[64]):
    y = output_tensor((64,), 'float32')
    for i in range(64):
        y[i] = a[i] * 2.0
    return y

def written(a: float32[64]):
    y = output_tensor((64,), 'float32')
    for i in range(64):
        a[i] = a[i] + 1.0
        y[i] = a[i]
    return y

def gather(a: float32[64], idx: int32[64]):
    y = output_tensor((64,), 'float32')
    for i in range(64):
        y[i] = a[idx[i]]
    return y

def apart(n: int32, a: float32[200]):
    y = output_tensor((64,), 'float32')
    for i in range(64):
        y[i] = a[i] + a[i + n]
    return y

def clash(a: float32[64]):
    y = output_tensor((64,), 'float32')
    for i in range(64):
        y[i] = a[i]
    return y
# CHECK: fail_schedule_cache_read.json:2:72: error: cannot cache_read 'b' in loop 'i': its body does not read 'b' [ScheduleConflict]
# CHECK: fail_schedule_cache_read.json:3:72: error: cannot cache_read 'a' in loop 'i': its body writes 'a', so a copy would go stale [ScheduleConflict]
# CHECK: fail_schedule_cache_read.json:4:71: error: cannot cache_read 'a' in loop 'i': the index idx[i] of 'a' reads memory [ScheduleConflict]
# CHECK: fail_schedule_cache_read.json:7:49: error: cannot cache_read 'a' in loop 'i.outer': its reads of 'a' are not one box (dimension 0: i.outer * 8 and i.outer * 8 + n move apart) [ScheduleConflict]
# CHECK: fail_schedule_cache_read.json:8:26: error: cannot cache_read 'a' in loop 'i': the name 'y' for the copy is already used in def 'clash' [ScheduleConflict]
# CHECK: 5 errors generated.
