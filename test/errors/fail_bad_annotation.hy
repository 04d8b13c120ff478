# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# Parameter annotations are a dtype or dtype[dims] with int literal or scalar
# parameter dims (any order: `a: float32[m, 4], m: int32` is fine).
def f(a: float32[m, 4], m: int32, b: float33, c: float32[0], d: float32[m + 1], e: float32[a]):
    o = output_tensor((4,), 'float32')
    return o
# CHECK: fail_bad_annotation.hy:[[@LINE-3]]:38: error: invalid type annotation: 'float33' is not a dtype; expected a dtype such as 'float32' or a tensor type such as 'float32[16, n]' [BadAnnotation]
# CHECK: fail_bad_annotation.hy:[[@LINE-4]]:58: error: invalid type annotation: a dimension must be a positive int32, got 0 [BadAnnotation]
# CHECK: fail_bad_annotation.hy:[[@LINE-5]]:73: error: invalid type annotation: a dimension must be an integer literal or a scalar integer parameter [BadAnnotation]
# CHECK: fail_bad_annotation.hy:[[@LINE-6]]:92: error: invalid type annotation: 'a' is not a scalar integer parameter [BadAnnotation]
# CHECK: 4 errors generated.
