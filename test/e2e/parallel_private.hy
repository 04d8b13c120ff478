# Private state of a parallel body: scalars declared inside (a running
# maximum, a sum), a stack buffer and heap buffers allocated inside (one
# sized by a parameter, one too large for the stack), all per iteration.
# RUN: %e2e %s --ref %S/parallel_private.py --function rownorm --workdir %t
# RUN: env HYBRIDC_NUM_THREADS=1 %e2e %s --ref %S/parallel_private.py --function rownorm --workdir %t.1
# RUN: env HYBRIDC_NUM_THREADS=4 %e2e %s --ref %S/parallel_private.py --function rownorm --workdir %t.4
# RUN: %e2e %s --ref %S/parallel_private.py --function rownorm --target aarch64 --workdir %t.a64
def rownorm(n: int32, m: int32, a: float32[n, m]):
    o = output_tensor((n, m), 'float32')
    for i in parallel(n):
        mx = a[i, 0]
        for j in range(m):
            mx = max(mx, a[i, j])
        row = allocate((m,), 'float32')
        w = allocate((4,), 'float32', 'local')
        big = allocate((20000,), 'float32')
        for k in range(4):
            w[k] = float32(k + i)
        total = 0.0
        for j in range(m):
            row[j] = a[i, j] - mx
            big[j * 7] = row[j]
            total += row[j]
        for j in range(m):
            o[i, j] = big[j * 7] / (total - 1.0) + w[j % 4]
    return o
