# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# A block header must be followed by an indented block.
def f(a: float32[10]):
    b = output_tensor((10,), 'float32')
    for i in range(10):
    b[0] = a[0]
    if a[0] > 0.0:
        b[1] = a[1]
    else:
    return b

def g(a: float32[10]):
return a
# CHECK: fail_expected_indent.hy:[[@LINE-8]]:5: error: expected an indented block after 'for' statement on line 5 [ExpectedIndent]
# CHECK: fail_expected_indent.hy:[[@LINE-5]]:5: error: expected an indented block after 'else' statement on line 9 [ExpectedIndent]
# CHECK: fail_expected_indent.hy:[[@LINE-3]]:1: error: expected an indented block after function definition on line 12 [ExpectedIndent]
# CHECK: 3 errors generated.
