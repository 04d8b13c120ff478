import numpy as np
from math import erf
RTOL = 2e-5
ATOL = 2e-6
def inputs(rng):
    x = (rng.standard_normal(32) * 2).astype(np.float32)
    x[0] = 2.5; x[1] = -2.5; x[2] = 0.5; x[3] = -0.5  # round: halves away from zero
    return {"x": x, "y": rng.standard_normal(32), "k": rng.integers(-2**31, 2**31 - 1, 32).astype(np.int32)}
def reference(x, y, k):
    v = x.astype(np.float64)
    av = np.abs(v)
    rnd = np.sign(v) * np.floor(np.abs(v) + 0.5)
    o = np.stack([np.exp(v), np.log(av + 1), np.sqrt(av), 1 / np.sqrt(av + 0.5), 1 / (1 + np.exp(-v)),
                  np.tanh(v), np.sin(v) + np.cos(v), np.array([erf(t) for t in v]),
                  np.floor(v) + np.ceil(v), rnd, np.log2(av + 1) + np.log10(av + 1), np.exp2(v),
                  av ** 1.5, np.zeros(32), np.maximum(v, 0) + np.minimum(v, 0),
                  v / 3 + v * v - 1]).astype(np.float32)
    # float32 literals, even beside float64 (SEMANTICS.md): 0.1 is float32(0.1) widened.
    d = np.stack([np.exp(y) + np.log(np.abs(y) + 1), y + np.float64(np.float32(0.1)), v * y])
    p = np.array([bin(int(t) & 0xffffffff).count("1") for t in k], dtype=np.int32)
    return o, d, p
