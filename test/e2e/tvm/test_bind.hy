# TVM's test_bind kernels (tests/python/unittest/test_hybrid_script.py) on
# the CPU targets, where bound loops run serially: a 'local' accumulator
# allocated before the bound loop is private to each thread (TVM's storage
# scope), so the loop is legal; max_num_threads(True) is 1 on a CPU. The
# same kernels compile for the GPU in test/cuda/test_bind.test.
# RUN: %e2e %s --ref %S/test_bind.py --function vec_add --workdir %t.v
# RUN: %e2e %s --ref %S/test_bind.py --function foo --workdir %t.f
# RUN: %e2e %s --ref %S/test_bind.py --function foo --target aarch64 --workdir %t.f64
# RUN: %e2e %s --ref %S/test_bind.py --function max_threads --workdir %t.m
def vec_add(a: float32[1000], b: float32[1000]):
    c = output_tensor((1000,), 'float32')
    for tx in bind('threadIdx.x', 1000):
        c[tx] = a[tx] + b[tx]
    return c

def foo(a: float32[32, 8]):
    c = output_tensor((a.shape[0],), a.dtype)
    total = allocate((1,), a.dtype, 'local')
    len_i = a.shape[0]
    len_j = a.shape[1]
    for i in bind('threadIdx.x', len_i):
        total[0] = 0.
        for k in const_range(len_j):
            total[0] += a[i, k]
        c[i] = total[0]
    return c

def max_threads(a: float32[2000]):
    b = output_tensor(a.shape, a.dtype)
    n = a.shape[0]
    m = max_num_threads(True)
    for i in bind('threadIdx.x', m):
        for j in bind('blockIdx.x', ceil_div(n, m)):
            if i * m + j < n:
                b[i * m + j] = a[i * m + j] + a[i * m + j]
    return b
