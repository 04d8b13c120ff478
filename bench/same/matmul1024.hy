# matmul1024 as Halide's anchor schedule computes it: the plain algorithm
# (as bench/matmul1024.hy), B read in place (no packing), 256x64 tiles of C,
# 32x8 (AVX-512) / 16x6 (AVX2) register tiles.
def matmul1024(A: float32[1024, 1024], B: float32[1024, 1024]):
    C = output_tensor((1024, 1024), 'float32')
    for i in range(1024):
        for j in range(1024):
            C[i, j] = 0.0
    for i in range(1024):
        for j in range(1024):
            for k in range(1024):
                C[i, j] += A[i, k] * B[k, j]
    return C
