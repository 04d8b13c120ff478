import numpy as np
RTOL = 1e-5
ATOL = 1e-5

def _blur(inp, m):
    i = inp.astype(np.float64)
    bx = i[:, 0:m - 2] + i[:, 1:m - 1] * 2.0 + i[:, 2:m]
    return bx[0:-2] - bx[1:-1] + bx[2:] * 0.5

def inputs_strips(rng):
    n, m = 17, 13
    return {"n": np.int32(n), "m": np.int32(m),
            "inp": rng.standard_normal((n, m)).astype(np.float32)}

def reference_strips(n, m, inp):
    return (_blur(inp, m).astype(np.float32),)

def inputs_tiles(rng):
    return {"inp": rng.standard_normal((23, 30)).astype(np.float32)}

def reference_tiles(inp):
    i = inp.astype(np.float64)
    bx = i[:, 0:28] * i[:, 2:30] - i[:, 1:29]
    return ((bx[0:21] + bx[1:22] + bx[2:23]).astype(np.float32),)

def inputs_diffs(rng):
    n = 11
    return {"n": np.int32(n), "a": rng.standard_normal(n).astype(np.float32)}

def reference_diffs(n, a):
    out = np.empty(n, np.float32)
    out[0] = a[0]
    d = a[1:] - a[:-1]
    out[1:] = d * d
    return (out,)

def inputs_shared(rng):
    return {"inp": rng.standard_normal((12, 10)).astype(np.float32)}

def reference_shared(inp):
    bx = inp[:, 0:8] + inp[:, 2:10]
    return (bx * np.float32(3.0), bx[11].copy())
