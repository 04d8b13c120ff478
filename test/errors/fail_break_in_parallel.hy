# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# break/continue only in serial code.
def f(a: float32[16]):
    b = output_tensor((16,), 'float32')
    for i in parallel(16):
        if a[i] < 0.0:
            break
        b[i] = a[i]
    for i in unroll(4):
        continue
    return b
# CHECK: fail_break_in_parallel.hy:[[@LINE-5]]:13: error: 'break' cannot be used inside parallel(); only serial loops may use it [BreakInParallel]
# CHECK: fail_break_in_parallel.hy:[[@LINE-3]]:9: error: 'continue' cannot be used inside unroll(); only serial loops may use it [BreakInParallel]
# CHECK: 2 errors generated.
