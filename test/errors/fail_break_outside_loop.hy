# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# break/continue outside any loop.
def f(a: float32[4]):
    b = output_tensor((4,), 'float32')
    if a[0] > 0.0:
        break
    continue
    return b
# CHECK: fail_break_outside_loop.hy:[[@LINE-3]]:9: error: 'break' outside a loop [BreakOutsideLoop]
# CHECK: fail_break_outside_loop.hy:[[@LINE-3]]:5: error: 'continue' outside a loop [BreakOutsideLoop]
# CHECK: 2 errors generated.
