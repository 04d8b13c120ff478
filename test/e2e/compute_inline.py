import numpy as np
RTOL = 1e-5
ATOL = 1e-5

def inputs_strips(rng):
    n, m = 9, 29
    return {"n": np.int32(n), "m": np.int32(m),
            "inp": rng.standard_normal((n, m)).astype(np.float32)}

def reference_strips(n, m, inp):
    i = inp.astype(np.float64)
    bx = i[:, 0:m - 2] + i[:, 1:m - 1] * 2.0 + i[:, 2:m]
    return ((bx[0:-2] - bx[1:-1] + bx[2:] * 0.5).astype(np.float32),)

def inputs_chain(rng):
    n = 23
    return {"n": np.int32(n), "a": rng.standard_normal(n).astype(np.float32)}

def reference_chain(n, a):
    x = a.astype(np.float64)
    s = (x * x - 1.0) * 0.5 + x
    return ((s - s[::-1]).astype(np.float32),)

def inputs_counts(rng):
    n = 37
    return {"n": np.int32(n), "v": rng.integers(-1000, 1000, n).astype(np.int32)}

def reference_counts(n, v):
    v = v.astype(np.int64)
    c = (v & 7) * 3 - np.floor_divide(v, 4)
    return (((c[1:] - c[:-1]).astype(np.float32) + np.float32(c[0]) * np.float32(0.25)),)

def inputs_tiles(rng):
    return {"inp": rng.standard_normal((15, 23)).astype(np.float32)}

def reference_tiles(inp):
    i = inp.astype(np.float64)
    bx = np.maximum(i[:, 0:21], i[:, 2:23]) - i[:, 1:22]
    return ((bx[0:13] + bx[1:14] * bx[2:15]).astype(np.float32),)
