# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# A tensor is indexed with as many indices as its rank.
def f(a: float32[4, 4]):
    b = output_tensor((4,), 'float32')
    for j in range(4):
        b[j] = a[j]
    return b
# CHECK: fail_index_count.hy:[[@LINE-2]]:16: error: 'a' has rank 2 but is indexed with 1 indices [IndexCount]
# CHECK: 1 error generated.
