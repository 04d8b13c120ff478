# allocate: a small local buffer (stack), a large one (heap), a symbolic one
# (heap, sized by n); outputs never read before written.
# RUN: %e2e %s --ref %S/allocate.py --function buffers --workdir %t
# RUN: %e2e %s --ref %S/allocate.py --function buffers --target aarch64 --workdir %t.a64
def buffers(n: int32, a: float32[n]):
    o = output_tensor((n,), 'float32')
    big = allocate((100000,), 'float32')
    for i in range(100000):
        big[i] = float32(i % 7)
    t = allocate((n,), 'float32')
    for i in range(n):
        small = allocate((4,), 'float32', 'local')
        for k in range(4):
            small[k] = a[i] * float32(k)
        t[i] = small[0] + small[1] + small[2] + small[3] + big[i * 13]
    for i in range(n):
        o[i] = t[n - 1 - i]
    return o
