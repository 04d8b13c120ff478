# TVM's fuse -> split -> vectorize/parallel pattern: the fused loop
# addresses c through (f // 99, f % 99), which the legality check reads as
# the single index f; a three-loop fuse under parallel likewise.
# RUN: %e2e %s --schedule %S/Inputs/fused_split.json --ref %S/fused_split.py --function add --workdir %t
# RUN: %e2e %s --schedule %S/Inputs/fused_split.json --ref %S/fused_split.py --function add --target aarch64 --workdir %t.a64
# RUN: %e2e %s --schedule %S/Inputs/fused3.json --ref %S/fused_split3.py --function add3 --workdir %t.3
def add(a: float32[64, 99]):
    c = output_tensor((64, 99), 'float32')
    for i in range(64):
        for j in range(99):
            c[i, j] = a[i, j] * 2.0 + 1.0
    return c

def add3(a: float32[8, 8, 8]):
    o = output_tensor((8, 8, 8), 'float32')
    for k in range(8):
        for y in range(8):
            for x in range(8):
                o[k, y, x] = a[k, y, x] - float32(x)
    return o
