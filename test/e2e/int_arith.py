import numpy as np
def inputs(rng):
    a = rng.integers(-1000, 1000, 64).astype(np.int32)
    b = rng.integers(1, 40, 64).astype(np.int32) * rng.choice([-1, 1], 64).astype(np.int32)
    c = rng.integers(-128, 127, 64).astype(np.int8)
    return {"a": a, "b": b, "c": c}
def reference(a, b, c):
    q = a // b
    r = a % b
    ab = np.abs(a)
    bits = ((a & b) | (a ^ 5)) + ~b + (ab + 7 - 1) // 7
    w = (c.astype(np.int32) * 3 + 100).astype(np.int8)   # wraps like int8
    m = np.maximum(a, b).astype(np.int64) * np.minimum(a, b).astype(np.int64) + a.astype(np.int64) // -3
    return q.astype(np.int32), r.astype(np.int32), bits.astype(np.int32), w, m
