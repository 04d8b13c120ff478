import numpy as np
RTOL = 1e-4
ATOL = 1e-5


def inputs_vadd(rng):
    n = 1000
    return {"n": np.int32(n), "a": rng.standard_normal(n).astype(np.float32),
            "b": rng.standard_normal(n).astype(np.float32)}


def reference_vadd(n, a, b):
    return a + b


def inputs_matmul(rng):
    # Scaled so that float32 rounding over 512 terms stays below ATOL.
    return {"a": (rng.standard_normal((512, 512)) * 0.25).astype(np.float32),
            "b": (rng.standard_normal((512, 512)) * 0.25).astype(np.float32)}


def reference_matmul(a, b):
    return (a.astype(np.float64) @ b.astype(np.float64)).astype(np.float32)


def inputs_softmax_rows(rng):
    return {"x": (rng.standard_normal((64, 256)) * 4).astype(np.float32)}


def reference_softmax_rows(x):
    x = x.astype(np.float64)
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return (e / e.sum(axis=1, keepdims=True)).astype(np.float32)
