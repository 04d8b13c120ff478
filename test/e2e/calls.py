import numpy as np
def inputs(rng):
    return {"a": rng.standard_normal(16).astype(np.float32), "s": np.float32(0.75)}
def reference(a, s):
    p = np.maximum(a, 0)
    n = np.minimum(a, 0)
    out = p - n
    d = out * (s + np.float32(1))
    return (d + a).astype(np.float32), p.astype(np.float32)
