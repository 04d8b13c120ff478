import numpy as np
def inputs(rng):
    return {"a": rng.integers(1, 60, 50).astype(np.int32), "x": rng.standard_normal(50).astype(np.float32)}
def reference(a, x):
    out = np.zeros(50, np.int32)
    for i in range(50):
        steps, v = 0, int(a[i])
        while v != 1 and steps < 200:
            v = v // 2 if v % 2 == 0 else 3 * v + 1
            steps += 1
        kind = 1 if 0 < a[i] < 10 else (2 if a[i] >= 10 and not a[i] > 40 else 3)
        out[i] = steps * 10 + kind
    f = np.where(x > 0, x, -x * np.float32(2)).astype(np.float32)
    for i in range(50):
        s = 0
        for j in range(50):
            if j > i:
                break
            if a[j] % 3 == 0:
                continue
            s += int(a[j])
        out[i] += s * 1000
    return out, f
