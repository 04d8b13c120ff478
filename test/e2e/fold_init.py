import numpy as np
RTOL = 1e-5
ATOL = 1e-5

def inputs_mm(rng):
    n, m = 13, 21
    return {"n": np.int32(n), "m": np.int32(m),
            "A": rng.standard_normal((n, 24)).astype(np.float32),
            "B": rng.standard_normal((24, m)).astype(np.float32)}

def reference_mm(n, m, A, B):
    return ((A.astype(np.float64) @ B.astype(np.float64)).astype(np.float32),)

def inputs_conv(rng):
    return {"inp": rng.standard_normal((6, 10, 10)).astype(np.float32),
            "w": rng.standard_normal((4, 6, 3, 3)).astype(np.float32)}

def reference_conv(inp, w):
    out = np.full((4, 8, 8), 0.5)
    for ry in range(3):
        for rx in range(3):
            out += np.einsum("cyx,kc->kyx", inp[:, ry:ry + 8, rx:rx + 8].astype(np.float64),
                             w[:, :, ry, rx].astype(np.float64))
    return (out.astype(np.float32),)

def inputs_colmax(rng):
    return {"a": rng.integers(-100, 100, (37, 20)).astype(np.int32)}

def reference_colmax(a):
    return (np.maximum(a.max(axis=0), -5).astype(np.int32),)

def inputs_tiles(rng):
    return {"A": rng.standard_normal((16, 12)).astype(np.float32),
            "B": rng.standard_normal((12, 16)).astype(np.float32)}

def reference_tiles(A, B):
    return ((A.astype(np.float64) @ B.astype(np.float64)).astype(np.float32),)
