# RUN: %hybridc %s -s %S/Inputs/schedule_split_fuse.json --emit-lowered=- | FileCheck %s
# split, then fuse the outer loops into one parallel loop (TVM: a = f // ext_b, b = f % ext_b).
def outer_product(a: float32[100], b: float32[96]):
    c = output_tensor((100, 96), 'float32')
    for i in range(100):
        for j in range(96):
            c[i, j] = a[i] * b[j]
    return c
# CHECK-LABEL: def outer_product(a: float32[100], b: float32[96]) -> (c: float32[100, 96]):
# CHECK-NEXT:   for i.j.outer.fused in 0..1200 parallel:
# CHECK-NEXT:     for j.inner in 0..8 serial:
# CHECK-NEXT:       c[i.j.outer.fused // 12, i.j.outer.fused % 12 * 8 + j.inner] = a[i.j.outer.fused // 12] * b[i.j.outer.fused % 12 * 8 + j.inner]
