# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# '/' on two integers is an error (use '//').
def f(a: int32[8]):
    b = output_tensor((8,), 'int32')
    for i in range(8):
        b[i] = a[i] / 2
    return b
# CHECK: fail_int_true_div.hy:[[@LINE-2]]:21: error: '/' on integers (int32 / int32); use '//' for floor division [IntTrueDiv]
# CHECK: 1 error generated.
