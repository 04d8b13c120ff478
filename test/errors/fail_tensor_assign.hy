# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# A tensor is not assigned as a whole.
def f(a: float32[4]):
    b = output_tensor((4,), 'float32')
    b = 0.0
    return b
# CHECK: fail_tensor_assign.hy:[[@LINE-2]]:5: error: cannot assign to tensor 'b' as a whole; store into its elements, e.g. 'b[i] = ...' [TensorAssign]
# CHECK: 1 error generated.
