# outer: out[i, j] = a[i] * b[j], 4096 x 4096 (../shared/bench/kernels.h).
def outer(a: float32[4096], b: float32[4096]):
    out = output_tensor((4096, 4096), 'float32')
    for i in range(4096):
        for j in range(4096):
            out[i, j] = a[i] * b[j]
    return out
