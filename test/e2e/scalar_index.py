"""References for scalar_index.hy, written from each def's intent with numpy
(not by running the kernel's loops)."""
import numpy as np


def inputs_copy_via_counter(rng):
    return {"a": rng.integers(-50, 50, 8).astype(np.int32)}


def reference_copy_via_counter(a):
    return a.copy()


def inputs_compact(rng):
    return {"a": rng.integers(-5, 6, 64).astype(np.int32)}


def reference_compact(a):
    kept = a[a > 0]
    out = np.full(64, -1, np.int32)
    out[:len(kept)] = kept
    return out, np.array([len(kept)], np.int32)


def inputs_stepped(rng):
    return {"a": rng.integers(-9, 10, 40).astype(np.int32)}


def reference_stepped(a):
    out = np.zeros(40, np.int32)
    for i in range(12):  # slots 1, 4, 7, ... wrapping modulo 40
        out[(1 + 3 * i) % 40] += a[i]
    return out


def inputs_histogram(rng):
    return {"a": rng.integers(-100, 100, (16, 24)).astype(np.int32)}


def reference_histogram(a):
    return np.bincount(np.mod(a, 8).ravel(), minlength=8).astype(np.int32)


def inputs_shrink(rng):
    return {"a": rng.integers(-9, 10, 40).astype(np.int32)}


def reference_shrink(a):
    # range(k) is evaluated once: 40 iterations, k counting down 39..0.
    return (a + np.arange(39, -1, -1)).astype(np.int32)


def inputs_first_above(rng):
    return {"a": rng.integers(0, 100, (12, 20)).astype(np.int32), "thr": np.int32(90)}


def reference_first_above(a, thr):
    out = np.full(12, 100, np.int32)
    for r in range(12):
        hits = np.nonzero(a[r] > thr)[0]
        if len(hits):
            out[r] = hits[0]
    return out


def inputs_gather_scatter(rng):
    return {"a": rng.standard_normal((6, 32)).astype(np.float32),
            "offs": rng.integers(0, 17, 6).astype(np.int32),
            "idx": rng.permutation(6).astype(np.int32)}


def reference_gather_scatter(a, offs, idx):
    out = np.zeros((6, 48), np.float32)
    for i in range(6):
        out[i, offs[i]:offs[i] + 32] = a[i] * np.float32(2)
    g = np.zeros((6, 32), np.float32)
    g[idx] = a + a[idx][:, ::-1]
    return out, g


def inputs_row_sums(rng):
    return {"a": rng.standard_normal((16, 32)).astype(np.float32)}


def reference_row_sums(a):
    return a.astype(np.float64).sum(axis=1).astype(np.float32)


RTOL = 1e-4
ATOL = 1e-5
