# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# Only .shape and .dtype are supported.
def f(a: float32[4]):
    b = output_tensor((4,), 'float32')
    for i in range(a.size):
        b[i] = a[i]
    return b
# CHECK: fail_unknown_attribute.hy:[[@LINE-3]]:22: error: 'a' has no attribute 'size'; only 'shape' and 'dtype' are supported [UnknownAttribute]
# CHECK: 1 error generated.
