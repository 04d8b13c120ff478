# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# No mutable scalar variables on the device side of a bind; use allocate(..., 'local').
# (A variable stored once is a constant binding and is fine.)
def f(a: float32[64]):
    b = output_tensor((64,), 'float32')
    for i in bind("threadIdx.x", 64):
        s = a[i] * 2.0
        if s < 0.0:
            s = 0.0
        b[i] = s
    return b
# CHECK: fail_scalar_in_bind.hy:[[@LINE-5]]:9: error: mutable scalar variable 's' declared inside a bind loop; use allocate(..., 'local') [ScalarInBind]
# CHECK: 1 error generated.
