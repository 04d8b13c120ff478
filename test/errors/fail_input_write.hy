# RUN: not %hybridc --syntax-only %s -s %S/Inputs/fail_input_write.json 2>&1 | FileCheck %s
# A "const" array is compile-time data: storing into it is an error (an
# input tensor may be written; its header parameter is then non-const).
def f(a: float32[5], w):
    b = output_tensor((5,), 'float32')
    for i in range(5):
        a[i] = 0.0
        w[i] = 1.0
        b[i] = a[i]
    return b

# ... nor handed to a def that writes its parameter.
def bump(x: float32[5]):
    y = output_tensor((5,), 'float32')
    for i in range(5):
        x[i] = x[i] + 1.0
        y[i] = x[i]
    return y

def g(w):
    r = bump(w)
    return r
# CHECK: fail_input_write.hy:[[@LINE-15]]:9: error: cannot write to 'w': it is a compile-time constant array [InputWrite]
# CHECK: fail_input_write.hy:[[@LINE-20]]:22: note: 'w' is declared here [NoteDeclaredHere]
# CHECK: fail_input_write.hy:[[@LINE-4]]:14: error: cannot write to 'w': it is a compile-time constant array [InputWrite]
# CHECK: fail_input_write.hy:[[@LINE-13]]:5: note: 'bump' is defined here [NoteDefinedHere]
# CHECK: 2 errors generated.
