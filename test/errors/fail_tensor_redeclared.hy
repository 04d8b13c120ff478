# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# A tensor name is declared once.
def f(a: float32[4]):
    b = output_tensor((4,), 'float32')
    b = output_tensor((4,), 'float32')
    for i in range(4):
        b[i] = a[i]
    return b
# CHECK: fail_tensor_redeclared.hy:[[@LINE-4]]:5: error: 'b' is already declared in this def [TensorRedeclared]
# CHECK: fail_tensor_redeclared.hy:[[@LINE-6]]:5: note: 'b' is declared here [NoteDeclaredHere]
# CHECK: 1 error generated.
