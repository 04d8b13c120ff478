# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# A name that is never stored is undeclared (reported once per name).
def f(a: float32[10]):
    b = output_tensor((10,), 'float32')
    for i in range(10):
        b[i] = c[i] + c[0]
    return b
# CHECK: fail_undeclared.hy:[[@LINE-2]]:16: error: undeclared variable 'c' [UndeclaredVariable]
# CHECK: 1 error generated.
