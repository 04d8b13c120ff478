# RUN: %hybridc %s -s %S/Inputs/schedule_split_fuse_identity.json --emit-lowered=- | FileCheck %s
# Splitting a loop and fusing the halves again gives back the loop variable
# (x // 8 * 8 + x % 8 == x), so the fused loop can be parallel.
def add(a: float32[64, 32]):
    c = output_tensor((64, 32), 'float32')
    for i in range(64):
        for j in range(32):
            c[i, j] = a[i, j] + 1.0
    return c
# CHECK-LABEL: def add(a: float32[64, 32]) -> (c: float32[64, 32]):
# CHECK-NEXT:   for i.outer.i.inner.fused in 0..64 parallel:
# CHECK-NEXT:     for j in 0..32 serial:
# CHECK-NEXT:       c[i.outer.i.inner.fused, j] = a[i.outer.i.inner.fused, j] + 1.0
