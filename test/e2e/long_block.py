import numpy as np


def inputs(rng):
    return {"a": rng.standard_normal(1500).astype(np.float32)}


def reference(a):
    f = np.float32
    out = np.zeros(1501, dtype=np.float32)
    s = f(0)
    for i in range(1500):
        s = f(s + a[i])
        out[i] = f(a[i] * f(2) + s)
    out[1500] = s
    for k in range(17):
        for _ in range(4):
            out[k] = f(out[k] + f(0.5))
    return (out,)
