import numpy as np


def inputs(rng):
    a = rng.standard_normal(8).astype(np.float32) * np.float32(10)
    a[5] = np.float32(150)  # the break in nest i3
    return {"a": a, "n": np.int32(3)}


def reference(a, n):
    f = np.float32
    tmp = a * f(2)
    s = f(0)
    for v in tmp:
        s = f(s + v)
    out = tmp + s
    for _ in range(int(n)):
        s = f(s + f(1))
    for i in range(8):
        if a[i] > f(100):
            break
        out[i] = out[i] + s
    out = out * f(0.5)
    for k in range(6, 20):
        out = out * f(0.75) + f(k)
    return (out.astype(np.float32),)
