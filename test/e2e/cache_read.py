import numpy as np
RTOL = 1e-5
ATOL = 1e-5

def inputs_mm(rng):
    n, m = 13, 21
    return {"n": np.int32(n), "m": np.int32(m),
            "A": rng.standard_normal((n, 20)).astype(np.float32),
            "B": rng.standard_normal((20, m)).astype(np.float32)}

def reference_mm(n, m, A, B):
    return ((A.astype(np.float64) @ B.astype(np.float64)).astype(np.float32),)

def inputs_stencil(rng):
    return {"a": rng.standard_normal(100).astype(np.float32)}

def reference_stencil(a):
    return ((a[:98] + np.float32(2.0) * a[1:99] + a[2:100]).astype(np.float32),)

def inputs_transpose(rng):
    return {"a": rng.standard_normal((24, 12)).astype(np.float32)}

def reference_transpose(a):
    return ((a.T * np.float32(3.0)).astype(np.float32),)
