# RUN: %hybridc %s -s %S/Inputs/pass_finalize_guards.json --print-after=apply-schedule,finalize-guards --emit-lowered=%t.txt 2>&1 | FileCheck %s
# finalize-guards: apply-schedule leaves the tail guard of the imperfect
# split at the bottom of the nest; finalize-guards clips the serial loop's
# extent, and turns the vectorized loop's guard into a whole-vector/serial
# tail pair.
def scale(n: int32, a: float32[n]):
    c = output_tensor((n,), 'float32')
    for i in range(n):
        c[i] = a[i] * 2.0
    return c
# CHECK-LABEL: ; *** IR after apply-schedule ***
# CHECK-LABEL: def scale(n: int32, a: float32[n]) -> (c: float32[n]):
# CHECK-NEXT:   for i.outer in 0..(n + 15) // 16 serial:
# CHECK-NEXT:     for i.inner in 0..16 serial:
# CHECK-NEXT:       if likely(i.outer * 16 + i.inner < n):
# CHECK-NEXT:         c[i.outer * 16 + i.inner] = a[i.outer * 16 + i.inner] * 2.0
# CHECK-LABEL: ; *** IR after finalize-guards ***
# CHECK-LABEL: def scale(n: int32, a: float32[n]) -> (c: float32[n]):
# CHECK-NEXT:   for i.outer in 0..(n + 15) // 16 serial:
# CHECK-NEXT:     for i.inner in 0..min(16, n - i.outer * 16) serial:
# CHECK-NEXT:       c[i.outer * 16 + i.inner] = a[i.outer * 16 + i.inner] * 2.0

def rows(a: float32[10, 30]):
    c = output_tensor((10, 30), 'float32')
    for i in range(10):
        for j in range(30):
            c[i, j] = a[i, j] + 1.0
    return c
# CHECK-LABEL: ; *** IR after apply-schedule ***
# CHECK-LABEL: def rows(a: float32[10, 30]) -> (c: float32[10, 30]):
# CHECK-NEXT:   for i in 0..10 serial:
# CHECK-NEXT:     for j.outer in 0..4 serial:
# CHECK-NEXT:       for j.inner in 0..8 vectorized:
# CHECK-NEXT:         if likely(j.outer * 8 + j.inner < 30):
# CHECK-NEXT:           c[i, j.outer * 8 + j.inner] = a[i, j.outer * 8 + j.inner] + 1.0
# CHECK-LABEL: ; *** IR after finalize-guards ***
# CHECK-LABEL: def rows(a: float32[10, 30]) -> (c: float32[10, 30]):
# CHECK-NEXT:   for i in 0..10 serial:
# CHECK-NEXT:     for j.outer in 0..3 serial:
# CHECK-NEXT:       for j.inner in 0..8 vectorized:
# CHECK-NEXT:         c[i, j.outer * 8 + j.inner] = a[i, j.outer * 8 + j.inner] + 1.0
# CHECK-NEXT:     for j.inner in 0..6 vectorized:
# CHECK-NEXT:       c[i, 24 + j.inner] = a[i, 24 + j.inner] + 1.0
