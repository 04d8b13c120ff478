# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# The caller must be able to size a callee's output: constants and scalar parameters only.
def g(n: int32, a: float32[n]):
    p = output_tensor((n + 1,), 'float32')
    for i in range(n):
        p[i] = a[i]
    p[n] = 0.0
    return p

def f(a: float32[4]):
    x = g(4, a)
    return x
# CHECK: fail_unsupported_call_shape.hy:[[@LINE-2]]:9: error: output 1 of 'g' has a shape that depends on its arguments through an expression; hybridc supports only constants and scalar parameters there [UnsupportedCallShape]
# CHECK: 1 error generated.
