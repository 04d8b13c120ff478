# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# Only names and subscripts can be stored to.
def f(a: float32[10]):
    b = output_tensor((10,), 'float32')
    a.shape = (10,)
    float32(b[0]) = 1.0
    b[0] + 1.0 = 2.0
    x, min(a[0], a[1]) = 1.0, 2.0
    for b[1] in range(10):
        pass
    return b
# CHECK: fail_invalid_assign_target.hy:[[@LINE-7]]:5: error: cannot assign to an attribute [InvalidAssignTarget]
# CHECK: fail_invalid_assign_target.hy:[[@LINE-7]]:5: error: cannot assign to a function call [InvalidAssignTarget]
# CHECK: fail_invalid_assign_target.hy:[[@LINE-7]]:5: error: cannot assign to an operator expression [InvalidAssignTarget]
# CHECK: fail_invalid_assign_target.hy:[[@LINE-7]]:8: error: cannot assign to a function call [InvalidAssignTarget]
# CHECK: fail_invalid_assign_target.hy:[[@LINE-7]]:9: error: cannot assign to a subscript (a loop variable must be a name) [InvalidAssignTarget]
# CHECK: 5 errors generated.
