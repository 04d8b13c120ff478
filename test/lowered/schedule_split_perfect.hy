# RUN: %hybridc %s -s %S/Inputs/schedule_split_perfect.json --emit-lowered=- | FileCheck %s
# A perfect split: j.outer and j.inner take j's slot, no guard.
def outer_product(a: float32[100], b: float32[96]):
    c = output_tensor((100, 96), 'float32')
    for i in range(100):
        for j in range(96):
            c[i, j] = a[i] * b[j]
    return c
# CHECK-LABEL: def outer_product(a: float32[100], b: float32[96]) -> (c: float32[100, 96]):
# CHECK-NEXT:   for i in 0..100 serial:
# CHECK-NEXT:     for j.outer in 0..24 serial:
# CHECK-NEXT:       for j.inner in 0..4 serial:
# CHECK-NEXT:         c[i, j.outer * 4 + j.inner] = a[i] * b[j.outer * 4 + j.inner]
