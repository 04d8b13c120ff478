# Promotion across dtypes (SEMANTICS.md "Mixed types"), unsigned
# arithmetic, float16 in and out, bool tensors, float->int truncation.
# RUN: %e2e %s --ref %S/dtypes.py --function dtypes --workdir %t
# RUN: %e2e %s --ref %S/dtypes.py --function dtypes --target aarch64 --workdir %t.a64
def dtypes(h: float16[8], u: uint8[8], s: int16[8], f: float64[8], flag: bool[8], k: uint32):
    o16 = output_tensor((8,), 'float16')
    ou = output_tensor((8,), 'uint32')
    oi = output_tensor((8,), 'int32')
    of = output_tensor((8,), 'float64')
    ob = output_tensor((8,), 'bool')
    for i in range(8):
        o16[i] = h[i] * float16(2.0) + float16(u[i])
        ou[i] = uint32(u[i]) * k - uint32(3)
        oi[i] = int32(f[i]) + int32(s[i]) * 1000
        of[i] = f[i] + float64(s[i]) + float64(h[i])
        ob[i] = flag[i] and u[i] > uint8(100)
    return o16, ou, oi, of, ob
