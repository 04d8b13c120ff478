# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# Shape dimensions are positive, integer, and loop-invariant (constants, scalar parameters, tensor shapes).
def f(n: int32, a: float32[n]):
    b = output_tensor((0,), 'float32')
    c = output_tensor((n, 2.5), 'float32')
    for i in range(n):
        t = allocate((i + 1,), 'float32')
        t[0] = a[i]
    return b
# CHECK: fail_bad_shape_dim.hy:[[@LINE-6]]:24: error: invalid shape dimension: a dimension must be positive, got 0 [BadShapeDim]
# CHECK: fail_bad_shape_dim.hy:[[@LINE-6]]:27: error: invalid shape dimension: expected an integer, got float32 [BadShapeDim]
# CHECK: fail_bad_shape_dim.hy:[[@LINE-5]]:23: error: invalid shape dimension: 'i + 1' is neither a constant nor an expression of scalar parameters and tensor shapes [BadShapeDim]
# CHECK: 3 errors generated.
