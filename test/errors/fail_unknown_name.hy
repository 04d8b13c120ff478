# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# Calls name a builtin or a def of this file.
def f(a: float32[4]):
    b = output_tensor((4,), 'float32')
    for i in range(4):
        b[i] = relu(a[i])
    return b
# CHECK: fail_unknown_name.hy:[[@LINE-2]]:16: error: unknown function 'relu' [UnknownName]
# CHECK: 1 error generated.
