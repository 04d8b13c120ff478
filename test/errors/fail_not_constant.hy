# RUN: not %hybridc --syntax-only %s -s %S/Inputs/fail_not_constant.json 2>&1 | FileCheck %s
# A "const" array is indexed only with constants or const_range variables.
def f(a: float32[3], w):
    b = output_tensor((3,), 'float32')
    for i in range(3):
        b[i] = a[i] * w[i]
    return b
# CHECK: fail_not_constant.hy:[[@LINE-2]]:25: error: the index of const array 'w' must be a compile-time constant [NotConstant]
# CHECK: fail_not_constant.hy:[[@LINE-3]]:25: note: index it with literals or const_range() loop variables [NoteHint]
# CHECK: 1 error generated.
