import numpy as np


def inputs_vec_add(rng):
    return {"a": rng.standard_normal(1000).astype(np.float32), "b": rng.standard_normal(1000).astype(np.float32)}


def reference_vec_add(a, b):
    return a + b


def inputs_foo(rng):
    return {"a": rng.standard_normal((32, 8)).astype(np.float32)}


def reference_foo(a):
    out = np.zeros(32, np.float32)
    for i in range(32):
        t = np.float32(0)
        for k in range(8):
            t = np.float32(t + a[i, k])
        out[i] = t
    return out


def inputs_max_threads(rng):
    return {"a": rng.standard_normal(2000).astype(np.float32)}


def reference_max_threads(a):
    return a + a
