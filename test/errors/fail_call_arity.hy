# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# A call to another def passes one argument per parameter.
def g(a: float32[4], s: float32):
    b = output_tensor((4,), 'float32')
    for i in range(4):
        b[i] = a[i] * s
    return b

def f(a: float32[4]):
    c = g(a)
    return c
# CHECK: fail_call_arity.hy:[[@LINE-2]]:9: error: def 'g' takes 2 argument(s), 1 given [CallArity]
# CHECK: fail_call_arity.hy:[[@LINE-10]]:5: note: 'g' is defined here [NoteDefinedHere]
# CHECK: 1 error generated.
