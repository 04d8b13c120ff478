# C = A . B for 512x512 float32 (the shared bench's matmul512 ABI), the
# plain algorithm: C set to zero, then C[i, j] += A[i, k] * B[k, j] with k
# innermost. The schedules (matmul512_avx512.json / _avx2.json) tile i and
# j, move k inside the tile (a register tile of C held across k) and
# vectorize j; fold-init makes each element start from its first product,
# so there is no zeroing pass over C.
def matmul512(A: float32[512, 512], B: float32[512, 512]):
    C = output_tensor((512, 512), 'float32')
    for i in range(512):
        for j in range(512):
            C[i, j] = 0.0
    for i in range(512):
        for j in range(512):
            for k in range(512):
                C[i, j] += A[i, k] * B[k, j]
    return C
