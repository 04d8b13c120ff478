import numpy as np
RTOL = 1e-5
ATOL = 1e-5
N = 37  # two 16-lane vectors and a tail of 5 (8-lane loops: four and 5)

def inputs_branches(rng):
    return {"n": np.int32(N), "a": rng.standard_normal(N).astype(np.float32)}

def reference_branches(n, a):
    pos = a > 0
    return (np.where(pos, -a * np.float32(2.0), a).astype(np.float32),
            np.where(pos, 1.0, 2.0).astype(np.float32))

def inputs_lanevar(rng):
    return {"n": np.int32(N), "a": rng.standard_normal(N).astype(np.float32)}

def reference_lanevar(n, a):
    t = a * np.float32(2.0)
    t = np.where(t > 1.0, np.float32(0.0), t + np.float32(10.0))
    return (np.where(a > -0.5, t, a).astype(np.float32),)

def inputs_gather(rng):
    idx = rng.integers(-1, 8, N).astype(np.int32)  # -1: the lanes off
    idx[-5:] = -1                                   # the tail's lanes too
    return {"n": np.int32(N), "k": np.int32(1 << 30), "idx": idx,
            "tab": rng.standard_normal(8).astype(np.float32),
            "w": rng.standard_normal(4).astype(np.float32)}

def reference_gather(n, k, idx, tab, w):
    c = np.where(idx >= 0, tab[np.clip(idx, 0, 7)], np.float32(-1.0)).astype(np.float32)
    e = np.zeros(2 * n, np.float32)
    e[1::2] = np.where(idx >= 0, tab[np.clip(idx, 0, 7)] + np.float32(1.0), np.float32(0.0))
    return (c, e)

def inputs_counts(rng):
    return {"n": np.int32(N), "a": rng.standard_normal(N).astype(np.float32)}

def reference_counts(n, a):
    return (np.array([a[a > 0.25].astype(np.float64).sum(), (a < -0.25).sum()], np.float32),)

def inputs_pad(rng):
    return {"n": np.int32(N), "a": rng.standard_normal(N).astype(np.float32)}

def reference_pad(n, a):
    c = np.zeros(n, np.float32)
    c[1:] = a[:-1]
    d = np.zeros(n, np.int32)
    for i in range(n):
        d[i] = int((i + 1 < n and a[i + 1] > 0) or (i == 0 or a[i - 1] < -1.0))
    return (c, d)
