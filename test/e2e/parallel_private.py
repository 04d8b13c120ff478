import numpy as np
RTOL = 1e-4
def inputs(rng):
    return {"n": np.int32(61), "m": np.int32(37),
            "a": rng.standard_normal((61, 37)).astype(np.float32)}
def reference(n, a, m):
    row = a - a.max(axis=1, keepdims=True)
    total = row.sum(axis=1, keepdims=True)
    w = np.arange(4)[None, :] + np.arange(n)[:, None]
    return ((row / (total - 1.0) + w[:, np.arange(m) % 4]).astype(np.float32),)
