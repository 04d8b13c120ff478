# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# a.shape[k] with k out of range.
def f(a: float32[4, 4]):
    b = output_tensor((4,), 'float32')
    for j in range(a.shape[2]):
        b[j] = a[0, j]
    return b
# CHECK: fail_shape_index_range.hy:[[@LINE-3]]:28: error: shape index 2 is out of range for a tensor of rank 2 [ShapeIndexRange]
# CHECK: 1 error generated.
