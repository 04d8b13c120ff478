import numpy as np


def inputs_sum_array(rng):
    return {"xs_%d" % k: rng.standard_normal(10).astype(np.float32) for k in range(3)}


def reference_sum_array(xs_0, xs_1, xs_2):
    return ((xs_0 + xs_1) + xs_2).astype(np.float32)


def inputs_concat(rng):
    return {"xs_0": rng.standard_normal((5, 4)).astype(np.float32),
            "xs_1": rng.standard_normal((5, 4)).astype(np.float32), "m": np.int32(5)}


def reference_concat(xs_0, xs_1, m):
    return np.concatenate([xs_0, xs_1])
