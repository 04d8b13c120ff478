# RUN: %hybridc %s -s %S/Inputs/schedule_reorder_five.json --emit-lowered=- | FileCheck %s
# reorder permutes only the listed loops' slots: r keeps its place.
def add5(a: float32[2, 3, 4, 5, 6]):
    b = output_tensor((2, 3, 4, 5, 6), 'float32')
    for p in range(2):
        for q in range(3):
            for r in range(4):
                for s in range(5):
                    for t in range(6):
                        b[p, q, r, s, t] = a[p, q, r, s, t] + 1.0
    return b
# CHECK-LABEL: def add5(a: float32[2, 3, 4, 5, 6]) -> (b: float32[2, 3, 4, 5, 6]):
# CHECK-NEXT:   for t in 0..6 serial:
# CHECK-NEXT:     for q in 0..3 serial:
# CHECK-NEXT:       for r in 0..4 serial:
# CHECK-NEXT:         for s in 0..5 serial:
# CHECK-NEXT:           for p in 0..2 serial:
# CHECK-NEXT:             b[p, q, r, s, t] = a[p, q, r, s, t] + 1.0
