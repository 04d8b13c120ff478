# C = A . B for 1024x1024 float32 (the shared bench's matmul1024 ABI), the
# plain algorithm: C set to zero, then C[i, j] += A[i, k] * B[k, j] with k
# innermost. The schedules (matmul1024_avx512.json / _avx2.json) split j
# into 32-wide panels, copy B's panel (rows 4 KiB apart) into a contiguous
# buffer once per panel (cache_read), and compute register tiles of C
# (8 x 32 with AVX-512, 6 x 16 with AVX2) across k from that copy;
# fold-init makes each element start from its first product.
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
