import numpy as np
RTOL = 1e-3
def inputs(rng):
    return {"h": rng.standard_normal(8).astype(np.float16), "u": rng.integers(0, 255, 8).astype(np.uint8),
            "s": rng.integers(-300, 300, 8).astype(np.int16), "f": rng.standard_normal(8) * 100,
            "flag": rng.integers(0, 2, 8).astype(np.bool_), "k": np.uint32(7)}
def reference(h, u, s, f, flag, k):
    o16 = (h * np.float16(2) + u.astype(np.float16)).astype(np.float16)
    ou = (u.astype(np.uint32) * np.uint32(k) - np.uint32(3)).astype(np.uint32)
    oi = (np.trunc(f).astype(np.int32) + s.astype(np.int32) * 1000).astype(np.int32)
    of = f + s.astype(np.float64) + h.astype(np.float64)
    ob = flag & (u > 100)
    return o16, ou, oi, of, ob
