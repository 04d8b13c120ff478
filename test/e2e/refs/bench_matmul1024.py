import numpy as np
RTOL = 1e-4
ATOL = 1e-4
def inputs(rng):
    return {"A": rng.standard_normal((1024, 1024)).astype(np.float32),
            "B": rng.standard_normal((1024, 1024)).astype(np.float32)}
def reference(A, B):
    return ((A.astype(np.float64) @ B.astype(np.float64)).astype(np.float32),)
