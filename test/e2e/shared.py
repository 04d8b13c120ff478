import numpy as np
RTOL = 1e-4
ATOL = 1e-4


def inputs_block_reverse(rng):
    return {"a": rng.standard_normal(256).astype(np.float32)}


def reference_block_reverse(a):
    return a.reshape(4, 64)[:, ::-1].reshape(256).copy()


def inputs_mm_shared(rng):
    return {"a": rng.standard_normal((64, 48)).astype(np.float32),
            "b": rng.standard_normal((48, 32)).astype(np.float32)}


def reference_mm_shared(a, b):
    return (a.astype(np.float64) @ b.astype(np.float64)).astype(np.float32)


inputs_block_reverse_outer = inputs_block_reverse
reference_block_reverse_outer = reference_block_reverse
