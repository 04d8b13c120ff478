# An assert failing in many iterations of a parallel loop: the kernel
# returns 1 and the message reaches the handler (the default one prints
# it); heap buffers inside the body and outside are freed on that path.
# (ParallelTest.cpp checks that the handler is called exactly once.)
# RUN: %e2e %s --ref %S/parallel_assert.py --function checked --workdir %t
# RUN: env HYBRIDC_NUM_THREADS=4 %e2e %s --ref %S/parallel_assert.py --function checked --workdir %t.4
# RUN: %e2e %s --ref %S/parallel_assert.py --function checked --target aarch64 --workdir %t.a64
def checked(n: int32, a: int32[n]):
    b = output_tensor((n,), 'int32')
    outside = allocate((n,), 'int32')
    for i in parallel(n):
        tmp = allocate((n,), 'int32')
        tmp[i] = a[i]
        assert a[i] >= 0, "negative input in a parallel loop"
        outside[i] = tmp[i]
    for i in range(n):
        b[i] = outside[i]
    return b
