# RUN: not %hybridc %s -s %S/Inputs/fail_schedule_vectorize_extent.json --emit-lowered=- 2>&1 | FileCheck %s
# vectorize needs a compile-time constant extent.
def scale(n: int32, a: float32[n]):
    b = output_tensor((n,), 'float32')
    for i in range(n):
        b[i] = a[i] * 2.0
    return b
# CHECK: fail_schedule_vectorize_extent.json:4:35: error: cannot vectorize loop 'i': its extent n is not a compile-time constant [ScheduleVectorizeExtent]
# CHECK: 1 error generated.
