# The vector-tails pass (docs/schedules.md "Imperfect splits"): the tail of
# a vectorized loop whose extent is symbolic runs as vectors of 8, 4, 2
# lanes and one scalar (16-lane loops), by the binary digits of its count.
# Each row below has another length (base + r), so the 16 rows give every
# count from 0 to 15: elementwise, a reduction, int32 and a 12-lane loop.
# Against numpy on x86-64 (-O0, -O3), AArch64 and in `hybridc run`.
# RUN: %e2e %s --schedule %S/Inputs/vector_tails.json --ref %S/vector_tails.py --function ragged --workdir %t/ragged
# RUN: %e2e %s --schedule %S/Inputs/vector_tails.json --ref %S/vector_tails.py --function ragged --workdir %t/ragged0 -- -O0
# RUN: %e2e %s --schedule %S/Inputs/vector_tails.json --ref %S/vector_tails.py --function ragged --target aarch64 --workdir %t/ragged.a64
# RUN: %e2e %s --schedule %S/Inputs/vector_tails.json --ref %S/vector_tails.py --function rsum --workdir %t/rsum
# RUN: %e2e %s --schedule %S/Inputs/vector_tails.json --ref %S/vector_tails.py --function rsum --target aarch64 --workdir %t/rsum.a64
# RUN: %e2e %s --schedule %S/Inputs/vector_tails.json --ref %S/vector_tails.py --function imax --workdir %t/imax
# RUN: %e2e %s --schedule %S/Inputs/vector_tails.json --ref %S/vector_tails.py --function imax --target aarch64 --workdir %t/imax.a64
# RUN: %e2e %s --schedule %S/Inputs/vector_tails.json --ref %S/vector_tails.py --function twelve --workdir %t/twelve
# RUN: %e2e %s --schedule %S/Inputs/vector_tails.json --ref %S/vector_tails.py --function twelve --target aarch64 --workdir %t/twelve.a64
# RUN: %hybridc %s -s %S/Inputs/vector_tails.json --function twelve --emit-lowered=- | FileCheck %s

def ragged(base: int32, a: float32[16, 64]):
    c = output_tensor((16, 64), 'float32')
    for r in range(16):
        for i in range(64):
            c[r, i] = -1.0
    for r in range(16):
        for i in range(base + r):
            c[r, i] = a[r, i] * 3.0 + 1.0
    return c

def rsum(base: int32, a: float32[16, 64]):
    s = output_tensor((16,), 'float32')
    for r in range(16):
        acc = 0.0
        for i in range(base + r):
            acc = acc + a[r, i]
        s[r] = acc
    return s

def imax(base: int32, a: int32[16, 64]):
    s = output_tensor((16,), 'int32')
    for r in range(16):
        m = -1000000
        for i in range(base + r):
            m = max(m, a[r, i] * 2 - i)
        s[r] = m
    return s

# 12 lanes: counts 0..11, as 8 + 2 + 1 at most (the 4-lane chunk too).
def twelve(base: int32, a: float32[16, 64]):
    c = output_tensor((16, 64), 'float32')
    for r in range(16):
        for i in range(64):
            c[r, i] = 0.0
    for r in range(16):
        for i in range(base + r):
            c[r, i] = a[r, i] - 2.0
    return c
# CHECK-LABEL: def twelve(
# CHECK: let i.inner.rem = max(min(12, base + r - i.outer * 12), 0)
# CHECK-NEXT: if i.inner.rem >= 8:
# CHECK-NEXT: for i.inner in 0..8 vectorized:
# CHECK: if i.inner.rem % 8 >= 4:
# CHECK-NEXT: for i.inner in 0..4 vectorized:
# CHECK: if i.inner.rem % 4 >= 2:
# CHECK-NEXT: for i.inner in 0..2 vectorized:
# CHECK: if i.inner.rem % 2 >= 1:
