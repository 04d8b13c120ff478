# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# No scalar variables on the device side of a bind; use allocate(..., 'local').
# (A variable stored once with a compile-time value, like k, is a constant.)
def f(a: float32[64]):
    b = output_tensor((64,), 'float32')
    for i in bind("threadIdx.x", 64):
        k = 2
        s = a[i] * 2.0
        b[i] = s + float32(k)
    return b
# CHECK: fail_scalar_in_bind.hy:[[@LINE-3]]:9: error: a scalar variable inside a bind loop must be a compile-time constant, 's' is not; use allocate(..., 'local') for device-side values [ScalarInBind]
# CHECK: 1 error generated.
