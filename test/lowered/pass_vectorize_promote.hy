# RUN: %hybridc %s -s %S/Inputs/pass_vectorize_promote.json --print-after=unroll-loops,vectorize-loops,promote-accumulators,final-simplify --emit-lowered=%t.txt 2>&1 | FileCheck %s
# vectorize-loops turns j.inner into 8-lane ramps; promote-accumulators
# keeps the row tile c[i, j.outer*8 .. +8] in a vector variable across k and
# stores it once. (fold-init has folded the zeroing nest into the first k
# iteration, which unswitch-loops peels: the tile starts from 0.0 + a*b.)
def matmul(a: float32[4, 16], b: float32[16, 32]):
    c = output_tensor((4, 32), 'float32')
    for i in range(4):
        for j in range(32):
            c[i, j] = 0.0
    for i in range(4):
        for j in range(32):
            for k in range(16):
                c[i, j] += a[i, k] * b[k, j]
    return c
# CHECK-LABEL: ; *** IR after unroll-loops ***
# CHECK-LABEL: def matmul(a: float32[4, 16], b: float32[16, 32]) -> (c: float32[4, 32]):
# CHECK-NEXT:   for i in 0..4 serial:
# CHECK-NEXT:     for j.outer in 0..4 serial:
# CHECK-NEXT:       for j.inner in 0..8 vectorized:
# CHECK-NEXT:         c[i, j.outer * 8 + j.inner] = 0.0 + a[i, 0] * b[0, j.outer * 8 + j.inner]
# CHECK-NEXT:       for k in 1..16 serial:
# CHECK-NEXT:         for j.inner in 0..8 vectorized:
# CHECK-NEXT:           c[i, j.outer * 8 + j.inner] = c[i, j.outer * 8 + j.inner] + a[i, k] * b[k, j.outer * 8 + j.inner]
# CHECK-LABEL: ; *** IR after vectorize-loops ***
# CHECK-LABEL: def matmul(a: float32[4, 16], b: float32[16, 32]) -> (c: float32[4, 32]):
# CHECK-NEXT:   for i in 0..4 serial:
# CHECK-NEXT:     for j.outer in 0..4 serial:
# CHECK-NEXT:       c[i, ramp(j.outer * 8, 1, 8)] = broadcast(0.0, 8) + broadcast(a[i, 0], 8) * b[0, ramp(j.outer * 8, 1, 8)]
# CHECK-NEXT:       for k in 1..16 serial:
# CHECK-NEXT:         c[i, ramp(j.outer * 8, 1, 8)] = c[i, ramp(j.outer * 8, 1, 8)] + broadcast(a[i, k], 8) * b[k, ramp(j.outer * 8, 1, 8)]
# CHECK-LABEL: ; *** IR after promote-accumulators ***
# CHECK-LABEL: def matmul(a: float32[4, 16], b: float32[16, 32]) -> (c: float32[4, 32]):
# CHECK-NEXT:   for i in 0..4 serial:
# CHECK-NEXT:     for j.outer in 0..4 serial:
# CHECK-NEXT:       c[i, ramp(j.outer * 8, 1, 8)] = broadcast(0.0, 8) + broadcast(a[i, 0], 8) * b[0, ramp(j.outer * 8, 1, 8)]
# CHECK-NEXT:       var c.acc0: float32x8
# CHECK-NEXT:       c.acc0 = c[i, ramp(j.outer * 8, 1, 8)]
# CHECK-NEXT:       for k in 1..16 serial:
# CHECK-NEXT:         c.acc0 = c.acc0 + broadcast(a[i, k], 8) * b[k, ramp(j.outer * 8, 1, 8)]
# CHECK-NEXT:       c[i, ramp(j.outer * 8, 1, 8)] = c.acc0
# CHECK-LABEL: ; *** IR after final-simplify ***
# CHECK-LABEL: def matmul(a: float32[4, 16], b: float32[16, 32]) -> (c: float32[4, 32]):
# CHECK-NEXT:   for i in 0..4 serial:
# CHECK-NEXT:     for j.outer in 0..4 serial:
# CHECK-NEXT:       c[i, ramp(j.outer * 8, 1, 8)] = broadcast(0.0, 8) + broadcast(a[i, 0], 8) * b[0, ramp(j.outer * 8, 1, 8)]
# CHECK-NEXT:       var c.acc0: float32x8
# CHECK-NEXT:       c.acc0 = c[i, ramp(j.outer * 8, 1, 8)]
# CHECK-NEXT:       for k in 1..16 serial:
# CHECK-NEXT:         c.acc0 = c.acc0 + broadcast(a[i, k], 8) * b[k, ramp(j.outer * 8, 1, 8)]
# CHECK-NEXT:       c[i, ramp(j.outer * 8, 1, 8)] = c.acc0
