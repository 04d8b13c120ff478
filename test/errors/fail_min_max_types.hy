# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# min/max need arguments of equal dtype (no promotion).
def f(a: float32[8], n: int32):
    b = output_tensor((1,), 'float32')
    b[0] = min(a[0], n)
    return b
# CHECK: fail_min_max_types.hy:[[@LINE-2]]:12: error: 'min' needs arguments of equal type, got float32 and int32 [MinMaxTypes]
# CHECK: fail_min_max_types.hy:[[@LINE-3]]:22: note: cast one argument, e.g. float32(n) [NoteHint]
# CHECK: 1 error generated.
