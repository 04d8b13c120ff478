# Kernels written for the GPU with allocate(..., 'shared') (per block) and
# threads cooperating through it: on the CPU targets bound loops run in
# order, so the results are those of the sequential program. The cuda target
# compiles the same file in test/cuda/shared.test (barriers inserted).
# RUN: %e2e %s --ref %S/shared.py --function block_reverse --workdir %t.r
# RUN: %e2e %s --ref %S/shared.py --function block_reverse --target aarch64 --workdir %t.r64
# RUN: %e2e %s --ref %S/shared.py --function mm_shared --workdir %t.m
# RUN: %e2e %s --ref %S/shared.py --function mm_shared --target aarch64 --workdir %t.m64
# RUN: %e2e %s --ref %S/shared.py --function block_reverse_outer --workdir %t.o
def block_reverse(a: float32[256]):
    b = output_tensor((256,), 'float32')
    for bx in bind('blockIdx.x', 4):
        s = allocate((64,), 'float32', 'shared')
        for tx in bind('threadIdx.x', 64):
            s[tx] = a[bx * 64 + tx]
        for tx in bind('threadIdx.x', 64):
            b[bx * 64 + tx] = s[63 - tx]
    return b

def mm_shared(a: float32[64, 48], b: float32[48, 32]):
    c = output_tensor((64, 32), 'float32')
    for by in bind('blockIdx.y', 4):
        for bx in bind('blockIdx.x', 2):
            As = allocate((16, 16), 'float32', 'shared')
            Bs = allocate((16, 16), 'float32', 'shared')
            for ty in bind('threadIdx.y', 16):
                for tx in bind('threadIdx.x', 16):
                    c[by * 16 + ty, bx * 16 + tx] = 0.0
            for kt in range(3):
                for ty in bind('threadIdx.y', 16):
                    for tx in bind('threadIdx.x', 16):
                        As[ty, tx] = a[by * 16 + ty, kt * 16 + tx]
                        Bs[ty, tx] = b[kt * 16 + ty, bx * 16 + tx]
                for ty in bind('threadIdx.y', 16):
                    for tx in bind('threadIdx.x', 16):
                        for k in range(16):
                            c[by * 16 + ty, bx * 16 + tx] += As[ty, k] * Bs[k, tx]
    return c

def block_reverse_outer(a: float32[256]):
    # The shared buffer is allocated before the blockIdx loop: still one per
    # block (the storage scope decides, as in TVM), so the loop is legal.
    b = output_tensor((256,), 'float32')
    s = allocate((64,), 'float32', 'shared')
    for bx in bind('blockIdx.x', 4):
        for tx in bind('threadIdx.x', 64):
            s[tx] = a[bx * 64 + tx]
        for tx in bind('threadIdx.x', 64):
            b[bx * 64 + tx] = s[63 - tx]
    return b
