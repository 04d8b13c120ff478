# A def calling another def: a two-output callee unpacked with x, y = f(a),
# a callee with a scalar argument, a callee whose loop variable shadows the
# caller's, and a result written straight into the caller's output.
# RUN: %e2e %s --ref %S/calls.py --function caller --workdir %t
# RUN: %e2e %s --ref %S/calls.py --function caller --target aarch64 --workdir %t.a64
def scale(a: float32[16], s: float32):
    b = output_tensor((16,), 'float32')
    for i in range(16):
        b[i] = a[i] * s
    return b

def split_sign(a: float32[16]):
    pos = output_tensor((16,), 'float32')
    neg = output_tensor((16,), 'float32')
    for i in range(16):
        pos[i] = max(a[i], 0.0)
        neg[i] = min(a[i], 0.0)
    return pos, neg

def caller(a: float32[16], s: float32):
    p, n = split_sign(a)
    out = output_tensor((16,), 'float32')
    for i in range(16):
        out[i] = p[i] - n[i]
    d = scale(out, s + 1.0)
    e = output_tensor((16,), 'float32')
    for i in range(16):
        e[i] = d[i] + a[i]
    return e, p
