# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# A clause keyword where a statement must start.
def f(a: float32[10]):
    b = output_tensor((10,), 'float32')
    b[0] = a[0]
    else:
        b[0] = 0.0
    for i in range(10):
        b[i] = a[i]
    elif a[1] > 0.0:
        b[1] = 0.0
    return b
# CHECK: fail_expected_statement.hy:[[@LINE-7]]:5: error: expected a statement, found keyword 'else' [ExpectedStatement]
# CHECK: fail_expected_statement.hy:[[@LINE-4]]:5: error: expected a statement, found keyword 'elif' [ExpectedStatement]
# CHECK: 2 errors generated.
