import numpy as np
def inputs(rng):
    return {"a": rng.standard_normal(4).astype(np.float32)}
def reference(a):
    return ((a + np.array([0.5, 1.5, 2.5, 3.5], np.float32)).astype(np.float32),)
