# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# The arms of a conditional expression must have the same type.
def f(a: float32[8]):
    b = output_tensor((8,), 'float32')
    for i in range(8):
        b[i] = a[i] if a[i] > 0.0 else 0
    return b
# CHECK: fail_if_exp_arms.hy:[[@LINE-2]]:16: error: the arms of a conditional expression have different types: float32 and int32 [IfExpArms]
# CHECK: fail_if_exp_arms.hy:[[@LINE-3]]:40: note: cast one arm, e.g. float32(0) [NoteHint]
# CHECK: 1 error generated.
