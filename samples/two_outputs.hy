# Two defs: min_max_rows returns two tensors; normalize_rows calls it
# (`lo, hi = min_max_rows(a)`, inlined by the compiler) and itself returns
# two outputs, the rescaled rows and the scale of each row.
@script
def min_max_rows(a: float32[32, 16]):
    lo = output_tensor((32,), 'float32')
    hi = output_tensor((32,), 'float32')
    for i in range(32):
        lo[i] = a[i, 0]
        hi[i] = a[i, 0]
        for j in range(1, 16):
            lo[i] = min(lo[i], a[i, j])
            hi[i] = max(hi[i], a[i, j])
    return lo, hi


@script
def normalize_rows(a: float32[32, 16]):
    lo, hi = min_max_rows(a)
    out = output_tensor((32, 16), 'float32')
    scale = output_tensor((32,), 'float32')
    for i in range(32):
        scale[i] = max(hi[i] - lo[i], 0.000001)
        for j in range(16):
            out[i, j] = (a[i, j] - lo[i]) / scale[i]
    return out, scale
