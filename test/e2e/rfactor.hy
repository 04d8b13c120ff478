# rfactor (docs/schedules.md "rfactor"): reductions keep one partial result
# per iteration of the factored loop, across the enclosing loops of the same
# reduction, and combine them once. Perfect, imperfect (constant and
# symbolic extents) and parallel factored loops; scalar and buffer
# accumulators; + * min max on floats and integers (integers exact), against
# numpy, on x86-64 (-O0, -O3) and AArch64.
# RUN: %e2e %s --schedule %S/Inputs/rfactor.json --ref %S/rfactor.py --function rowstats --workdir %t/rowstats
# RUN: %e2e %s --schedule %S/Inputs/rfactor.json --ref %S/rfactor.py --function rowstats --workdir %t/rowstats0 -- -O0
# RUN: %e2e %s --schedule %S/Inputs/rfactor.json --ref %S/rfactor.py --function rowstats --target aarch64 --workdir %t/rowstats.a64
# RUN: %e2e %s --schedule %S/Inputs/rfactor.json --ref %S/rfactor.py --function intred --workdir %t/intred
# RUN: %e2e %s --schedule %S/Inputs/rfactor.json --ref %S/rfactor.py --function intred --workdir %t/intred0 -- -O0
# RUN: %e2e %s --schedule %S/Inputs/rfactor.json --ref %S/rfactor.py --function intred --target aarch64 --workdir %t/intred.a64
# RUN: %e2e %s --schedule %S/Inputs/rfactor.json --ref %S/rfactor.py --function colsum --workdir %t/colsum
# RUN: %e2e %s --schedule %S/Inputs/rfactor.json --ref %S/rfactor.py --function colsum --target aarch64 --workdir %t/colsum.a64
# RUN: %e2e %s --schedule %S/Inputs/rfactor.json --ref %S/rfactor.py --function psum --workdir %t/psum
# RUN: %e2e %s --schedule %S/Inputs/rfactor.json --ref %S/rfactor.py --function psum --target aarch64 --workdir %t/psum.a64
# RUN: %e2e %s --schedule %S/Inputs/rfactor.json --ref %S/rfactor.py --function autofactor --workdir %t/autofactor
# RUN: %e2e %s --schedule %S/Inputs/rfactor.json --ref %S/rfactor.py --function autofactor --target aarch64 --workdir %t/autofactor.a64
# RUN: %e2e %s --schedule %S/Inputs/rfactor.json --ref %S/rfactor.py --function widths --workdir %t/widths
# RUN: %e2e %s --schedule %S/Inputs/rfactor.json --ref %S/rfactor.py --function widths --target aarch64 --workdir %t/widths.a64
# RUN: %hybridc %s -s %S/Inputs/rfactor.json --function autofactor --print-after=factor-reductions -o %t/autofactor.o 2>&1 | FileCheck %s --check-prefix=AUTO

# Row maxima and sums over a symbolic row length: split by 8 (imperfect when
# m % 8 != 0), both reductions factored into 8-lane vectors.
def rowstats(n: int32, m: int32, a: float32[n, m]):
    mx = output_tensor((n,), 'float32')
    sm = output_tensor((n,), 'float32')
    for i in range(n):
        hi = a[i, 0]
        s = 0.0
        for j in range(m):
            hi = max(hi, a[i, j])
            s += a[i, j] * 0.5
        mx[i] = hi
        sm[i] = s
    return mx, sm

# Integer reductions of every operator, 50 columns split by 16 (a constant
# tail of 2): exactly numpy's results (the product wraps like numpy's).
def intred(a: int32[37, 50], b: int8[37, 50], u: uint16[37, 50]):
    out = output_tensor((37, 4), 'int32')
    lo = output_tensor((37,), 'int8')
    hi = output_tensor((37,), 'uint16')
    for i in range(37):
        s = 0
        p = 1
        bmin = b[i, 0]
        umax = u[i, 0]
        for j in range(50):
            s += a[i, j]
            p = p * (a[i, j] % 3 + 2)
            bmin = min(bmin, b[i, j])
            umax = max(umax, u[i, j])
        out[i, 0] = s
        out[i, 1] = p
        out[i, 2] = int32(bmin)
        out[i, 3] = int32(umax)
        lo[i] = bmin
        hi[i] = umax
    return out, lo, hi

# The identities of other widths: uint32 min starts from 2^32 - 1, int64
# max from -2^63, a float64 product from 1.0.
def widths(u: uint32[40], w: int64[40], f: float64[40]):
    lo = output_tensor((1,), 'uint32')
    hi = output_tensor((1,), 'int64')
    pr = output_tensor((1,), 'float64')
    a = u[0]
    b = w[0]
    c = float64(1.0)
    for j in range(40):
        a = min(a, u[j])
        b = max(b, w[j])
        c = c * (f[j] * 0.01 + 1.0)
    lo[0] = a
    hi[0] = b
    pr[0] = c
    return lo, hi, pr

# A buffer element as the accumulator: c[j] += a[i, j] over i, split by 8.
def colsum(a: float32[64, 40]):
    c = output_tensor((40,), 'float32')
    for j in range(40):
        c[j] = 0.0
        for i in range(64):
            c[j] += a[i, j]
    return c

# A parallel sum: two halves of the array summed by two threads into two
# partial results, combined after the parallel loop.
def psum(a: float32[4096]):
    out = output_tensor((1,), 'float32')
    s = 0.0
    for i in range(4096):
        s += a[i]
    out[0] = s
    return out

# Without rfactor: a vectorized reduction under a serial loop of the same
# reduction gets vector partials by itself (the factor-reductions pass).
def autofactor(x: float32[16, 100]):
    y = output_tensor((16,), 'float32')
    for i in range(16):
        s = 0.0
        for j in range(100):
            s += x[i, j]
        y[i] = s
    return y
# AUTO: allocate s.rf: float32[8] local
# AUTO-NEXT: for j.inner.init in 0..8 vectorized:
# AUTO-NEXT: s.rf[j.inner.init] = -0.0
# AUTO-NEXT: for j.outer in 0..13 serial:
# AUTO-NEXT: for j.inner in 0..8 vectorized:
# AUTO-NEXT: if likely(j.outer * 8 + j.inner < 100):
# AUTO-NEXT: s.rf[j.inner] = s.rf[j.inner] + x[i, j.outer * 8 + j.inner]
# AUTO-NEXT: for j.inner.combine in 0..8 vectorized:
# AUTO-NEXT: s = s + s.rf[j.inner.combine]
