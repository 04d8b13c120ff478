# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# An operand or expression is missing.
def f(a: float32[10]):
    b = output_tensor((10,), 'float32')
    for i in range(10):
        b[i] = a[i] +
        b[i] = a[] * 2.0
        b[i] = (a[i] * ) + 1.0
    return b
# CHECK: fail_expected_expression.hy:[[@LINE-4]]:22: error: expected an expression, found end of line [ExpectedExpression]
# CHECK: fail_expected_expression.hy:[[@LINE-4]]:18: error: expected an expression, found ']' [ExpectedExpression]
# CHECK: fail_expected_expression.hy:[[@LINE-4]]:24: error: expected an expression, found ')' [ExpectedExpression]
# CHECK: 3 errors generated.
