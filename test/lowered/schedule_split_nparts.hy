# RUN: %hybridc %s -s %S/Inputs/schedule_split_nparts.json --emit-lowered=- | FileCheck %s
# split by nparts with custom names: factor = ceil(100 / 3) = 34.
def outer_product(a: float32[100], b: float32[99]):
    c = output_tensor((100, 99), 'float32')
    for i in range(100):
        for j in range(99):
            c[i, j] = a[i] * b[j]
    return c
# CHECK-LABEL: def outer_product(a: float32[100], b: float32[99]) -> (c: float32[100, 99]):
# CHECK-NEXT:   for io in 0..3 serial:
# CHECK-NEXT:     for ii in 0..min(34, 100 - io * 34) serial:
# CHECK-NEXT:       for j in 0..99 serial:
# CHECK-NEXT:         c[io * 34 + ii, j] = a[io * 34 + ii] * b[j]
