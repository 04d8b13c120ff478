# C = A . B for 1024x1024 float32 (the shared bench's matmul1024 ABI).
# B's rows are 4 KiB apart: walking a 32-wide column panel of B down k
# touches one L1 set per row (../shared/FACTS.md). So the algorithm packs B
# first into 32-wide panels stored contiguously (Bp[jo, k, :] = B[k, 32 jo
# : 32 jo + 32]), and the product reads the panels. The update nest is
# written panel-outside, k-outside-j, so that a schedule can hold a tile of
# C in registers across k (matmul1024_avx512.json / _avx2.json); the first
# k iteration stores instead of accumulating (no zeroing pass over C).
def matmul1024(A: float32[1024, 1024], B: float32[1024, 1024]):
    C = output_tensor((1024, 1024), 'float32')
    Bp = allocate((32, 1024, 32), 'float32')
    for jo in range(32):
        for k in range(1024):
            for ji in range(32):
                Bp[jo, k, ji] = B[k, jo * 32 + ji]
    for p in range(32):
        for i in range(1024):
            for k in range(1024):
                for c in range(32):
                    if k == 0:
                        C[i, p * 32 + c] = A[i, k] * Bp[p, k, c]
                    else:
                        C[i, p * 32 + c] += A[i, k] * Bp[p, k, c]
    return C
