# C = A . B for 512x512 float32 (the shared bench's matmul512 ABI).
# The update nest is written k-outside-j so that a schedule can hold a tile
# of C in registers across k (see matmul512_avx512.json / _avx2.json); the
# first k iteration stores instead of accumulating (no zeroing pass over C:
# unswitch-loops peels that iteration off the tile loop).
def matmul512(A: float32[512, 512], B: float32[512, 512]):
    C = output_tensor((512, 512), 'float32')
    for i in range(512):
        for k in range(512):
            for j in range(512):
                if k == 0:
                    C[i, j] = A[i, k] * B[k, j]
                else:
                    C[i, j] += A[i, k] * B[k, j]
    return C
