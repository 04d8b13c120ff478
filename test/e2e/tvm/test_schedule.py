import numpy as np


def inputs_outer_product(rng):
    return {"a": rng.standard_normal(64).astype(np.float32), "b": rng.standard_normal(64).astype(np.float32)}


def reference_outer_product(a, b):
    return np.outer(a, b).astype(np.float32)


def inputs_outer_product_n(rng):
    return {"n": np.int32(66), "m": np.int32(13), "a": rng.standard_normal(66).astype(np.float32),
            "b": rng.standard_normal(13).astype(np.float32)}


def reference_outer_product_n(n, m, a, b):
    return np.outer(a, b).astype(np.float32)
