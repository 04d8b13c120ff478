import numpy as np


def inputs(rng):
    return {"a": rng.integers(-50, 50, 8).astype(np.int32), "b": rng.integers(-50, 50, 8).astype(np.int32)}


def reference(a, b):
    t = (a + 3) * 2
    final_a = a + 3 - b
    return (final_a + t).astype(np.int32), final_a.astype(np.int32)
