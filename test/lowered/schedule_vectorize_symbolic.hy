# RUN: %hybridc %s -s %S/Inputs/schedule_vectorize_symbolic.json --vector-tails=split --emit-lowered=- | FileCheck %s
# RUN: %hybridc %s -s %S/Inputs/schedule_vectorize_symbolic.json --vector-tails=masked --emit-lowered=- | FileCheck %s --check-prefix=MASKED
# RUN: %hybridc %s -s %S/Inputs/schedule_vectorize_symbolic.json --target aarch64 --emit-lowered=- | FileCheck %s
# RUN: %hybridc %s -s %S/Inputs/schedule_vectorize_symbolic.json --target x86_64 --mcpu skylake-avx512 --emit-lowered=- | FileCheck %s --check-prefix=MASKED
# RUN: %hybridc %s -s %S/Inputs/schedule_vectorize_symbolic.json --target x86_64 --mcpu haswell --emit-lowered=- | FileCheck %s
# RUN: not %hybridc %s --vector-tails=bogus 2>&1 | FileCheck %s --check-prefix=USAGE
# USAGE: --vector-tails: bogus not in {auto,masked,split}
# vectorize an imperfect split of a symbolic extent: the outer loop is
# peeled where the whole-vector guard turns false (n // 8), so the main loop
# runs the vector loop with no test; the rest (at most one iteration) runs
# its 0..7 remaining iterations as 4-, 2- and 1-lane pieces (the guard's
# failure bounds the count below 8, so there is no 8-lane piece), or with
# masks (the default with AVX-512, none on AArch64) as one 8-lane vector
# with the lanes past the count off.
# MASKED:        for i.outer in 0..max(n // 8, 0) serial:
# MASKED:        for i.outer in max(n // 8, 0)..(n + 7) // 8 serial:
# MASKED-NEXT:     let i.inner.rem = max(min(8, n - i.outer * 8), 0)
# MASKED-NEXT:     for i.inner in 0..8 vectorized:
# MASKED-NEXT:       if i.inner < i.inner.rem:
# MASKED-NEXT:         b[i.outer * 8 + i.inner] = a[i.outer * 8 + i.inner] * 2.0
# MASKED-NOT:      rem
def scale(n: int32, a: float32[n]):
    b = output_tensor((n,), 'float32')
    for i in range(n):
        b[i] = a[i] * 2.0
    return b
# CHECK-LABEL: def scale(n: int32, a: float32[n]) -> (b: float32[n]):
# CHECK-NEXT:   for i.outer in 0..max(n // 8, 0) serial:
# CHECK-NEXT:     for i.inner in 0..8 vectorized:
# CHECK-NEXT:       b[i.outer * 8 + i.inner] = a[i.outer * 8 + i.inner] * 2.0
# CHECK-NEXT:   for i.outer in max(n // 8, 0)..(n + 7) // 8 serial:
# CHECK-NEXT:     let i.inner.rem = max(min(8, n - i.outer * 8), 0)
# CHECK-NEXT:     if i.inner.rem >= 4:
# CHECK-NEXT:       for i.inner in 0..4 vectorized:
# CHECK-NEXT:         b[i.outer * 8 + i.inner] = a[i.outer * 8 + i.inner] * 2.0
# CHECK-NEXT:     if i.inner.rem % 4 >= 2:
# CHECK-NEXT:       for i.inner in 0..2 vectorized:
# CHECK-NEXT:         b[i.outer * 8 + i.inner.rem // 4 * 4 + i.inner] = a[i.outer * 8 + i.inner.rem // 4 * 4 + i.inner] * 2.0
# CHECK-NEXT:     if i.inner.rem % 2 >= 1:
# CHECK-NEXT:       b[i.outer * 8 + i.inner.rem // 2 * 2] = a[i.outer * 8 + i.inner.rem // 2 * 2] * 2.0
