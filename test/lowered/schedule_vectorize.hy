# RUN: %hybridc %s -s %S/Inputs/schedule_vectorize.json --emit-lowered=- | FileCheck %s
# vectorize an imperfect split of a constant extent: the main loop stops
# before the tail (24 vector iterations), the tail (3 elements) runs serially.
def outer_product(a: float32[100], b: float32[99]):
    c = output_tensor((100, 99), 'float32')
    for i in range(100):
        for j in range(99):
            c[i, j] = a[i] * b[j]
    return c
# CHECK-LABEL: def outer_product(a: float32[100], b: float32[99]) -> (c: float32[100, 99]):
# CHECK-NEXT:   for i in 0..100 serial:
# CHECK-NEXT:     for j.outer in 0..24 serial:
# CHECK-NEXT:       for j.inner in 0..4 vectorized:
# CHECK-NEXT:         c[i, j.outer * 4 + j.inner] = a[i] * b[j.outer * 4 + j.inner]
# CHECK-NEXT:     for j.inner in 0..3 vectorized:
# CHECK-NEXT:       c[i, 96 + j.inner] = a[i] * b[96 + j.inner]
