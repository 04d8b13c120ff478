# The vector-tails pass (docs/schedules.md "Imperfect splits"): the tail of
# a vectorized loop whose extent is symbolic runs either as one 16-lane
# vector with the lanes past the count off (--vector-tails=masked, the
# default on AVX-512: masked loads and stores) or as vectors of 8, 4, 2
# lanes and one scalar by the binary digits of its count
# (--vector-tails=split, the default elsewhere). Each row below has another
# length (base + r), so the 16 rows give every count from 0 to 15:
# elementwise, a reduction, int32 and a 12-lane loop. Both forms against
# numpy on x86-64 (-O0, -O3, x86-64-v3 where masks are AVX2's vmaskmov),
# AArch64 (masked accesses expanded lane by lane) and in `hybridc run`.
# RUN: %e2e %s --schedule %S/Inputs/vector_tails.json --ref %S/vector_tails.py --function ragged --workdir %t/ragged
# RUN: %e2e %s --schedule %S/Inputs/vector_tails.json --ref %S/vector_tails.py --function ragged --workdir %t/ragged0 -- -O0
# RUN: %e2e %s --schedule %S/Inputs/vector_tails.json --ref %S/vector_tails.py --function ragged --workdir %t/raggedm -- --vector-tails=masked
# RUN: %e2e %s --schedule %S/Inputs/vector_tails.json --ref %S/vector_tails.py --function ragged --workdir %t/raggedm0 -- --vector-tails=masked -O0
# RUN: %e2e %s --schedule %S/Inputs/vector_tails.json --ref %S/vector_tails.py --function ragged --workdir %t/raggedmv3 -- --vector-tails=masked --mcpu x86-64-v3
# RUN: %e2e %s --schedule %S/Inputs/vector_tails.json --ref %S/vector_tails.py --function ragged --workdir %t/raggeds -- --vector-tails=split
# RUN: %e2e %s --schedule %S/Inputs/vector_tails.json --ref %S/vector_tails.py --function ragged --target aarch64 --workdir %t/ragged.a64
# RUN: %e2e %s --schedule %S/Inputs/vector_tails.json --ref %S/vector_tails.py --function ragged --target aarch64 --workdir %t/raggedm.a64 -- --vector-tails=masked
# RUN: %e2e %s --schedule %S/Inputs/vector_tails.json --ref %S/vector_tails.py --function rsum --workdir %t/rsum
# RUN: %e2e %s --schedule %S/Inputs/vector_tails.json --ref %S/vector_tails.py --function rsum --workdir %t/rsumm -- --vector-tails=masked
# RUN: %e2e %s --schedule %S/Inputs/vector_tails.json --ref %S/vector_tails.py --function rsum --workdir %t/rsums -- --vector-tails=split
# RUN: %e2e %s --schedule %S/Inputs/vector_tails.json --ref %S/vector_tails.py --function rsum --target aarch64 --workdir %t/rsum.a64
# RUN: %e2e %s --schedule %S/Inputs/vector_tails.json --ref %S/vector_tails.py --function rsum --target aarch64 --workdir %t/rsumm.a64 -- --vector-tails=masked
# RUN: %e2e %s --schedule %S/Inputs/vector_tails.json --ref %S/vector_tails.py --function imax --workdir %t/imax
# RUN: %e2e %s --schedule %S/Inputs/vector_tails.json --ref %S/vector_tails.py --function imax --workdir %t/imaxm -- --vector-tails=masked
# RUN: %e2e %s --schedule %S/Inputs/vector_tails.json --ref %S/vector_tails.py --function imax --workdir %t/imaxs -- --vector-tails=split
# RUN: %e2e %s --schedule %S/Inputs/vector_tails.json --ref %S/vector_tails.py --function imax --target aarch64 --workdir %t/imax.a64
# RUN: %e2e %s --schedule %S/Inputs/vector_tails.json --ref %S/vector_tails.py --function imax --target aarch64 --workdir %t/imaxm.a64 -- --vector-tails=masked
# RUN: %e2e %s --schedule %S/Inputs/vector_tails.json --ref %S/vector_tails.py --function twelve --workdir %t/twelve
# RUN: %e2e %s --schedule %S/Inputs/vector_tails.json --ref %S/vector_tails.py --function twelve --workdir %t/twelvem -- --vector-tails=masked
# RUN: %e2e %s --schedule %S/Inputs/vector_tails.json --ref %S/vector_tails.py --function twelve --workdir %t/twelves -- --vector-tails=split
# RUN: %e2e %s --schedule %S/Inputs/vector_tails.json --ref %S/vector_tails.py --function twelve --target aarch64 --workdir %t/twelve.a64
# RUN: %e2e %s --schedule %S/Inputs/vector_tails.json --ref %S/vector_tails.py --function twelve --target aarch64 --workdir %t/twelvem.a64 -- --vector-tails=masked
# RUN: %hybridc %s -s %S/Inputs/vector_tails.json --function twelve --vector-tails=split --emit-lowered=- | FileCheck %s
# RUN: %hybridc %s -s %S/Inputs/vector_tails.json --function twelve --vector-tails=masked --emit-lowered=- | FileCheck %s --check-prefix=MASKED
# RUN: %hybridc %s -s %S/Inputs/vector_tails.json --function rsum --vector-tails=masked --emit-ir=- | FileCheck %s --check-prefix=MASKED-IR

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
# MASKED-LABEL: def twelve(
# MASKED: let i.inner.rem = max(min(12, base + r - i.outer * 12), 0)
# MASKED-NEXT: for i.inner in 0..12 vectorized:
# MASKED-NEXT: if i.inner < i.inner.rem:
# MASKED-NEXT: c[r, i.outer * 12 + i.inner] = a[r, i.outer * 12 + i.inner] - 2.0
# The reduction's masked tail: one masked load, the lanes off add -0.0.
# MASKED-IR-LABEL: define {{.*}}@rsum(
# MASKED-IR: @llvm.masked.load.v16f32.p0(ptr
