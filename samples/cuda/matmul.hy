# Matrix multiply through 16x16 tiles in shared memory: each block loads a
# tile of a and of b that its 256 threads share, then every thread
# accumulates its element of c. The loops are plain loops; matmul.json
# binds them to blocks and threads (by, bx to blockIdx.y/x; ty, tx - each
# written three times, ty#0 ... ty#2 - to threadIdx.y/x). hybridc inserts
# the barriers between the tile loads and their use.
def matmul(a: float32[512, 512], b: float32[512, 512]):
    c = output_tensor((512, 512), 'float32')
    for by in range(32):
        for bx in range(32):
            As = allocate((16, 16), 'float32', 'shared')
            Bs = allocate((16, 16), 'float32', 'shared')
            for ty in range(16):
                for tx in range(16):
                    c[by * 16 + ty, bx * 16 + tx] = 0.0
            for kt in range(32):
                for ty in range(16):
                    for tx in range(16):
                        As[ty, tx] = a[by * 16 + ty, kt * 16 + tx]
                        Bs[ty, tx] = b[kt * 16 + ty, bx * 16 + tx]
                for ty in range(16):
                    for tx in range(16):
                        for k in range(16):
                            c[by * 16 + ty, bx * 16 + tx] += As[ty, k] * Bs[k, tx]
    return c
