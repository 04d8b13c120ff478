# RUN: not %hybridc %s --target cuda -o %t.o 2>&1 | FileCheck %s
# The cuda target's model: every store inside a bound loop; what its kernels
# cannot do yet (docs/cuda.md) is an error at the statement.
def host_code(n: int32, a: float32[n]):
    c = output_tensor((n,), 'float32')
    c[0] = 1.0
    for bx in bind('blockIdx.x', n):
        c[bx] = a[bx]
        for k in range(3):
            assert a[bx] > 0.0, "positive"
    return c

def thread_store(a: float32[64], d: float64[64]):
    c = output_tensor((64,), 'float32')
    for i in range(64):
        c[i] = 0.0
        for tx in bind('threadIdx.x', 64):
            c[tx] = a[tx] + float32(d[tx])
    return c

def big_block(a: float32[2048]):
    c = output_tensor((2048,), 'float32')
    for tx in bind('threadIdx.x', 2048):
        c[tx] = a[tx]
    return c
# CHECK: fail_cuda_kernels.hy:[[@LINE-20]]:5: error: on the cuda target every statement must be inside a loop bound to blockIdx or threadIdx; this one is in none, so no GPU thread would run it [CudaHostCode]
# CHECK: fail_cuda_kernels.hy:[[@LINE-17]]:13: error: assert is not supported in cuda kernels yet [CudaUnsupported]
# CHECK: fail_cuda_kernels.hy:[[@LINE-12]]:9: error: on the cuda target a store to 'c' must be inside a loop bound to blockIdx or threadIdx; this one would run in every thread of the kernel [CudaHostCode]
# CHECK: fail_cuda_kernels.hy:[[@LINE-6]]:5: error: a block of 2048 threads is over the limit of 1024 (2048 (threadIdx.x)) [CudaBlockTooLarge]
# CHECK: 4 errors generated.
