# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# Parameters cannot be assigned.
def f(a: float32[4], n: int32):
    b = output_tensor((4,), 'float32')
    n = 3
    b[0] = float32(n)
    return b
# CHECK: fail_param_assign.hy:[[@LINE-3]]:5: error: cannot assign to parameter 'n' [ParamAssign]
# CHECK: fail_param_assign.hy:[[@LINE-6]]:22: note: 'n' is declared here [NoteDeclaredHere]
# CHECK: 1 error generated.
