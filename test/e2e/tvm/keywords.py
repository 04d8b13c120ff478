import numpy as np


def inputs(rng):
    return {"a": rng.integers(0, 20, 16).astype(np.int32),
            "x": rng.uniform(-4, 4, 16).astype(np.float32), "flag": np.int32(5)}


def reference(a, x, flag):
    cnt = int(np.count_nonzero(a % 3))
    rem = a % 4
    scaled = np.trunc(x * np.float32(3)).astype(np.int32)
    out = np.where((flag != 0) & (rem != 0), scaled, cnt).astype(np.int32)
    return (out + 100 * rem).astype(np.int32)
