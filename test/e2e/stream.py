import numpy as np
RTOL = 1e-6
ATOL = 1e-6

def inputs_rows(rng):
    return {"a": rng.standard_normal((16, 67)).astype(np.float32)}

def reference_rows(a):
    return (a * np.float32(2.0) + np.float32(1.0),)

def inputs_dtypes(rng):
    return {"a": rng.standard_normal(200),
            "b": rng.integers(-128, 128, 320).astype(np.int8)}

def reference_dtypes(a, b):
    return (a * 0.5, (b.astype(np.int16) * 2).astype(np.int8))

def inputs_reuse(rng):
    return {"a": rng.standard_normal(1000).astype(np.float32)}

def reference_reuse(a):
    return ((a * a)[::-1] + a,)

def inputs_fused(rng):
    return {"a": rng.standard_normal((12, 18)).astype(np.float32)}

def reference_fused(a):
    o = np.full((12, 20), -1.0, np.float32)
    o[:, 1:19] = a * np.float32(3.0)
    return (o,)

def inputs_sym(rng):
    n, m = 9, 37
    return {"n": np.int32(n), "m": np.int32(m),
            "a": rng.standard_normal((n, m)).astype(np.float32)}

def reference_sym(n, m, a):
    return (a - np.float32(0.25),)

def inputs_handoff(rng):
    return {"a": rng.standard_normal(4000).astype(np.float32)}

def reference_handoff(a):
    return ((a + np.float32(1.0))[::-1] * a,)
