# RUN: not %hybridc %s -s %S/Inputs/fail_schedule_parallel_exact.json --emit-lowered=- 2>&1 | FileCheck %s
# With a symbolic extent the refusal still shows two iterations that meet,
# with the symbols that make them meet (found by the exact test,
# ExactDependence.cpp): b[i + n - 1] written by i = 0 is b[i] read by
# i = n - 1; the vector loop runs only in full tiles (`i.outer * 8 + 7 < n`,
# after finalize-guards), so the smallest such n there is 8.
def overlap(n: int32, a: float32[40]):
    b = output_tensor((80,), 'float32')
    for i in range(80):
        b[i] = a[i % 40]
    for i in range(n):
        b[i + n - 1] = b[i] * 2.0
    return b
# CHECK: fail_schedule_parallel_exact.json:5:36: error: cannot vectorize loop 'i.inner': an iteration may read an element of 'b' that another iteration writes (b[i.outer * 8 + i.inner] is read, b[i.outer * 8 + i.inner + n - 1] is written); e.g. i.inner = 0 writes b[7] and then i.inner = 7 reads it (with i.outer = 0, n = 8) [ScheduleIllegalParallel]
# CHECK: 1 error generated.
