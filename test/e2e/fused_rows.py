import numpy as np
RTOL = 1e-5
ATOL = 1e-5

def inputs_stencil(rng):
    return {"a": rng.standard_normal((20, 22)).astype(np.float32)}

def reference_stencil(a):
    return (a[:18, :20] + a[1:19, 1:21] * np.float32(2.0) - a[2:20, 2:22],)

def inputs_widen(rng):
    return {"a": rng.standard_normal((12, 18)).astype(np.float32)}

def reference_widen(a):
    o = np.full((12, 20), -1.0, np.float32)
    o[:, 1:19] = a * np.float32(3.0)
    return (o,)

def inputs_flip(rng):
    return {"a": rng.standard_normal((12, 18)).astype(np.float32)}

def reference_flip(a):
    return (a[::-1, :] + np.float32(0.5),)

def inputs_narrow(rng):
    return {"a": rng.standard_normal((9, 8)).astype(np.float32)}

def reference_narrow(a):
    return (a[:8, 1:7] * a[1:9, 2:8],)

def inputs_tile(rng):
    return {"a": rng.standard_normal((4, 26)).astype(np.float32),
            "w": rng.standard_normal((3,)).astype(np.float32)}

def reference_tile(a, w):
    a64, w64 = a.astype(np.float64), w.astype(np.float64)
    o = sum(a64[:, r:r + 24] * w64[r] for r in range(3))
    return (o.astype(np.float32),)
