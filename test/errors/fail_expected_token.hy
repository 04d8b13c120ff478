# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# A required token is missing.
def f(a: float32[10]):
    b = output_tensor((10,), 'float32')
    for i range(10):
        b[i] = a[i]
    if a[0] > 0.0
        b[0] = 1.0
    while b[0] = 0.0:
        b[0] = 1.0
    b[1] = a[1] a[2]
    b[2] = max(a[0] a[1])
    return b

def g(a: float32[10] b: float32[10]):
    return a
# CHECK: fail_expected_token.hy:[[@LINE-12]]:11: error: expected 'in', found identifier 'range' [ExpectedToken]
# CHECK: fail_expected_token.hy:[[@LINE-11]]:18: error: expected ':', found end of line [ExpectedToken]
# CHECK: fail_expected_token.hy:[[@LINE-10]]:16: error: expected ':' (use '==' to compare), found '=' [ExpectedToken]
# CHECK: fail_expected_token.hy:[[@LINE-9]]:17: error: expected end of line, found identifier 'a' [ExpectedToken]
# CHECK: fail_expected_token.hy:[[@LINE-9]]:21: error: expected ')', found identifier 'a' [ExpectedToken]
# CHECK: fail_expected_token.hy:[[@LINE-7]]:22: error: expected ')', found identifier 'b' [ExpectedToken]
# CHECK: 6 errors generated.
