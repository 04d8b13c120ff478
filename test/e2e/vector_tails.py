import numpy as np
RTOL = 1e-5
ATOL = 1e-5
BASE = 33  # rows of 33..48 elements: every count 0..15 of a 16-lane tail

def inputs_ragged(rng):
    return {"base": np.int32(BASE), "a": rng.standard_normal((16, 64)).astype(np.float32)}

def reference_ragged(base, a):
    c = np.full((16, 64), -1.0, np.float32)
    for r in range(16):
        c[r, :base + r] = a[r, :base + r] * np.float32(3.0) + np.float32(1.0)
    return (c,)

def inputs_rsum(rng):
    return {"base": np.int32(BASE), "a": rng.standard_normal((16, 64)).astype(np.float32)}

def reference_rsum(base, a):
    return (np.array([a[r, :base + r].astype(np.float64).sum() for r in range(16)], np.float32),)

def inputs_imax(rng):
    return {"base": np.int32(BASE), "a": rng.integers(-1000, 1000, (16, 64)).astype(np.int32)}

def reference_imax(base, a):
    i = np.arange(64)
    return (np.array([max(-1000000, (a[r, :base + r] * 2 - i[:base + r]).max()) for r in range(16)],
                     np.int32),)

def inputs_twelve(rng):
    return {"base": np.int32(29), "a": rng.standard_normal((16, 64)).astype(np.float32)}

def reference_twelve(base, a):
    c = np.zeros((16, 64), np.float32)
    for r in range(16):
        c[r, :base + r] = a[r, :base + r] - np.float32(2.0)
    return (c,)
