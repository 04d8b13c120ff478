import numpy as np
RTOL = 1e-5
ATOL = 1e-5
def inputs(rng):
    return {"inp": rng.standard_normal((4098, 4098)).astype(np.float32)}
def reference(inp):
    x = inp.astype(np.float32)
    bx = (x[:, 0:4096] + x[:, 1:4097] + x[:, 2:4098]) / np.float32(3)
    out = (bx[0:4096] + bx[1:4097] + bx[2:4098]) / np.float32(3)
    return (out.astype(np.float32),)
