# Matrix multiplication c = a @ b with a scalar accumulator: `acc` is
# declared by its first store inside the j loop and lives only there.
@script
def matmul(a: float32[64, 32], b: float32[32, 48]):
    c = output_tensor((64, 48), 'float32')
    for i in range(64):
        for j in range(48):
            acc = 0.0
            for k in range(32):
                acc += a[i, k] * b[k, j]
            c[i, j] = acc
    return c
