# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# A variable declared in a loop is used after the loop.
def f(a: float32[5, 5]):
    b = output_tensor((5,), 'float32')
    for i in range(5):
        s = 0.0
        for j in range(5):
            s += a[i, j]
        b[i] = s
    b[0] = s
    return b
# CHECK: fail_use_outside_scope.hy:[[@LINE-2]]:12: error: 's' is used outside the loop that declares it [UseOutsideScope]
# CHECK: fail_use_outside_scope.hy:[[@LINE-7]]:9: note: 's' is declared here [NoteDeclaredHere]
# CHECK: 1 error generated.
