# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# A closing bracket that closes nothing, a mismatched one, and one left
# open (the next statement keyword ends the line so later lines parse).
def f(a: float32[10]):
    b = output_tensor((10,), 'float32'))
    for i in range(10):
        b[i] = (a[i] + 1.0]
    c = output_tensor((10,), 'float32'
    return b
# CHECK: fail_unbalanced_bracket.hy:[[@LINE-5]]:40: error: unmatched ')' [UnbalancedBracket]
# CHECK: fail_unbalanced_bracket.hy:[[@LINE-4]]:27: error: unmatched ']' [UnbalancedBracket]
# CHECK: fail_unbalanced_bracket.hy:[[@LINE-4]]:22: error: unmatched '(' [UnbalancedBracket]
# CHECK: 3 errors generated.
