import numpy as np
def inputs(rng):
    return {"a": rng.standard_normal((64, 99)).astype(np.float32)}
def reference(a):
    return ((a * np.float32(2) + np.float32(1)).astype(np.float32),)
