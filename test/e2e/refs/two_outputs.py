import numpy as np
RTOL = 1e-5
def inputs(rng):
    return {"a": rng.standard_normal((32, 16)).astype(np.float32)}
def reference(a):
    lo = a.min(axis=1)
    hi = a.max(axis=1)
    scale = np.maximum(hi - lo, np.float32(0.000001)).astype(np.float32)
    out = ((a - lo[:, None]) / scale[:, None]).astype(np.float32)
    return out, scale
