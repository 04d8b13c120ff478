# RUN: %hybridc %s -s %S/Inputs/schedule_rfactor.json --emit-lowered=- | FileCheck %s
# rfactor: the partial results live across the enclosing loops of the same
# reduction (k.outer, also o in `region`) and stop at a loop that reads the
# accumulator (i: `t[i] = s`) or changes its address (c[i] under i); a
# symbolic extent split by 4 keeps its tail guard inside the factored loop.
def region(n: int32, a: float32[n, 4, 64]):
    t = output_tensor((n,), 'float32')
    for i in range(n):
        s = 0.0
        for o in range(4):
            for k in range(64):
                s += a[i, o, k]
        t[i] = s
    return t
# CHECK-LABEL: def region(n: int32, a: float32[n, 4, 64]) -> (t: float32[n]):
# CHECK-NEXT:   for i in 0..n serial:
# CHECK-NEXT:     var s: float32
# CHECK-NEXT:     s = 0.0
# CHECK-NEXT:     allocate s.rf: float32[16] local
# CHECK-NEXT:     for k.inner.init in 0..16 serial:
# CHECK-NEXT:       s.rf[k.inner.init] = -0.0
# CHECK-NEXT:     for o in 0..4 serial:
# CHECK-NEXT:       for k.outer in 0..4 serial:
# CHECK-NEXT:         for k.inner in 0..16 serial:
# CHECK-NEXT:           s.rf[k.inner] = s.rf[k.inner] + a[i, o, k.outer * 16 + k.inner]
# CHECK-NEXT:     for k.inner.combine in 0..16 serial:
# CHECK-NEXT:       s = s + s.rf[k.inner.combine]
# CHECK-NEXT:     t[i] = s
# CHECK-EMPTY:

def rows(n: int32, a: int32[8, n]):
    c = output_tensor((8,), 'int32')
    for i in range(8):
        c[i] = a[i, 0]
        for k in range(n):
            c[i] = min(c[i], a[i, k])
    return c
# CHECK-LABEL: def rows(n: int32, a: int32[8, n]) -> (c: int32[8]):
# CHECK-NEXT:   for i in 0..8 serial:
# CHECK-NEXT:     c[i] = a[i, 0]
# CHECK-NEXT:     allocate c.rf: int32[4] local
# CHECK-NEXT:     for k.inner.init in 0..4 serial:
# CHECK-NEXT:       c.rf[k.inner.init] = 2147483647
# CHECK-NEXT:     for k.outer in 0..(n + 3) // 4 serial:
# CHECK-NEXT:       for k.inner in 0..min(4, n - k.outer * 4) serial:
# CHECK-NEXT:         c.rf[k.inner] = min(c.rf[k.inner], a[i, k.outer * 4 + k.inner])
# CHECK-NEXT:     for k.inner.combine in 0..4 vectorized:
# CHECK-NEXT:       c[i] = min(c[i], c.rf[k.inner.combine])
