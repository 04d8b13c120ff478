# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# Integer division or modulo by a constant zero.
def f(a: int32[4]):
    b = output_tensor((4,), 'int32')
    for i in range(4):
        b[i] = a[i] // 0 + a[i] % (2 - 2) + ceil_div(a[i], 0)
    return b
# CHECK: fail_division_by_zero.hy:[[@LINE-2]]:24: error: division by zero [DivisionByZero]
# CHECK: fail_division_by_zero.hy:[[@LINE-3]]:36: error: division by zero [DivisionByZero]
# CHECK: fail_division_by_zero.hy:[[@LINE-4]]:60: error: division by zero [DivisionByZero]
# CHECK: 3 errors generated.
