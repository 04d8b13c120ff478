# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# Integer literals are int32.
def f(a: int64[4]):
    b = output_tensor((4,), 'int64')
    for i in range(4):
        b[i] = a[i] + int64(4000000000)
    return b
# CHECK: fail_int_literal_range.hy:[[@LINE-2]]:29: error: integer literal 4000000000 does not fit in int32 [IntLiteralRange]
# CHECK: 1 error generated.
