# RUN: not %hybridc %s -s %S/Inputs/fail_schedule_stream.json --emit-lowered=- 2>&1 | FileCheck %s
# stream refusals (docs/schedules.md "stream"): a buffer the def does not
# have, one it only reads, one kept in local memory.
def scale(a: float32[64]):
    b = output_tensor((64,), 'float32')
    for i in range(64):
        b[i] = a[i] * 2.0
    return b

def tile(a: float32[64]):
    b = output_tensor((64,), 'float32')
    t = allocate((16,), 'float32', 'local')
    for io in range(4):
        for i in range(16):
            t[i] = a[io * 16 + i]
        for i in range(16):
            b[io * 16 + i] = t[i] + 1.0
    return b
# CHECK: fail_schedule_stream.json:2:53: error: cannot stream 'c': def 'scale' has no buffer of that name; buffers: a, b [ScheduleStream]
# CHECK: fail_schedule_stream.json:3:53: error: cannot stream 'a': def 'scale' never stores into it [ScheduleStream]
# CHECK: fail_schedule_stream.json:4:52: error: cannot stream 't': it is a 'local' buffer, kept near the core; only global memory is streamed [ScheduleStream]
# CHECK: 3 errors generated.
