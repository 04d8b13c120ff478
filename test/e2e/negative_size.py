import numpy as np
EXPECT_CODE = 2
EXPECT_STDERR = "negative"
def inputs(rng):
    return {"n": np.int32(-5), "a": np.zeros(1, np.float32)}
def reference(n, a):
    return (np.zeros(1, np.float32),)
