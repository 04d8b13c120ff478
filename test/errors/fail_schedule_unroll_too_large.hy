# RUN: not %hybridc --syntax-only %s -s %S/Inputs/fail_schedule_unroll_too_large.json 2>&1 | FileCheck %s
# The schedule's unroll is bounded like const_range: 65,536 copies of a
# body, counting the unrolled loops around and inside.
def scheduled(a: float32[512, 512]):
    o = output_tensor((512, 512), 'float32')
    for i in range(512):
        for j in range(512):
            o[i, j] = a[i, j]
    return o
# CHECK: fail_schedule_unroll_too_large.json:1:91: error: cannot unroll loop 'i': with the unrolled loops around and inside it, its body would be copied more than 65536 times [ScheduleConflict]
# CHECK: 1 error generated.
