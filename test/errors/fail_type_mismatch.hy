# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# Conditions are scalars (numbers are true when not 0); & | ^ take integers;
# tensors are not values.
def f(a: float32[4], n: int32):
    b = output_tensor((4,), 'float32')
    if a:
        b[0] = 1.0
    b[1] = 1.0 if a[0] > 0.0 and a else 0.0
    m = n | 1.5
    c = a
    assert n > 0, n
    b[2] = a + 1.0
    return b
# CHECK: fail_type_mismatch.hy:[[@LINE-8]]:8: error: the condition of 'if' must be a scalar (bool or a number, true when not 0), got tensor float32[1-D]; index a tensor to get an element [TypeMismatch]
# CHECK: fail_type_mismatch.hy:[[@LINE-7]]:34: error: an operand of 'and' must be a scalar (bool or a number, true when not 0), got tensor float32[1-D]; index a tensor to get an element [TypeMismatch]
# CHECK: fail_type_mismatch.hy:[[@LINE-7]]:11: error: '|' needs integer or bool operands, got int32 and float32 [TypeMismatch]
# CHECK: fail_type_mismatch.hy:[[@LINE-7]]:9: error: cannot assign a tensor float32[1-D] to 'c'; tensors are declared with output_tensor() or allocate(), not by assignment [TypeMismatch]
# CHECK: fail_type_mismatch.hy:[[@LINE-7]]:19: error: the message of 'assert' must be a string literal [TypeMismatch]
# CHECK: fail_type_mismatch.hy:[[@LINE-7]]:14: error: the operands of '+' must be scalars, got tensor float32[1-D] and float32; index a tensor to get an element [TypeMismatch]
# CHECK: 6 errors generated.
