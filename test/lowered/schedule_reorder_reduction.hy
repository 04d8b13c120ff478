# RUN: %hybridc %s -s %S/Inputs/schedule_reorder_reduction.json --emit-lowered=- | FileCheck %s
# A reorder that changes the order of updates to one element is accepted
# when the update is a reduction (here: k moved outside j for C[i, j] += ...;
# fold-init made the k == 0 update start from the zeroing nest's 0.0, and
# k = 0 still runs first for every element).
def mm(a: float32[8, 8], b: float32[8, 8]):
    c = output_tensor((8, 8), 'float32')
    for i in range(8):
        for j in range(8):
            c[i, j] = 0.0
    for i in range(8):
        for j in range(8):
            for k in range(8):
                c[i, j] += a[i, k] * b[k, j]
    return c
# CHECK-LABEL: def mm(a: float32[8, 8], b: float32[8, 8]) -> (c: float32[8, 8]):
# CHECK-NEXT:   for i in 0..8 serial:
# CHECK-NEXT:     for k in 0..8 serial:
# CHECK-NEXT:       for j in 0..8 serial:
# CHECK-NEXT:         if k == 0:
# CHECK-NEXT:           c[i, j] = 0.0 + a[i, k] * b[k, j]
# CHECK-NEXT:         else:
# CHECK-NEXT:           c[i, j] = c[i, j] + a[i, k] * b[k, j]
