# RUN: %hybridc %s -s %S/Inputs/schedule_tile.json --emit-lowered=- | FileCheck %s
# tile = split both loops + reorder to i.outer, j.outer, i.inner, j.inner.
def matmul(a: float32[64, 32], b: float32[32, 48]):
    c = output_tensor((64, 48), 'float32')
    for i in range(64):
        for j in range(48):
            acc = 0.0
            for k in range(32):
                acc += a[i, k] * b[k, j]
            c[i, j] = acc
    return c
# CHECK-LABEL: def matmul(a: float32[64, 32], b: float32[32, 48]) -> (c: float32[64, 48]):
# CHECK-NEXT:   for i.outer in 0..8 parallel:
# CHECK-NEXT:     for j.outer in 0..3 serial:
# CHECK-NEXT:       for i.inner in 0..8 serial:
# CHECK-NEXT:         for j.inner in 0..16 serial:
# CHECK-NEXT:           var acc: float32
# CHECK-NEXT:           acc = 0.0
# CHECK-NEXT:           for k in 0..32 serial:
# CHECK-NEXT:             acc = acc + a[i.outer * 8 + i.inner, k] * b[k, j.outer * 16 + j.inner]
# CHECK-NEXT:           c[i.outer * 8 + i.inner, j.outer * 16 + j.inner] = acc
