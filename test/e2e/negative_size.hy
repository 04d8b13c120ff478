# A negative symbolic size is a bad argument: the kernel returns 2.
# RUN: %e2e %s --ref %S/negative_size.py --function neg --workdir %t
def neg(n: int32, a: float32[n]):
    b = output_tensor((n,), 'float32')
    for i in range(n):
        b[i] = a[i]
    return b
