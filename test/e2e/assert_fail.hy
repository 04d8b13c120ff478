# A failing assert returns 1 and hands "kernel + message" to the handler
# (the default handler prints it); heap buffers are freed on that path.
# RUN: %e2e %s --ref %S/assert_fail.py --function checked --workdir %t
# RUN: %e2e %s --ref %S/assert_fail.py --function checked --target aarch64 --workdir %t.a64
def checked(a: int32[10]):
    b = output_tensor((10,), 'int32')
    tmp = allocate((1000000,), 'int32')
    for i in range(10):
        tmp[i] = a[i]
        assert a[i] >= 0, "negative input"
        b[i] = tmp[i]
    return b
