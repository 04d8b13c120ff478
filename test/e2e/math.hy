# Every math builtin on float32 and a few on float64.
# RUN: %e2e %s --ref %S/math.py --function math_fns --workdir %t
# RUN: %e2e %s --ref %S/math.py --function math_fns --target aarch64 --workdir %t.a64
def math_fns(x: float32[32], y: float64[32], k: int32[32]):
    o = output_tensor((16, 32), 'float32')
    d = output_tensor((3, 32), 'float64')
    p = output_tensor((32,), 'int32')
    for i in range(32):
        v = x[i]
        o[0, i] = exp(v)
        o[1, i] = log(fabs(v) + 1.0)
        o[2, i] = sqrt(fabs(v))
        o[3, i] = rsqrt(fabs(v) + 0.5)
        o[4, i] = sigmoid(v)
        o[5, i] = tanh(v)
        o[6, i] = sin(v) + cos(v)
        o[7, i] = erf(v)
        o[8, i] = floor(v) + ceil(v)
        o[9, i] = round(v)
        o[10, i] = log2(fabs(v) + 1.0) + log10(fabs(v) + 1.0)
        o[11, i] = exp2(v)
        o[12, i] = power(fabs(v), 1.5)
        o[13, i] = abs(v) - fabs(v)
        o[14, i] = max(v, 0.0) + min(v, 0.0)
        o[15, i] = v / 3.0 + v * v - 1.0
        d[0, i] = exp(y[i]) + log(fabs(y[i]) + 1.0)
        d[1, i] = y[i] + 0.1
        d[2, i] = float64(v) * y[i]
        p[i] = popcount(k[i])
    return o, d, p
