import numpy as np
def inputs(rng):
    return {"a": rng.standard_normal((8, 8, 8)).astype(np.float32)}
def reference(a):
    return ((a - np.arange(8, dtype=np.float32)[None, None, :]).astype(np.float32),)
