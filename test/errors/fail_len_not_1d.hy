# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# len() works on 1-D tensors only.
def f(a: float32[4, 4]):
    b = output_tensor((4,), 'float32')
    for j in range(len(a)):
        b[j] = a[j, 0]
    return b
# CHECK: fail_len_not_1d.hy:[[@LINE-3]]:24: error: len() works only on 1-D tensors; 'a' has rank 2 [LenNot1D]
# CHECK: 1 error generated.
