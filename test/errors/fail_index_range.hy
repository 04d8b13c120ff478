# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# A constant index outside a constant dimension.
def f(a: float32[4]):
    b = output_tensor((4,), 'float32')
    b[0] = a[4]
    b[-1] = a[0]
    return b
# CHECK: fail_index_range.hy:[[@LINE-3]]:14: error: index 4 is out of range for dimension 0 of 'a' (size 4) [IndexRange]
# CHECK: fail_index_range.hy:[[@LINE-3]]:7: error: index -1 is out of range for dimension 0 of 'b' (size 4) [IndexRange]
# CHECK: 2 errors generated.
