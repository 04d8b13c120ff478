# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# a.shape[k] needs a constant k.
def f(a: float32[4, 4]):
    b = output_tensor((4,), 'float32')
    for i in range(2):
        for j in range(a.shape[i]):
            b[j] = a[i, j]
    return b
# CHECK: fail_shape_index_not_const.hy:[[@LINE-3]]:32: error: shape index must be a constant integer [ShapeIndexNotConst]
# CHECK: 1 error generated.
