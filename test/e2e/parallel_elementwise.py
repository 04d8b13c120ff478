import numpy as np
def inputs(rng):
    n = 100003
    return {"n": np.int32(n), "a": rng.standard_normal(n).astype(np.float32),
            "b": rng.standard_normal(n).astype(np.float32), "s": np.float32(0.75)}
def reference(n, a, b, s):
    o = np.empty(n, dtype=np.float32)
    o[0] = b[0]
    o[1:] = a[1:] * s + b[:-1]
    return (o,)
