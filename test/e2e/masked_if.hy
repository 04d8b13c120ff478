# Per-lane `if`s in vectorized loops (docs/schedules.md "Vector tails and
# masks"): with --vector-tails=masked (the default on AVX-512) both branches
# run as vector code, each with its loads and stores predicated by the lanes
# that take it; with split such a loop stays a serial loop. Symbolic n = 37
# (two 16-lane vectors and a masked tail of 5), so the tail's mask and the
# ifs' masks combine. Each def has a case that goes wrong if a mask is lost:
#   branches:  the condition reads c, which the then-branch writes (the else
#              branch must see the lanes as they were);
#   lanevar:   a lane variable assigned under nested ifs keeps its value in
#              the lanes that do not take them;
#   gather:    indices of -1 in the lanes off (an unmasked gather reads
#              out of bounds), a strided store (a masked scatter: the odd
#              elements of e, past its end in the tail's lanes off), a
#              uniform load of w[k], k out of bounds, that no lane runs;
#   counts:    reductions under a mask (a sum into one element, a count).
#   pad:       `a[i - 1] if i >= 1 else 0.0` and `i + 1 < n and a[i + 1] > 0`:
#              a select's arms and the right side of `and`/`or` read only
#              in the lanes that evaluate them (a[-1] and a[n] otherwise).
# Against numpy on x86-64 (AVX-512 or x86-64-v3), AArch64 and `hybridc run`.
# RUN: %e2e %s --schedule %S/Inputs/masked_if.json --ref %S/masked_if.py --function branches --workdir %t/b -- --vector-tails=masked
# RUN: %e2e %s --schedule %S/Inputs/masked_if.json --ref %S/masked_if.py --function branches --workdir %t/bv3 -- --vector-tails=masked --mcpu x86-64-v3
# RUN: %e2e %s --schedule %S/Inputs/masked_if.json --ref %S/masked_if.py --function branches --workdir %t/bs -- --vector-tails=split
# RUN: %e2e %s --schedule %S/Inputs/masked_if.json --ref %S/masked_if.py --function branches --target aarch64 --workdir %t/b.a64 -- --vector-tails=masked
# RUN: %e2e %s --schedule %S/Inputs/masked_if.json --ref %S/masked_if.py --function lanevar --workdir %t/p -- --vector-tails=masked
# RUN: %e2e %s --schedule %S/Inputs/masked_if.json --ref %S/masked_if.py --function lanevar --workdir %t/pv3 -- --vector-tails=masked --mcpu x86-64-v3 -O0
# RUN: %e2e %s --schedule %S/Inputs/masked_if.json --ref %S/masked_if.py --function lanevar --target aarch64 --workdir %t/p.a64 -- --vector-tails=masked
# RUN: %e2e %s --schedule %S/Inputs/masked_if.json --ref %S/masked_if.py --function gather --workdir %t/g -- --vector-tails=masked
# RUN: %e2e %s --schedule %S/Inputs/masked_if.json --ref %S/masked_if.py --function gather --workdir %t/gv3 -- --vector-tails=masked --mcpu x86-64-v3
# RUN: %e2e %s --schedule %S/Inputs/masked_if.json --ref %S/masked_if.py --function gather --workdir %t/gs -- --vector-tails=split
# RUN: %e2e %s --schedule %S/Inputs/masked_if.json --ref %S/masked_if.py --function gather --target aarch64 --workdir %t/g.a64 -- --vector-tails=masked
# RUN: %e2e %s --schedule %S/Inputs/masked_if.json --ref %S/masked_if.py --function counts --workdir %t/c -- --vector-tails=masked
# RUN: %e2e %s --schedule %S/Inputs/masked_if.json --ref %S/masked_if.py --function counts --workdir %t/cv3 -- --vector-tails=masked --mcpu x86-64-v3
# RUN: %e2e %s --schedule %S/Inputs/masked_if.json --ref %S/masked_if.py --function counts --target aarch64 --workdir %t/c.a64 -- --vector-tails=masked
# RUN: %e2e %s --schedule %S/Inputs/masked_if.json --ref %S/masked_if.py --function pad --workdir %t/pad -- --vector-tails=masked
# RUN: %e2e %s --schedule %S/Inputs/masked_if.json --ref %S/masked_if.py --function pad --workdir %t/padv3 -- --vector-tails=masked --mcpu x86-64-v3
# RUN: %e2e %s --schedule %S/Inputs/masked_if.json --ref %S/masked_if.py --function pad --workdir %t/pads -- --vector-tails=split
# RUN: %e2e %s --schedule %S/Inputs/masked_if.json --ref %S/masked_if.py --function pad --target aarch64 --workdir %t/pad.a64 -- --vector-tails=masked
# RUN: %hybridc %s -s %S/Inputs/masked_if.json --function pad --vector-tails=masked --print-after=vectorize-loops --emit-lowered=/dev/null 2>&1 | FileCheck %s --check-prefix=PAD
# PAD: c[ramp(io * 16, 1, 16)] = a[ramp(io * 16 - 1, 1, 16) where ramp(io * 16, 1, 16) >= broadcast(1, 16)] if ramp(io * 16, 1, 16) >= broadcast(1, 16) else broadcast(0.0, 16)
# RUN: %hybridc %s -s %S/Inputs/masked_if.json --function branches --vector-tails=masked --print-after=vectorize-loops --emit-lowered=/dev/null 2>&1 | FileCheck %s
# The condition is held in a let; the else branch's mask is its negation.
# CHECK: let i.inner.mask1 = c[ramp(i.outer * 16, 1, 16)] > broadcast(0.0, 16)
# CHECK-NEXT: c[ramp(i.outer * 16, 1, 16) where i.inner.mask1] = 
# CHECK: d[ramp(i.outer * 16, 1, 16) where not i.inner.mask1] = broadcast(2.0, 16)

def branches(n: int32, a: float32[n]):
    c = output_tensor((n,), 'float32')
    d = output_tensor((n,), 'float32')
    for i in range(n):
        c[i] = a[i]
    for i in range(n):
        if c[i] > 0.0:
            c[i] = -c[i] * 2.0
            d[i] = 1.0
        else:
            d[i] = 2.0
    return c, d

def lanevar(n: int32, a: float32[n]):
    c = output_tensor((n,), 'float32')
    for i in range(n):
        t = a[i]
        if t > -0.5:
            t = t * 2.0
            if t > 1.0:
                t = 0.0
            else:
                t = t + 10.0
        c[i] = t
    return c

def gather(n: int32, k: int32, idx: int32[n], tab: float32[8], w: float32[4]):
    c = output_tensor((n,), 'float32')
    e = output_tensor((2 * n,), 'float32')
    for j in range(2 * n):
        e[j] = 0.0
    for i in range(n):
        c[i] = -1.0
        if idx[i] >= 0:
            c[i] = tab[idx[i]]
        if idx[i] >= 100:
            c[i] = w[k]
    for i in range(n):
        if idx[i] >= 0:
            e[2 * i + 1] = tab[idx[i]] + 1.0
    return c, e

def counts(n: int32, a: float32[n]):
    s = output_tensor((2,), 'float32')
    s[0] = 0.0
    s[1] = 0.0
    for i in range(n):
        if a[i] > 0.25:
            s[0] = s[0] + a[i]
    m = 0
    for i in range(n):
        if a[i] < -0.25:
            m = m + 1
    s[1] = float32(m)
    return s

def pad(n: int32, a: float32[n]):
    c = output_tensor((n,), 'float32')
    d = output_tensor((n,), 'int32')
    for i in range(n):
        c[i] = a[i - 1] if i >= 1 else 0.0
    for i in range(n):
        if (i + 1 < n and a[i + 1] > 0.0) or (i == 0 or a[i - 1] < -1.0):
            d[i] = 1
        else:
            d[i] = 0
    return c, d
