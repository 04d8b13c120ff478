# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# Only tensors are indexed and have .shape/.dtype.
def f(a: float32[4], n: int32):
    b = output_tensor((4,), 'float32')
    b[0] = n[0]
    b[1] = float32(n.shape[0])
    return b
# CHECK: fail_not_a_tensor.hy:[[@LINE-3]]:12: error: 'n' is not a tensor [NotATensor]
# CHECK: fail_not_a_tensor.hy:[[@LINE-3]]:20: error: 'n' is not a tensor [NotATensor]
# CHECK: 2 errors generated.
