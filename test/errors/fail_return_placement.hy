# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# 'return' is the last statement of the def, outside loops and conditionals.
def f(a: float32[4]):
    b = output_tensor((4,), 'float32')
    for i in range(4):
        b[i] = a[i]
        if i == 3:
            return b
    return b
# CHECK: fail_return_placement.hy:[[@LINE-2]]:13: error: 'return' must be the last statement of a def, outside loops and conditionals [ReturnPlacement]
# CHECK: 1 error generated.
