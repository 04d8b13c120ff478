# RUN: not %hybridc %s -s %S/Inputs/fail_schedule_bad_loop_name.json --emit-lowered=- 2>&1 | FileCheck %s
# New loop names must be free and cannot use #.
def matmul(a: float32[64, 32], b: float32[32, 48]):
    c = output_tensor((64, 48), 'float32')
    for i in range(64):
        for j in range(48):
            acc = 0.0
            for k in range(32):
                acc += a[i, k] * b[k, j]
            c[i, j] = acc
    return c
# CHECK: fail_schedule_bad_loop_name.json:4:31: error: cannot name a new loop 'k': the name is already used in def 'matmul' [ScheduleBadLoopName]
# CHECK: fail_schedule_bad_loop_name.json:5:31: error: cannot name a new loop 'i#in': '#' is reserved for numbering loops that share a name ("i#0", "i#1") [ScheduleBadLoopName]
# CHECK: fail_schedule_bad_loop_name.json:6:7: error: cannot name a new loop 'acc': the name is already used in def 'matmul' [ScheduleBadLoopName]
# CHECK: 3 errors generated.
