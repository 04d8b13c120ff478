# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# Malformed numeric literals: letters glued to digits, an empty hex
# literal, a leading zero, a second decimal point, an int64 overflow.
def f(a: float32[10]):
    b = output_tensor((10,), 'float32')
    for i in range(10):
        b[i] = a[i] * 2x
        b[i] = a[i] * 0x
        b[i] = a[i] * 010
        b[i] = a[i] * 1.5.2
        b[i] = a[i] * 99999999999999999999
    return b
# CHECK: fail_invalid_number.hy:[[@LINE-6]]:23: error: invalid numeric literal '2x' [InvalidNumber]
# CHECK: fail_invalid_number.hy:[[@LINE-6]]:23: error: invalid numeric literal '0x' [InvalidNumber]
# CHECK: fail_invalid_number.hy:[[@LINE-6]]:23: error: invalid numeric literal '010' [InvalidNumber]
# CHECK: fail_invalid_number.hy:[[@LINE-6]]:23: error: invalid numeric literal '1.5.2' [InvalidNumber]
# CHECK: fail_invalid_number.hy:[[@LINE-6]]:23: error: invalid numeric literal '99999999999999999999' [InvalidNumber]
# CHECK: 5 errors generated.
