# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# A loop variable cannot be overwritten.
def f(a: float32[5]):
    b = output_tensor((5,), 'float32')
    for i in range(5):
        b[i] = a[i]
        i = i + 1
    return b
# CHECK: fail_loop_var_write.hy:[[@LINE-2]]:9: error: loop variable 'i' cannot be overwritten [LoopVarWrite]
# CHECK: 1 error generated.
