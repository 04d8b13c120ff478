import numpy as np
RTOL = 1e-5
def inputs(rng):
    return {"inp": rng.standard_normal((66, 66)).astype(np.float32)}
def reference(inp):
    x = inp.astype(np.float32)
    bx = (x[:, 0:64] + x[:, 1:65] + x[:, 2:66]) / np.float32(3)
    out = (bx[0:64] + bx[1:65] + bx[2:66]) / np.float32(3)
    return (out.astype(np.float32),)
