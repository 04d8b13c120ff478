# RUN: %hybridc %s -s %S/Inputs/schedule_unroll.json --emit-lowered=- | FileCheck %s
# unroll sets the kind; the unroll pass then copies the body.
def outer_product(a: float32[8], b: float32[4]):
    c = output_tensor((8, 4), 'float32')
    for i in range(8):
        for j in range(4):
            c[i, j] = a[i] * b[j]
    return c
# CHECK-LABEL: def outer_product(a: float32[8], b: float32[4]) -> (c: float32[8, 4]):
# CHECK-NEXT:   for i in 0..8 serial:
# CHECK-NEXT:     for j in 0..4 unrolled:
# CHECK-NEXT:       c[i, j] = a[i] * b[j]
