# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# A loop variable may not shadow a visible name (here a parameter and an enclosing loop's variable).
def f(a: float32[4], n: int32):
    b = output_tensor((4,), 'float32')
    for n in range(4):
        b[n] = a[n]
    for i in range(4):
        for i in range(2):
            b[i] = 0.0
    return b
# CHECK: fail_loop_var_shadows.hy:[[@LINE-6]]:9: error: loop variable 'n' shadows a name that is already visible here [LoopVarShadows]
# CHECK: fail_loop_var_shadows.hy:[[@LINE-9]]:22: note: 'n' is declared here [NoteDeclaredHere]
# CHECK: fail_loop_var_shadows.hy:[[@LINE-5]]:13: error: loop variable 'i' shadows a name that is already visible here [LoopVarShadows]
# CHECK: fail_loop_var_shadows.hy:[[@LINE-7]]:9: note: 'i' is declared here [NoteDeclaredHere]
# CHECK: 2 errors generated.
