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

# Operators take scalars of fitting types.
def g(a: float32[4], n: int32):
    b = output_tensor((4,), 'float32')
    x = -a
    y = a < 1.0
    z = a if n > 0 else 1.0
    w = ~1.5
    v = True + False
    u = -True
    return b

# What an assignment can target and hold.
def two(a: float32[4]):
    p = output_tensor((4,), 'float32')
    q = output_tensor((4,), 'float32')
    return p, q

def h(a: float32[4], n: int32):
    b = output_tensor((4,), 'float32')
    a.shape[0] = 3
    x, y = 1
    b[0], y = two(a)
    b[1] = a
    s = 0.0
    s = a
    return b
# CHECK: fail_type_mismatch.hy:[[@LINE-35]]:8: error: the condition of 'if' must be a scalar (bool or a number, true when not 0), got tensor float32[1-D]; index a tensor to get an element [ConditionNotScalar]
# CHECK: fail_type_mismatch.hy:[[@LINE-34]]:34: error: an operand of 'and' must be a scalar (bool or a number, true when not 0), got tensor float32[1-D]; index a tensor to get an element [ConditionNotScalar]
# CHECK: fail_type_mismatch.hy:[[@LINE-34]]:11: error: '|' needs integer or bool operands, got int32 and float32 [BitwiseOnFloat]
# CHECK: fail_type_mismatch.hy:[[@LINE-34]]:9: error: cannot assign a tensor float32[1-D] to 'c'; tensors are declared with output_tensor() or allocate(), not by assignment [VariableNotScalar]
# CHECK: fail_type_mismatch.hy:[[@LINE-34]]:19: error: the message of 'assert' must be a string literal [AssertMessageNotString]
# CHECK: fail_type_mismatch.hy:[[@LINE-34]]:14: error: the operands of '+' must be scalars, got tensor float32[1-D] and float32; index a tensor to get an element [BinaryOperandNotScalar]
# CHECK: fail_type_mismatch.hy:[[@LINE-29]]:9: error: the operand of '-' must be a scalar, got tensor float32[1-D] [UnaryOperandNotScalar]
# CHECK: fail_type_mismatch.hy:[[@LINE-29]]:9: error: '<' compares scalars, got tensor float32[1-D] and float32 [CompareNotScalar]
# CHECK: fail_type_mismatch.hy:[[@LINE-29]]:9: error: the arms of a conditional expression must be scalars, got tensor float32[1-D] and float32 [IfExpArmNotScalar]
# CHECK: fail_type_mismatch.hy:[[@LINE-29]]:9: error: '~' needs an integer or bool operand, got float32 [InvertOnFloat]
# CHECK: fail_type_mismatch.hy:[[@LINE-29]]:14: error: arithmetic '+' on two bool values; cast them to an integer type [ArithmeticOnBools]
# CHECK: fail_type_mismatch.hy:[[@LINE-29]]:9: error: unary '-' on a bool value [UnaryOnBool]
# CHECK: fail_type_mismatch.hy:[[@LINE-19]]:5: error: cannot assign to a tensor's shape [AssignToShape]
# CHECK: fail_type_mismatch.hy:[[@LINE-19]]:12: error: assigning to 2 names needs a call to a def that returns 2 tensors [UnpackNeedsCall]
# CHECK: fail_type_mismatch.hy:[[@LINE-19]]:5: error: only names can receive the tensors a def returns [UnpackTarget]
# CHECK: fail_type_mismatch.hy:[[@LINE-20]]:11: error: 'y' is already declared in this def [TensorRedeclared]
# CHECK: fail_type_mismatch.hy:[[@LINE-22]]:8: note: 'y' is declared here [NoteDeclaredHere]
# CHECK: fail_type_mismatch.hy:[[@LINE-21]]:12: error: cannot store a tensor float32[1-D] into an element of 'b' [StoreNotScalar]
# CHECK: fail_type_mismatch.hy:[[@LINE-20]]:9: error: 's' holds a scalar; cannot assign a tensor float32[1-D] [ScalarVarGetsTensor]
# CHECK: 18 errors generated.
