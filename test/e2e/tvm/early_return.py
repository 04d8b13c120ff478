import numpy as np


def inputs_fill_rows(rng):
    a = rng.integers(-3, 4, 12).astype(np.int32)
    return {"n": np.int32(12), "a": a, "fill": np.int32(99)}


def reference_fill_rows(n, a, fill):
    out = np.where(a == 0, fill, a).astype(np.int32)
    return out, np.array([np.count_nonzero(a == 0)], np.int32)


def inputs_clamp_or_copy(rng):
    return {"a": (rng.standard_normal(8) * 2).astype(np.float32), "mode": np.int32(2)}


def reference_clamp_or_copy(a, mode):
    return np.clip(a, -1, 1).astype(np.float32)
