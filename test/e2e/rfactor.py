import numpy as np
RTOL = 1e-5
ATOL = 1e-4

def inputs_rowstats(rng):
    n, m = 13, 45
    return {"n": np.int32(n), "m": np.int32(m),
            "a": rng.standard_normal((n, m)).astype(np.float32)}

def reference_rowstats(n, m, a):
    return a.max(axis=1), (a.astype(np.float64) * 0.5).sum(axis=1).astype(np.float32)

def inputs_intred(rng):
    return {"a": rng.integers(-1000, 1000, (37, 50)).astype(np.int32),
            "b": rng.integers(-128, 128, (37, 50)).astype(np.int8),
            "u": rng.integers(0, 65536, (37, 50)).astype(np.uint16)}

def reference_intred(a, b, u):
    out = np.zeros((37, 4), np.int32)
    out[:, 0] = a.sum(axis=1, dtype=np.int32)
    # hybrid script's % is floor modulo, like numpy's
    out[:, 1] = np.prod(a % 3 + 2, axis=1, dtype=np.int32)
    out[:, 2] = b.min(axis=1)
    out[:, 3] = u.max(axis=1)
    return out, b.min(axis=1), u.max(axis=1)

def inputs_colsum(rng):
    return {"a": rng.standard_normal((64, 40)).astype(np.float32)}

def reference_colsum(a):
    return (a.astype(np.float64).sum(axis=0).astype(np.float32),)

def inputs_psum(rng):
    return {"a": rng.standard_normal(4096).astype(np.float32)}

def reference_psum(a):
    return (np.array([a.astype(np.float64).sum()], np.float32),)

def inputs_autofactor(rng):
    return {"x": rng.standard_normal((16, 100)).astype(np.float32)}

def reference_autofactor(x):
    return (x.astype(np.float64).sum(axis=1).astype(np.float32),)

def inputs_widths(rng):
    return {"u": rng.integers(1000, 2**32 - 1, 40, dtype=np.uint64).astype(np.uint32),
            "w": rng.integers(-2**62, -2**61, 40, dtype=np.int64),
            "f": rng.standard_normal(40)}

def reference_widths(u, w, f):
    return (np.array([u.min()], np.uint32), np.array([w.max()], np.int64),
            np.array([np.prod(f * 0.01 + 1.0)], np.float64))
