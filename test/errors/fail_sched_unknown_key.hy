# RUN: not %hybridc --syntax-only %s -s %S/Inputs/fail_sched_unknown_key.json 2>&1 | FileCheck %s
# A misspelled key is an error at the key, listing the keys allowed there.
def scale(a: float32[16, 8], f: float32):
    b = output_tensor((16, 8), 'float32')
    for i in range(16):
        for j in range(8):
            b[i, j] = a[i, j] * f
    return b
# CHECK: fail_sched_unknown_key.json:3:5: error: unknown key 'schedules' in the entry of def 'scale'; expected "args" or "schedule" [ScheduleUnknownKey]
# CHECK: 1 error generated.
