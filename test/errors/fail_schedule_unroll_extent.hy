# RUN: not %hybridc %s -s %S/Inputs/fail_schedule_unroll_extent.json --emit-lowered=- 2>&1 | FileCheck %s
# unroll needs a compile-time constant extent.
def scale(n: int32, a: float32[n]):
    b = output_tensor((n,), 'float32')
    for i in range(n):
        b[i] = a[i] * 2.0
    return b
# CHECK: fail_schedule_unroll_extent.json:4:32: error: cannot unroll loop 'i': its extent n is not a compile-time constant [ScheduleUnrollExtent]
# CHECK: 1 error generated.
