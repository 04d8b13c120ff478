# TVM-style kernels: len() as Python has it — len(a.shape) is the rank,
# len(a) the first dimension of an N-d tensor (symbolic or not).
# RUN: %e2e %s --ref %S/lengths.py --function lengths --workdir %t
# RUN: %e2e %s --ref %S/lengths.py --function lengths --target aarch64 --workdir %t.a64
def lengths(n: int32, a: float32[n, 3, 2], b: int32[7]):
    out = output_tensor((len(a.shape), len(b)), 'float32')
    for r in range(len(a.shape)):
        for k in range(len(b)):
            s = 0.0
            for i in range(len(a)):
                s += a[i, r % 3, k % 2]
            out[r, k] = s * float32(b[k])
    return out
