# RUN: not %hybridc %s --syntax-only 2>&1 | FileCheck %s
# c[o * 2 + v] with v < 4 parallel and o inner: v = 2, o = 0 and v = 0, o = 1
# write the same element. (c[o * 4 + v] would be legal: see
# test/e2e/tvm/test_schedule.hy.)
def overlap(a: float32[24]):
    c = output_tensor((24,), 'float32')
    for v in parallel(4):
        for o in range(8):
            c[o * 2 + v] = a[o * 2 + v] * 2.0
    return c

def disjoint(a: float32[32]):
    c = output_tensor((32,), 'float32')
    for v in parallel(4):
        for o in range(8):
            c[o * 4 + v] = a[o * 4 + v] * 2.0
    return c
# CHECK: fail_parallel_stride_overlap.hy:[[@LINE-11]]:5: error: cannot parallelize loop 'v': different iterations may write the same element of 'c' (c[o * 2 + v]); e.g. v = 0, o = 1 and v = 2, o = 0 both write c[2] [ScheduleIllegalParallel]
# CHECK: fail_parallel_stride_overlap.hy:[[@LINE-10]]:13: note: c[o * 2 + v] is written here [NotePrevious]
# CHECK: 1 error generated.
