# TVM-style kernels: read-only data-dependent offsets are loop-invariant
# (TVM's hybrid_nms writes out[i, j + vc[i]] under a parallel j): the source
# annotation parallel and a vectorize schedule are both accepted.
# RUN: %e2e %s --ref %S/offsets.py --function shift_rows --workdir %t
# RUN: %e2e %s --ref %S/offsets.py --function shift_rows --target aarch64 --workdir %t.a64
# RUN: %e2e %s --schedule %S/offsets.json --ref %S/offsets.py --function shift_rows_vec --workdir %t.s
# RUN: %e2e %s --schedule %S/offsets.json --ref %S/offsets.py --function shift_rows_vec --target aarch64 --workdir %t.s64
def shift_rows(a: float32[4, 16], vc: int32[4]):
    out = output_tensor((4, 24), 'float32')
    for i in range(4):
        for j in range(24):
            out[i, j] = -1.0
    for i in range(4):
        for j in parallel(16):
            out[i, j + vc[i]] = a[i, j]
    return out

def shift_rows_vec(a: float32[4, 16], vc: int32[4]):
    out = output_tensor((4, 24), 'float32')
    for i in range(4):
        for j in range(24):
            out[i, j] = -1.0
    for i in range(4):
        for j in range(16):
            out[i, j + vc[i]] = a[i, j]
    return out
