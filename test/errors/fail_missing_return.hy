# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# A def must return at least one tensor.
def f(a: float32[4]):
    b = output_tensor((4,), 'float32')
    for i in range(4):
        b[i] = a[i]
# CHECK: fail_missing_return.hy:[[@LINE-4]]:5: error: def 'f' returns no tensor [MissingReturn]
# CHECK: 1 error generated.
