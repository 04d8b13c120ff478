# A parallel elementwise kernel on the thread pool: symbolic size, a scalar
# parameter, a loop starting at a non-zero index, the same results with 1, 2
# and 3 threads (HYBRIDC_NUM_THREADS) and on AArch64.
# RUN: %e2e %s --ref %S/parallel_elementwise.py --function axpb --workdir %t
# RUN: env HYBRIDC_NUM_THREADS=1 %e2e %s --ref %S/parallel_elementwise.py --function axpb --workdir %t.1
# RUN: env HYBRIDC_NUM_THREADS=3 %e2e %s --ref %S/parallel_elementwise.py --function axpb --workdir %t.3
# RUN: %e2e %s --ref %S/parallel_elementwise.py --function axpb --target aarch64 --workdir %t.a64
# RUN: env HYBRIDC_NUM_THREADS=2 %e2e %s --ref %S/parallel_elementwise.py --function axpb --target aarch64 --workdir %t.a64.2
def axpb(n: int32, a: float32[n], b: float32[n], s: float32):
    o = output_tensor((n,), 'float32')
    o[0] = b[0]
    for i in parallel(1, n):
        o[i] = a[i] * s + b[i - 1]
    return o
