# RUN: %hybridc %s -s %S/Inputs/schedule_reorder_reduction.json --emit-lowered=- | FileCheck %s
# A reorder that changes the order of updates to one element is accepted
# when the update is a reduction (here: k moved outside j for C[i, j] += ...).
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
# CHECK-NEXT:     for j in 0..8 serial:
# CHECK-NEXT:       c[i, j] = 0.0
# CHECK-NEXT:   for i in 0..8 serial:
# CHECK-NEXT:     for k in 0..8 serial:
# CHECK-NEXT:       for j in 0..8 serial:
# CHECK-NEXT:         c[i, j] = c[i, j] + a[i, k] * b[k, j]
