# RUN: %hybridc %s -s %S/Inputs/schedule_same_name.json --emit-lowered=- | FileCheck %s
# Loops sharing a name are addressed i#0, i#1 in source order.
def copy2(a: float32[10]):
    b = output_tensor((10,), 'float32')
    c = output_tensor((10,), 'float32')
    for i in range(10):
        b[i] = a[i]
    for i in range(10):
        c[i] = a[i] * 2.0
    return b, c
# CHECK-LABEL: def copy2(a: float32[10]) -> (b: float32[10], c: float32[10]):
# CHECK-NEXT:   for i.outer in 0..2 serial:
# CHECK-NEXT:     for i.inner in 0..5 serial:
# CHECK-NEXT:       b[i.outer * 5 + i.inner] = a[i.outer * 5 + i.inner]
# CHECK-NEXT:   for i in 0..10 parallel:
# CHECK-NEXT:     c[i] = a[i] * 2.0
