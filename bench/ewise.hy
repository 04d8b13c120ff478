# ewise: c[i] = a[i] * b[i] + 1 over 64 Mi floats (../shared/bench/kernels.h).
def ewise(a: float32[67108864], b: float32[67108864]):
    c = output_tensor((67108864,), 'float32')
    for i in range(67108864):
        c[i] = a[i] * b[i] + 1.0
    return c
