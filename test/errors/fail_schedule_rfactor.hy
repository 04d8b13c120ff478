# RUN: not %hybridc %s -s %S/Inputs/fail_schedule_rfactor.json --emit-lowered=- 2>&1 | FileCheck %s
# rfactor refusals: each names the loop and why its reductions cannot keep
# partial results (docs/schedules.md "rfactor"); the op changes nothing.
def none(x: float32[64]):
    y = output_tensor((64,), 'float32')
    for j in range(64):
        y[j] = x[j]
    return y

def mixed(x: float32[64]):
    y = output_tensor((1,), 'float32')
    s = 1.0
    for j in range(64):
        s = s + x[j]
        s = s * x[j]
    y[0] = s
    return y

def readout(x: float32[64]):
    y = output_tensor((64,), 'float32')
    s = 0.0
    for j in range(64):
        s += x[j]
        y[j] = s
    return y

def symbolic(n: int32, x: float32[n]):
    y = output_tensor((1,), 'float32')
    s = 0.0
    for j in range(n):
        s += x[j]
    y[0] = s
    return y

def big(x: float32[8192]):
    y = output_tensor((1,), 'float32')
    s = 0.0
    for j in range(8192):
        s += x[j]
    y[0] = s
    return y

def buf(x: float32[64]):
    c = output_tensor((2,), 'float32')
    c[0] = 0.0
    c[1] = 0.0
    for j in range(64):
        c[0] += x[j]
        c[1] = c[0]
    return c

def clash(x: float32[64]):
    y = output_tensor((1,), 'float32')
    s = 0.0
    for j in range(64):
        s += x[j]
    y[0] = s
    return y

def flag(x: bool[64]):
    y = output_tensor((1,), 'bool')
    s = False
    for j in range(64):
        s = max(s, x[j])
    y[0] = s
    return y
# CHECK: fail_schedule_rfactor.json:2:51: error: cannot rfactor loop 'j': its body updates no reduction (`s = s op e` for a scalar declared outside it, or `B[idx] = B[idx] op e` with the same idx in every iteration; op + * min max) [ScheduleConflict]
# CHECK: fail_schedule_rfactor.json:3:52: error: cannot rfactor loop 'j': 's' is updated with different operators [ScheduleConflict]
# CHECK: fail_schedule_rfactor.json:4:54: error: cannot rfactor loop 'j': 's' is read or assigned in it outside its reduction updates [ScheduleConflict]
# CHECK: fail_schedule_rfactor.json:5:55: error: cannot rfactor loop 'j': its extent n is not a compile-time constant (split it by a constant factor and rfactor the inner loop) [ScheduleConflict]
# CHECK: fail_schedule_rfactor.json:6:50: error: cannot rfactor loop 'j': its extent 8192 is not in 1..4096, the most partial results (split it by a constant factor and rfactor the inner loop) [ScheduleConflict]
# CHECK: fail_schedule_rfactor.json:7:50: error: cannot rfactor loop 'j': 'c' is accessed in it outside its reduction updates [ScheduleConflict]
# CHECK: fail_schedule_rfactor.json:11:31: error: cannot name a new loop 'ji.init': the name is already used in def 'clash' [ScheduleBadLoopName]
# CHECK: fail_schedule_rfactor.json:14:51: error: cannot rfactor loop 'j': 's' is a bool, not a number [ScheduleConflict]
# CHECK: 8 errors generated.
