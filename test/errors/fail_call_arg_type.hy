# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# Arguments must match the callee's parameter types and shapes.
def g(n: int32, a: float32[n]):
    b = output_tensor((n,), 'float32')
    for i in range(n):
        b[i] = a[i]
    return b

def f(a: float32[8], x: int32[8]):
    c = g(8, x)
    d = g(4, a)
    return c, d
# CHECK: fail_call_arg_type.hy:[[@LINE-3]]:14: error: argument 2 of 'g': expected float32[8], got int32[8] [CallArgType]
# CHECK: fail_call_arg_type.hy:[[@LINE-11]]:17: note: 'a' is declared here [NoteDeclaredHere]
# CHECK: fail_call_arg_type.hy:[[@LINE-4]]:14: error: argument 2 of 'g': expected float32[4], got float32[8] [CallArgType]
# CHECK: fail_call_arg_type.hy:[[@LINE-13]]:17: note: 'a' is declared here [NoteDeclaredHere]
# CHECK: 2 errors generated.
