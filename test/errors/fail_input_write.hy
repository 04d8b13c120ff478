# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# Inputs are passed as const pointers: storing into one is an error.
def f(a: float32[5]):
    b = output_tensor((5,), 'float32')
    for i in range(5):
        a[i] = 0.0
        b[i] = a[i]
    return b
# CHECK: fail_input_write.hy:[[@LINE-3]]:9: error: cannot write to input tensor 'a' [InputWrite]
# CHECK: fail_input_write.hy:[[@LINE-7]]:7: note: 'a' is declared here [NoteDeclaredHere]
# CHECK: 1 error generated.
