# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# Python expressions hybrid script does not have: each error names the
# construct instead of complaining about a token.
def f(a: float32[10], n: int32):
    b = output_tensor((10,), 'float32')
    b[0] = max(*a)
    b[1] = a[2:5]
    b[2] = a[0] ** 2
    b[3] = (lambda x: x)(a[0])
    b[4] = 1.0 if n is 3 else 0.0
    b[5] = 1.0 if n in a else 0.0
    b[6] = [a[0], a[1]]
    k = n << 2
    b[7] = a @ a
    b[8] = (m := a[0])
    b[9] = f"{n}"
    assert n > 0, "a" "b"
    b[0] = None
    return b
# CHECK: fail_unsupported_expr.hy:[[@LINE-14]]:16: error: a starred argument is not supported in hybrid script [Unsupported]
# CHECK: fail_unsupported_expr.hy:[[@LINE-14]]:14: error: slicing is not supported in hybrid script [Unsupported]
# CHECK: fail_unsupported_expr.hy:[[@LINE-14]]:17: error: the '**' operator (use power(a, b)) is not supported in hybrid script [Unsupported]
# CHECK: fail_unsupported_expr.hy:[[@LINE-14]]:13: error: 'lambda' is not supported in hybrid script [Unsupported]
# CHECK: fail_unsupported_expr.hy:[[@LINE-14]]:21: error: the 'is' operator is not supported in hybrid script [Unsupported]
# CHECK: fail_unsupported_expr.hy:[[@LINE-14]]:21: error: the 'in' operator is not supported in hybrid script [Unsupported]
# CHECK: fail_unsupported_expr.hy:[[@LINE-14]]:12: error: a list literal is not supported in hybrid script [Unsupported]
# CHECK: fail_unsupported_expr.hy:[[@LINE-14]]:11: error: the '<<' operator is not supported in hybrid script [Unsupported]
# CHECK: fail_unsupported_expr.hy:[[@LINE-14]]:14: error: the '@' operator (matrix multiplication) is not supported in hybrid script [Unsupported]
# CHECK: fail_unsupported_expr.hy:[[@LINE-14]]:15: error: an assignment expression (':=') is not supported in hybrid script [Unsupported]
# CHECK: fail_unsupported_expr.hy:[[@LINE-14]]:12: error: an f-string is not supported in hybrid script [Unsupported]
# CHECK: fail_unsupported_expr.hy:[[@LINE-14]]:23: error: implicit string concatenation is not supported in hybrid script [Unsupported]
# CHECK: fail_unsupported_expr.hy:[[@LINE-14]]:12: error: 'None' is not supported in hybrid script [Unsupported]
# CHECK: 13 errors generated.
