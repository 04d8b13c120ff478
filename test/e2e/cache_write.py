import numpy as np
RTOL = 1e-5
ATOL = 1e-5

def inputs_mm(rng):
    n = 13
    return {"n": np.int32(n), "A": rng.standard_normal((n, 16)).astype(np.float32),
            "B": rng.standard_normal((16, 24)).astype(np.float32)}

def reference_mm(n, A, B):
    return ((A.astype(np.float64) @ B.astype(np.float64)).astype(np.float32),)

def inputs_scan(rng):
    return {"a": rng.standard_normal((5, 33)).astype(np.float32)}

def reference_scan(a):
    c = np.zeros((5, 33), np.float32)
    c[:, 0] = a[:, 0]
    for j in range(1, 33):
        c[:, j] = c[:, j - 1] * np.float32(0.5) + a[:, j]
    return (c,)

def inputs_evens(rng):
    return {"a": rng.standard_normal(32).astype(np.float32)}

def reference_evens(a):
    b = a + np.float32(100.0)
    b[0::2] = a[0::2] * np.float32(3.0)
    return (b,)

def inputs_normalize(rng):
    return {"x": rng.standard_normal((6, 40)).astype(np.float32)}

def reference_normalize(x):
    e = np.exp(x.astype(np.float64))
    return ((e / e.sum(axis=1, keepdims=True)).astype(np.float32),)

def inputs_split(rng):
    return {"x": rng.standard_normal((5, 32)).astype(np.float32)}

def reference_split(x):
    y = x * np.float32(2.0)
    for l in range(31):
        y[:, l + 1] = y[:, l + 1] + y[:, l]
    return (y,)

def inputs_interleaved(rng):
    return {"x": rng.standard_normal((4, 16)).astype(np.float32)}

def reference_interleaved(x):
    y = np.full((4, 16), 7.0, np.float32)
    y[:, 0::2] = x[:, 0::2]
    y[:, 1::2] = y[:, 1::2] + y[:, 0::2]
    return (y,)

def inputs_guarded(rng):
    return {"x": rng.standard_normal((4, 16)).astype(np.float32), "t": np.float32(0.3)}

def reference_guarded(x, t):
    return (np.minimum(x, t) * np.float32(2.0),)
