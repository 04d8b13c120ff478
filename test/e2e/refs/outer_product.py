import numpy as np
def inputs(rng):
    return {"a": rng.standard_normal(100).astype(np.float32), "b": rng.standard_normal(99).astype(np.float32)}
def reference(a, b):
    return (np.outer(a, b).astype(np.float32),)
