import numpy as np
def inputs(rng):
    return {"n": np.int32(1000), "a": rng.standard_normal(1000).astype(np.float32)}
def reference(n, a):
    big = (np.arange(100000) % 7).astype(np.float32)
    t = a * np.float32(6) + big[np.arange(n) * 13]
    return (t[::-1].astype(np.float32),)
