# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# Builtins have a fixed number of arguments.
def f(a: float32[4]):
    b = output_tensor((4,), 'float32')
    for i in range(4):
        b[i] = exp(a[i], 2.0)
    return b
# CHECK: fail_builtin_arity.hy:[[@LINE-2]]:16: error: 'exp' takes 1 argument(s), 2 given [BuiltinArity]
# CHECK: 1 error generated.
