# compute_inline (docs/schedules.md "compute_inline"): a stage that is not
# stored, each read recomputing the stored expression at the read's
# indices (TVM's and Halide's compute_inline). With symbolic extents and an
# imperfect vectorized split (the tail masked or split), a chain of two
# stages inlined one after the other, an integer stage read through a
# cast and at shifted and reversed indices, and constant sizes with
# unrolled imperfect splits. Against numpy on x86-64 (-O0, -O3, both
# vector-tail forms), AArch64 and in `hybridc run`.
# RUN: %e2e %s --schedule %S/Inputs/compute_inline.json --ref %S/compute_inline.py --function strips --workdir %t/strips
# RUN: %e2e %s --schedule %S/Inputs/compute_inline.json --ref %S/compute_inline.py --function strips --workdir %t/strips0 -- -O0
# RUN: %e2e %s --schedule %S/Inputs/compute_inline.json --ref %S/compute_inline.py --function strips --workdir %t/strips.split -- --vector-tails=split
# RUN: %e2e %s --schedule %S/Inputs/compute_inline.json --ref %S/compute_inline.py --function strips --target aarch64 --workdir %t/strips.a64
# RUN: %e2e %s --schedule %S/Inputs/compute_inline.json --ref %S/compute_inline.py --function chain --workdir %t/chain
# RUN: %e2e %s --schedule %S/Inputs/compute_inline.json --ref %S/compute_inline.py --function chain --target aarch64 --workdir %t/chain.a64
# RUN: %e2e %s --schedule %S/Inputs/compute_inline.json --ref %S/compute_inline.py --function counts --workdir %t/counts
# RUN: %e2e %s --schedule %S/Inputs/compute_inline.json --ref %S/compute_inline.py --function counts --target aarch64 --workdir %t/counts.a64
# RUN: %e2e %s --schedule %S/Inputs/compute_inline.json --ref %S/compute_inline.py --function tiles --workdir %t/tiles
# RUN: %e2e %s --schedule %S/Inputs/compute_inline.json --ref %S/compute_inline.py --function tiles --target aarch64 --workdir %t/tiles.a64
# RUN: %hybridc %s -s %S/Inputs/compute_inline.json --vector-tails=split --emit-lowered=- | FileCheck %s

# A separable blur with symbolic sizes, the first stage inlined into the
# second: rows on the thread pool, columns vectorized by 8 (imperfect).
def strips(n: int32, m: int32, inp: float32[n, m]):
    out = output_tensor((n - 2, m - 2), 'float32')
    bx = allocate((n, m - 2), 'float32')
    for y in range(n):
        for x in range(m - 2):
            bx[y, x] = inp[y, x] + inp[y, x + 1] * 2.0 + inp[y, x + 2]
    for y in range(n - 2):
        for x in range(m - 2):
            out[y, x] = bx[y, x] - bx[y + 1, x] + bx[y + 2, x] * 0.5
    return out
# CHECK-LABEL: def strips(
# CHECK-NOT: allocate
# CHECK: out[y, x.outer * 8 + x.inner] = inp[y, x.outer * 8 + x.inner] + inp[y, x.outer * 8 + x.inner + 1] * 2.0 + inp[y, x.outer * 8 + x.inner + 2] - (inp[y + 1, x.outer * 8 + x.inner]

# Two stages inlined in turn: s reads t, so t goes first (then s's value
# reads only a); the last stage reads s at i and at n - 1 - i.
def chain(n: int32, a: float32[n]):
    t = allocate((n,), 'float32')
    s = allocate((n,), 'float32')
    out = output_tensor((n,), 'float32')
    for i in range(n):
        t[i] = a[i] * a[i] - 1.0
    for i in range(n):
        s[i] = t[i] * 0.5 + a[i]
    for i in range(n):
        out[i] = s[i] - s[n - 1 - i]
    return out
# CHECK-LABEL: def chain(
# CHECK-NOT: allocate
# CHECK: out[i.outer * 4 + i.inner] = (a[i.outer * 4 + i.inner] * a[i.outer * 4 + i.inner] - 1.0) * 0.5 + a[i.outer * 4 + i.inner] - ((a[n - 1 - (i.outer * 4 + i.inner)]

# An integer stage (bits and a floor division) read through a
# cast, shifted by one and at a constant index.
def counts(n: int32, v: int32[n]):
    c = allocate((n,), 'int32')
    out = output_tensor((n - 1,), 'float32')
    for i in range(n):
        c[i] = (v[i] & 7) * 3 - (v[i] // 4)
    for i in range(n - 1):
        out[i] = float32(c[i + 1] - c[i]) + float32(c[0]) * 0.25
    return out
# CHECK-LABEL: def counts(
# CHECK-NOT: allocate
# CHECK: out[i.outer * 16 + i.inner] = float32((v[i.outer * 16 + i.inner + 1] & 7) * 3 - v[i.outer * 16 + i.inner + 1] // 4 -

# Constant sizes, both splits imperfect: 3-row strips of 13 rows unrolled,
# 16-lane columns of 21.
def tiles(inp: float32[15, 23]):
    bx = allocate((15, 21), 'float32')
    out = output_tensor((13, 21), 'float32')
    for y in range(15):
        for x in range(21):
            bx[y, x] = max(inp[y, x], inp[y, x + 2]) - inp[y, x + 1]
    for y in range(13):
        for x in range(21):
            out[y, x] = bx[y, x] + bx[y + 1, x] * bx[y + 2, x]
    return out
# CHECK-LABEL: def tiles(
# CHECK-NOT: allocate
# CHECK: for y.outer in 0..4 serial:
# CHECK-NEXT: for y.inner in 0..3 unrolled:
