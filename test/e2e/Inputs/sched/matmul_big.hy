# Larger matmuls for register-tiled schedules (parallel + unroll + vectorize):
# c[96, 80] = a[96, 64] @ b[64, 80], first-term (peeled) and zero-first
# forms, and a symbolic number of rows.
def mm(a: float32[96, 64], b: float32[64, 80]):
    c = output_tensor((96, 80), 'float32')
    for i in range(96):
        for j in range(80):
            for k in range(64):
                if k == 0:
                    c[i, j] = a[i, k] * b[k, j]
                else:
                    c[i, j] += a[i, k] * b[k, j]
    return c

def mm_zero(a: float32[96, 64], b: float32[64, 80]):
    c = output_tensor((96, 80), 'float32')
    for i in range(96):
        for j in range(80):
            c[i, j] = 0.0
    for i in range(96):
        for k in range(64):
            for j in range(80):
                c[i, j] += a[i, k] * b[k, j]
    return c

def mm_rows(n: int32, a: float32[n, 64], b: float32[64, 80]):
    c = output_tensor((n, 80), 'float32')
    for i in range(n):
        for j in range(80):
            acc = 0.0
            for k in range(64):
                acc += a[i, k] * b[k, j]
            c[i, j] = acc
    return c
