# Kernels of the cuda target's tests (test/cuda/*.test): bind in the source,
# bind by schedule (kernels.json), two launches in one def, scalars of
# several types, math functions (exp, exp2, log2, log10, power, sin, cos;
# float64 exp, exp2, log, log2, log10, sigmoid).
def vadd(n: int32, a: float32[n], b: float32[n]):
    c = output_tensor((n,), 'float32')
    for bx in bind('blockIdx.x', (n + 255) // 256):
        for tx in bind('threadIdx.x', 256):
            if bx * 256 + tx < n:
                c[bx * 256 + tx] = a[bx * 256 + tx] + b[bx * 256 + tx]
    return c

def matmul(a: float32[64, 32], b: float32[32, 48]):
    c = output_tensor((64, 48), 'float32')
    for i in range(64):
        for j in range(48):
            c[i, j] = 0.0
            for k in range(32):
                c[i, j] += a[i, k] * b[k, j]
    return c

def two_steps(n: int32, s: float32, a: float32[n]):
    t = output_tensor((n,), 'float32')
    u = output_tensor((n,), 'float32')
    for bx in bind('blockIdx.x', (n + 127) // 128):
        for tx in bind('threadIdx.x', 128):
            if bx * 128 + tx < n:
                t[bx * 128 + tx] = (exp(a[bx * 128 + tx]) + exp2(a[bx * 128 + tx]) +
                                    log2(a[bx * 128 + tx] * a[bx * 128 + tx] + 1.0) +
                                    log10(a[bx * 128 + tx] * a[bx * 128 + tx] + 1.0) +
                                    power(a[bx * 128 + tx] * a[bx * 128 + tx] + 1.0, 1.5) +
                                    sin(a[bx * 128 + tx]) * cos(a[bx * 128 + tx] * 1000.0)) * s
    for by in bind('blockIdx.y', n):
        u[by] = t[by] + 1.0
    return t, u

def f64_math(n: int32, a: float64[n]):
    t = output_tensor((11, n), 'float64')
    for bx in bind('blockIdx.x', (n + 127) // 128):
        for tx in bind('threadIdx.x', 128):
            if bx * 128 + tx < n:
                t[0, bx * 128 + tx] = exp(a[bx * 128 + tx] * 30.0)
                t[1, bx * 128 + tx] = exp2(a[bx * 128 + tx] * 40.0)
                t[2, bx * 128 + tx] = log(fabs(a[bx * 128 + tx]) * 1.0e6)
                t[3, bx * 128 + tx] = log2(fabs(a[bx * 128 + tx]))
                t[4, bx * 128 + tx] = log10(a[bx * 128 + tx] + 1.0)
                t[5, bx * 128 + tx] = sigmoid(a[bx * 128 + tx] * 20.0)
                t[6, bx * 128 + tx] = tanh(a[bx * 128 + tx] * 3.0)
                t[7, bx * 128 + tx] = sin(a[bx * 128 + tx] * 1.0e8)
                t[8, bx * 128 + tx] = cos(a[bx * 128 + tx] * 10.0)
                t[9, bx * 128 + tx] = erf(a[bx * 128 + tx] * 4.0)
                t[10, bx * 128 + tx] = power(fabs(a[bx * 128 + tx]) * 100.0, a[bx * 128 + tx] * 50.0)
    return t
