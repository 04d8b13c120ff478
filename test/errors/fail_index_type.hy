# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# Indices are integer scalars.
def f(a: float32[4], x: float32):
    b = output_tensor((4,), 'float32')
    b[0] = a[x]
    return b
# CHECK: fail_index_type.hy:[[@LINE-2]]:14: error: a tensor index must be an integer scalar, got float32 [IndexType]
# CHECK: 1 error generated.
