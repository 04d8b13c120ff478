import numpy as np
def inputs(rng):
    return {"a": rng.standard_normal((16, 8)).astype(np.float32), "b": rng.standard_normal((8, 32)).astype(np.float32)}
def reference(a, b):
    return ((a[:, 0] * np.float32(0) + a[:, 3] * np.float32(3)).astype(np.float32),)
