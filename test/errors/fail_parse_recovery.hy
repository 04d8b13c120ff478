# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# Several independent syntax errors are all reported in one run, one
# diagnostic per mistake, in source order.
def f(a: float32[10], b: float32[10]):
    c = output_tensor((10,), 'float32')
    for i in range(10):
        c[i] = a[i] + * b[i]
        c[i] = c[i] * 2.0 3.0
    for j in range(10) :
        if c[j] > 0.0
            c[j] = 0.0
    s = c[0 + ]
    return c

def g(x: float32[4], y: float32[4]]:
    z = output_tensor((4,), 'float32')
    for k in range(4):
        z[k] = x[k] ** y[k]
    return z

def h(x: float32[4]):
    return x +
# CHECK: fail_parse_recovery.hy:[[@LINE-16]]:23: error: expected an expression, found '*' [ExpectedExpression]
# CHECK: fail_parse_recovery.hy:[[@LINE-16]]:27: error: expected end of line, found number '3.0' [ExpectedToken]
# CHECK: fail_parse_recovery.hy:[[@LINE-15]]:22: error: expected ':', found end of line [ExpectedToken]
# CHECK: fail_parse_recovery.hy:[[@LINE-14]]:15: error: expected an expression, found ']' [ExpectedExpression]
# CHECK: fail_parse_recovery.hy:[[@LINE-12]]:35: error: unmatched ']' [UnbalancedBracket]
# CHECK: fail_parse_recovery.hy:[[@LINE-10]]:21: error: the '**' operator (use power(a, b)) is not supported in hybrid script [Unsupported]
# CHECK: fail_parse_recovery.hy:[[@LINE-7]]:15: error: expected an expression, found end of line [ExpectedExpression]
# CHECK: 7 errors generated.
