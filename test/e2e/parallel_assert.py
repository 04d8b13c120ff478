import numpy as np
EXPECT_CODE = 1
EXPECT_STDERR = "hybridc: checked: negative input in a parallel loop"
def inputs(rng):
    a = np.arange(1000, dtype=np.int32)
    a[500:] = -1
    return {"n": np.int32(1000), "a": a}
def reference(n, a):
    return (a,)
