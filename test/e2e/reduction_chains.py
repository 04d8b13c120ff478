import numpy as np
def inputs(rng):
    return {"a": rng.integers(-9, 9, 16).astype(np.int32)}
def reference(a):
    return np.array([(a + 3).sum(), (a + 1).sum(), (a * 2 + 1).sum()], np.int32)
