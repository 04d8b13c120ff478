import numpy as np
RTOL = 1e-4
ATOL = 1e-4
def inputs(rng):
    return {"a": rng.standard_normal((96, 64)).astype(np.float32),
            "b": rng.standard_normal((64, 80)).astype(np.float32)}
def reference(a, b):
    return ((a.astype(np.float64) @ b.astype(np.float64)).astype(np.float32),)
