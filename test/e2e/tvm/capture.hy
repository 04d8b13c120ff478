# TVM-style kernels: module-level constants captured by every def (TVM's
# test_capture), a parameter whose annotation names a later parameter.
# RUN: %e2e %s --ref %S/capture.py --function capture --workdir %t
# RUN: %e2e %s --ref %S/capture.py --function capture --target aarch64 --workdir %t.a64
# RUN: %e2e %s --ref %S/capture.py --function later_param --workdir %t.l
# RUN: %e2e %s --ref %S/capture.py --function later_param --target aarch64 --workdir %t.l64
N = 8
M = N * 3 // 2
GAIN = 0.25
OFFSET = -2
DTYPE = 'float32'

def capture(a: float32[N, M]):
    out = output_tensor((M, N), DTYPE)
    for i in range(N):
        for j in range(M):
            out[j, i] = a[i, j] * GAIN + float32(OFFSET)
    return out

def later_param(x: float32[rows, N], rows: int32):
    out = output_tensor((rows,), 'float32')
    for r in range(rows):
        s = 0.0
        for c in range(N):
            s += x[r, c]
        out[r] = s
    return out
