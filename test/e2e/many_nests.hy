# A def with more than 16 top-level loop nests: code generation outlines
# each serial nest into a function of its own (CodeGenLLVM::visit(For),
# compile time, bench/RESULTS.md). Scalars assigned in one nest and read in
# the next (passed by address), a buffer allocated outside the nests, a
# while loop, a break, a parallel nest and a failing assert (many_nests_fail)
# keep their meaning.
# RUN: %e2e %s --ref %S/many_nests.py --function many_nests --workdir %t
# RUN: %e2e %s --ref %S/many_nests.py --function many_nests --target aarch64 --workdir %t.a64
# RUN: %e2e %s --ref %S/many_nests_fail.py --function many_nests --workdir %t.fail
# RUN: %hybridc %s -O0 --emit-ir=- | FileCheck %s
# CHECK: define i32 @many_nests(
# CHECK: call i32 @many_nests.nest.i0.body(
# CHECK: define internal i32 @many_nests.nest.i0.body(
# CHECK: define internal i32 @many_nests.nest.i19.body(
def many_nests(a: float32[8], n: int32):
    out = output_tensor((8,), 'float32')
    tmp = allocate((8,), 'float32')
    s = 0.0
    for i0 in range(8):
        tmp[i0] = a[i0] * 2.0
    for i1 in range(8):
        s = s + tmp[i1]
    for i2 in range(8):
        out[i2] = tmp[i2] + s
    j = 0
    while j < n:
        s = s + 1.0
        j = j + 1
    for i3 in range(8):
        if a[i3] > 100.0:
            break
        out[i3] = out[i3] + s
    for i4 in parallel(8):
        out[i4] = out[i4] * 0.5
    for i5 in range(8):
        assert a[i5] > -100.0, "input too small"
    for i6 in range(8):
        out[i6] = out[i6] * 0.75 + 6.0
    for i7 in range(8):
        out[i7] = out[i7] * 0.75 + 7.0
    for i8 in range(8):
        out[i8] = out[i8] * 0.75 + 8.0
    for i9 in range(8):
        out[i9] = out[i9] * 0.75 + 9.0
    for i10 in range(8):
        out[i10] = out[i10] * 0.75 + 10.0
    for i11 in range(8):
        out[i11] = out[i11] * 0.75 + 11.0
    for i12 in range(8):
        out[i12] = out[i12] * 0.75 + 12.0
    for i13 in range(8):
        out[i13] = out[i13] * 0.75 + 13.0
    for i14 in range(8):
        out[i14] = out[i14] * 0.75 + 14.0
    for i15 in range(8):
        out[i15] = out[i15] * 0.75 + 15.0
    for i16 in range(8):
        out[i16] = out[i16] * 0.75 + 16.0
    for i17 in range(8):
        out[i17] = out[i17] * 0.75 + 17.0
    for i18 in range(8):
        out[i18] = out[i18] * 0.75 + 18.0
    for i19 in range(8):
        out[i19] = out[i19] * 0.75 + 19.0
    return out
