# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# A loop variable used after its loop has ended is out of scope (not
# undeclared): the note points at the loop.
def f(a: float32[8, 4]):
    out = output_tensor((8,), 'float32')
    for i in range(8):
        s = 0.0
        for j in range(4):
            s += a[i, j]
        out[j] = s
    return out
# CHECK: fail_loop_var_outside.hy:[[@LINE-2]]:13: error: 'j' is used outside the loop that declares it [UseOutsideScope]
# CHECK: fail_loop_var_outside.hy:[[@LINE-5]]:13: note: 'j' is declared here [NoteDeclaredHere]
# CHECK: 1 error generated.
