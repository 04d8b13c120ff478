# Floor division and modulo round toward minus infinity (Python), on every
# integer width; bit operations; ceil_div; integer min/max/abs; wrap-around.
# RUN: %e2e %s --ref %S/int_arith.py --function int_arith --workdir %t
# RUN: %e2e %s --ref %S/int_arith.py --function int_arith --target aarch64 --workdir %t.a64
def int_arith(a: int32[64], b: int32[64], c: int8[64]):
    q = output_tensor((64,), 'int32')
    r = output_tensor((64,), 'int32')
    bits = output_tensor((64,), 'int32')
    w = output_tensor((64,), 'int8')
    m = output_tensor((64,), 'int64')
    for i in range(64):
        q[i] = a[i] // b[i]
        r[i] = a[i] % b[i]
        bits[i] = ((a[i] & b[i]) | (a[i] ^ 5)) + ~b[i] + ceil_div(abs(a[i]), 7)
        w[i] = c[i] * int8(3) + int8(100)
        m[i] = int64(max(a[i], b[i])) * int64(min(a[i], b[i])) + int64(a[i]) // int64(-3)
    return q, r, bits, w, m
