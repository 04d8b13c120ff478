import numpy as np
RTOL = 1e-5
ATOL = 1e-5

def inputs_colscan(rng):
    n, m = 7, 13
    return {"n": np.int32(n), "m": np.int32(m),
            "a": rng.standard_normal((n, m)).astype(np.float32)}

def reference_colscan(n, m, a):
    c = np.zeros((n, m), np.float32)
    c[0] = a[0]
    for i in range(1, n):
        c[i] = c[i - 1] * np.float32(0.5) + a[i]
    return (c,)

def inputs_rowscan(rng):
    n, m = 10, 19
    return {"n": np.int32(n), "m": np.int32(m),
            "a": rng.standard_normal((n, m)).astype(np.float32)}

def reference_rowscan(n, m, a):
    return (np.cumsum(a.astype(np.float64), axis=1).astype(np.float32),)

def inputs_diag(rng):
    return {"a": rng.standard_normal((9, 11)).astype(np.float32)}

def reference_diag(a):
    c = a.astype(np.float64).copy()
    for i in range(1, 9):
        for j in range(1, 11):
            c[i, j] = c[i - 1, j - 1] - a[i, j]
    return (c.astype(np.float32),)

def inputs_splitk(rng):
    return {"A": rng.standard_normal((6, 18)).astype(np.float32),
            "B": rng.standard_normal((18, 5)).astype(np.float32)}

def reference_splitk(A, B):
    return ((A.astype(np.float64) @ B.astype(np.float64)).astype(np.float32),)

def inputs_columns(rng):
    return {"a": rng.standard_normal((12, 64)).astype(np.float32)}

def reference_columns(a):
    c = np.zeros((12, 64), np.float32)
    c[0] = a[0]
    for i in range(1, 12):
        c[i] = c[i - 1] * np.float32(0.5) + a[i]
    return (c,)
