import numpy as np
EXPECT_CODE = 1
EXPECT_STDERR = "negative input"
def inputs(rng):
    a = np.arange(10, dtype=np.int32)
    a[6] = -1
    return {"a": a}
def reference(a):
    return (a,)
