# RUN: %hybridc %s -s %S/Inputs/schedule_split_twice.json --emit-lowered=- | FileCheck %s
# Splitting the inner loop of a split again.
def outer_product(a: float32[100], b: float32[96]):
    c = output_tensor((100, 96), 'float32')
    for i in range(100):
        for j in range(96):
            c[i, j] = a[i] * b[j]
    return c
# CHECK-LABEL: def outer_product(a: float32[100], b: float32[96]) -> (c: float32[100, 96]):
# CHECK-NEXT:   for i in 0..100 serial:
# CHECK-NEXT:     for j.outer in 0..6 serial:
# CHECK-NEXT:       for j.inner.outer in 0..4 serial:
# CHECK-NEXT:         for j.inner.inner in 0..4 serial:
# CHECK-NEXT:           c[i, j.outer * 16 + j.inner.outer * 4 + j.inner.inner] = a[i] * b[j.outer * 16 + j.inner.outer * 4 + j.inner.inner]
