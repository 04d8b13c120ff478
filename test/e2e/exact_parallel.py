import numpy as np
RTOL = 1e-6
ATOL = 1e-6

def inputs_halves(rng):
    return {"n": np.int32(37), "a": rng.standard_normal(40).astype(np.float32)}

def reference_halves(n, a):
    b = np.concatenate([a, a]).astype(np.float32)
    b[n:2 * n] = b[0:n] * np.float32(2.0) + np.float32(1.0)
    return (b,)

def inputs_tri(rng):
    n = 11
    return {"n": np.int32(n), "a": rng.standard_normal((n, n)).astype(np.float32)}

def reference_tri(n, a):
    c = a.copy()
    low = np.tril_indices(n, -1)
    c[low] = a.T[low] - a[low]
    return (c,)
