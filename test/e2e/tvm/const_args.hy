# TVM-style kernels: scalar parameters given a value by the schedule file
# ("const": 3, as relay passes attributes) are compile-time constants usable
# in shapes, const_range bounds and const-array indices, and leave the C
# signature; an `if` decided at compile time keeps only its live branch,
# unchecked otherwise (index 3 of a 3-element tensor in the dead one).
# RUN: %e2e %s --schedule %S/const_args.json --ref %S/const_args.py --function tile_rows --workdir %t
# RUN: %e2e %s --schedule %S/const_args.json --ref %S/const_args.py --function tile_rows --target aarch64 --workdir %t.a64
# RUN: %hybridc %s -s %S/const_args.json --function tile_rows --emit-header=- -o %t.o | FileCheck %s
# CHECK: int32_t tile_rows(const float *a, const int32_t *s, float *out);
def tile_rows(a: float32[4, 3], reps, axis: int32, gain, pad, s: int32[3]):
    out = output_tensor((4 * reps, 3 + 2), 'float32')
    index = 3
    first = 0
    if index < len(s):
        first = s[index]
    else:
        first = s[0]
    for r in const_range(reps):
        for i in range(4):
            for j in const_range(3 + 2):
                if axis == 1 and j >= 3:
                    out[r * 4 + i, j] = float32(pad[j - 3] + first)
                else:
                    out[r * 4 + i, j] = a[i, min(j, 2)] * gain
    return out
