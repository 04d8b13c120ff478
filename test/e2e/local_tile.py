import numpy as np
RTOL = 1e-5
ATOL = 1e-5
def inputs(rng):
    return {"a": rng.standard_normal((16, 8)).astype(np.float32), "b": rng.standard_normal((8, 32)).astype(np.float32)}
def reference(a, b):
    return ((a.astype(np.float64) @ b.astype(np.float64)).astype(np.float32),)
