# The langref's first example, typed.
# RUN: %e2e %s --ref %S/outer_product.py --function outer_product --workdir %t
# RUN: %e2e %s --ref %S/outer_product.py --function outer_product --target aarch64 --workdir %t.a64
def outer_product(a: float32[100], b: float32[99]):
    c = output_tensor((100, 99), 'float32')
    for i in range(a.shape[0]):
        for j in range(b.shape[0]):
            c[i, j] = a[i] * b[j]
    return c
