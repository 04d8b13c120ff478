# RUN: %hybridc %s -s %S/Inputs/pass_unswitch_unroll.json --print-after=check-legality,unswitch-loops,unroll-loops --emit-lowered=%t.txt 2>&1 | FileCheck %s
# unswitch-loops lifts the whole-tile-in-range test, invariant in j, out of
# the j loop (one unguarded copy, one tail copy); unroll-loops then copies
# the unrolled i.inner body four times in the main copy. (i.outer is
# parallel: a serial one would be peeled at n // 4 by vector-tails, leaving
# no test to lift; see schedule_vectorize_symbolic.hy.)
def rows(n: int32, a: float32[n, 8]):
    c = output_tensor((n, 8), 'float32')
    for i in range(n):
        for j in range(8):
            c[i, j] = a[i, j] * 2.0
    return c
# CHECK-LABEL: ; *** IR after check-legality ***
# CHECK-LABEL: def rows(n: int32, a: float32[n, 8]) -> (c: float32[n, 8]):
# CHECK-NEXT:   for i.outer in 0..(n + 3) // 4 parallel:
# CHECK-NEXT:     for j in 0..8 serial:
# CHECK-NEXT:       if likely(i.outer * 4 + 3 < n):
# CHECK-NEXT:         for i.inner in 0..4 unrolled:
# CHECK-NEXT:           c[i.outer * 4 + i.inner, j] = a[i.outer * 4 + i.inner, j] * 2.0
# CHECK-NEXT:       else:
# CHECK-NEXT:         for i.inner in 0..min(4, n - i.outer * 4) serial:
# CHECK-NEXT:           c[i.outer * 4 + i.inner, j] = a[i.outer * 4 + i.inner, j] * 2.0
# CHECK-LABEL: ; *** IR after unswitch-loops ***
# CHECK-LABEL: def rows(n: int32, a: float32[n, 8]) -> (c: float32[n, 8]):
# CHECK-NEXT:   for i.outer in 0..(n + 3) // 4 parallel:
# CHECK-NEXT:     if likely(i.outer * 4 + 3 < n):
# CHECK-NEXT:       for j in 0..8 serial:
# CHECK-NEXT:         for i.inner in 0..4 unrolled:
# CHECK-NEXT:           c[i.outer * 4 + i.inner, j] = a[i.outer * 4 + i.inner, j] * 2.0
# CHECK-NEXT:     else:
# CHECK-NEXT:       for j in 0..8 serial:
# CHECK-NEXT:         for i.inner in 0..min(4, n - i.outer * 4) serial:
# CHECK-NEXT:           c[i.outer * 4 + i.inner, j] = a[i.outer * 4 + i.inner, j] * 2.0
# CHECK-LABEL: ; *** IR after unroll-loops ***
# CHECK-LABEL: def rows(n: int32, a: float32[n, 8]) -> (c: float32[n, 8]):
# CHECK-NEXT:   for i.outer in 0..(n + 3) // 4 parallel:
# CHECK-NEXT:     if likely(i.outer * 4 + 3 < n):
# CHECK-NEXT:       for j in 0..8 serial:
# CHECK-NEXT:         c[i.outer * 4, j] = a[i.outer * 4, j] * 2.0
# CHECK-NEXT:         c[i.outer * 4 + 1, j] = a[i.outer * 4 + 1, j] * 2.0
# CHECK-NEXT:         c[i.outer * 4 + 2, j] = a[i.outer * 4 + 2, j] * 2.0
# CHECK-NEXT:         c[i.outer * 4 + 3, j] = a[i.outer * 4 + 3, j] * 2.0
# CHECK-NEXT:     else:
# CHECK-NEXT:       for j in 0..8 serial:
# CHECK-NEXT:         for i.inner in 0..min(4, n - i.outer * 4) serial:
# CHECK-NEXT:           c[i.outer * 4 + i.inner, j] = a[i.outer * 4 + i.inner, j] * 2.0
