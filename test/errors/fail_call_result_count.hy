# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# The names receiving a call's tensors match the number it returns.
def g(a: float32[4]):
    p = output_tensor((4,), 'float32')
    q = output_tensor((4,), 'float32')
    for i in range(4):
        p[i] = a[i]
        q[i] = a[i]
    return p, q

def f(a: float32[4]):
    x = g(a)
    y, z, w = g(a)
    return x
# CHECK: fail_call_result_count.hy:[[@LINE-3]]:9: error: 'g' returns 2 tensor(s) but 1 name(s) receive them [CallResultCount]
# CHECK: fail_call_result_count.hy:[[@LINE-3]]:15: error: 'g' returns 2 tensor(s) but 3 name(s) receive them [CallResultCount]
# CHECK: 2 errors generated.
