# RUN: not %hybridc %s -s %S/Inputs/fail_cuda_thread_extent.json --target cuda -o %t.o 2>&1 | FileCheck %s
# A bound extent is a launch dimension: the host computes it from the scalar
# parameters, so it cannot depend on another loop.
def tri(a: float32[8, 8]):
    c = output_tensor((8, 8), 'float32')
    for bx in bind('blockIdx.x', 8):
        for j in range(bx + 1):
            c[bx, j] = a[bx, j]
    return c
# CHECK: fail_cuda_thread_extent.hy:[[@LINE-3]]:9: error: loop 'j' is bound to threadIdx.x: its extent bx + 1 must depend on the def's scalar parameters only [CudaThreadExtent]
# CHECK: 1 error generated.
