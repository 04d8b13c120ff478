# cache_write (docs/schedules.md "cache_write"): inside a loop, a buffer's
# loads and stores go to a local tile, loaded at the start of each
# iteration and written back at its end. A matmul tile of C per (io, jo)
# with symbolic, imperfect rows; a row scan whose tile is a whole row; a
# tile only partly written (the rest goes back unchanged). Where the first
# nest that touches the buffer stores the whole tile without reading it
# (normalize: a row of exponentials, then divided by their sum; split: the
# same through a split loop) the tile is not loaded; where that nest leaves
# elements out (interleaved: every other one first; guarded: under an if)
# it is. Against numpy on x86-64 (-O0, -O3), AArch64 and in `hybridc run`.
# RUN: %e2e %s --schedule %S/Inputs/cache_write.json --ref %S/cache_write.py --function mm --workdir %t/mm
# RUN: %e2e %s --schedule %S/Inputs/cache_write.json --ref %S/cache_write.py --function mm --workdir %t/mm0 -- -O0
# RUN: %e2e %s --schedule %S/Inputs/cache_write.json --ref %S/cache_write.py --function mm --target aarch64 --workdir %t/mm.a64
# RUN: %e2e %s --schedule %S/Inputs/cache_write.json --ref %S/cache_write.py --function scan --workdir %t/scan
# RUN: %e2e %s --schedule %S/Inputs/cache_write.json --ref %S/cache_write.py --function scan --target aarch64 --workdir %t/scan.a64
# RUN: %e2e %s --schedule %S/Inputs/cache_write.json --ref %S/cache_write.py --function evens --workdir %t/evens
# RUN: %e2e %s --schedule %S/Inputs/cache_write.json --ref %S/cache_write.py --function evens --target aarch64 --workdir %t/evens.a64
# RUN: %e2e %s --schedule %S/Inputs/cache_write.json --ref %S/cache_write.py --function normalize --workdir %t/normalize
# RUN: %e2e %s --schedule %S/Inputs/cache_write.json --ref %S/cache_write.py --function normalize --workdir %t/normalize0 -- -O0
# RUN: %e2e %s --schedule %S/Inputs/cache_write.json --ref %S/cache_write.py --function normalize --target aarch64 --workdir %t/normalize.a64
# RUN: %e2e %s --schedule %S/Inputs/cache_write.json --ref %S/cache_write.py --function split --workdir %t/split
# RUN: %e2e %s --schedule %S/Inputs/cache_write.json --ref %S/cache_write.py --function split --target aarch64 --workdir %t/split.a64
# RUN: %e2e %s --schedule %S/Inputs/cache_write.json --ref %S/cache_write.py --function interleaved --workdir %t/interleaved
# RUN: %e2e %s --schedule %S/Inputs/cache_write.json --ref %S/cache_write.py --function guarded --workdir %t/guarded
# RUN: %e2e %s --schedule %S/Inputs/cache_write.json --ref %S/cache_write.py --function guarded --target aarch64 --workdir %t/guarded.a64
# RUN: %hybridc %s -s %S/Inputs/cache_write.json --emit-lowered=- | FileCheck %s

# C's 4 x 8 tile accumulates in Cl across k and goes back once.
def mm(n: int32, A: float32[n, 16], B: float32[16, 24]):
    C = output_tensor((n, 24), 'float32')
    for i in range(n):
        for j in range(24):
            C[i, j] = 0.0
    for i in range(n):
        for j in range(24):
            for k in range(16):
                C[i, j] += A[i, k] * B[k, j]
    return C
# CHECK-LABEL: def mm(
# CHECK: for jo in 0..3 parallel:
# CHECK-NEXT: for io in
# CHECK-NEXT: allocate Cl: float32[4, 8]
# CHECK-NEXT: for Cl.d0 in 0..4 serial:
# CHECK-NEXT: for Cl.d1 in 0..8 serial:
# CHECK-NEXT: if io * 4 + Cl.d0 < n:
# CHECK-NEXT: Cl[Cl.d0, Cl.d1] = staged(C[io * 4 + Cl.d0, jo * 8 + Cl.d1])
# CHECK: for Cl.w0 in 0..4 serial:
# CHECK-NEXT: for Cl.w1 in 0..8 serial:
# CHECK-NEXT: if io * 4 + Cl.w0 < n:
# CHECK-NEXT: C[io * 4 + Cl.w0, jo * 8 + Cl.w1] = staged(Cl[Cl.w0, Cl.w1])

# A scan along each row (reads what it wrote): the row lives in the tile.
def scan(a: float32[5, 33]):
    c = output_tensor((5, 33), 'float32')
    for i in range(5):
        c[i, 0] = a[i, 0]
        for j in range(1, 33):
            c[i, j] = c[i, j - 1] * 0.5 + a[i, j]
    return c
# CHECK-LABEL: def scan(
# CHECK: allocate c.local: float32[1, 33]

# Only the even elements of each 8-element block are written: the odd ones
# are copied in and written back unchanged.
def evens(a: float32[32]):
    b = output_tensor((32,), 'float32')
    for i in range(32):
        b[i] = a[i] + 100.0
    for i in range(4):
        for j in range(4):
            b[i * 8 + j * 2] = a[i * 8 + j * 2] * 3.0
    return b
# CHECK-LABEL: def evens(
# CHECK: for b.local.d0 in 0..7 serial:

# The row's exponentials are stored before anything reads them: the row's
# tile is not loaded, only written back (as a vector, non-temporal).
def normalize(x: float32[6, 40]):
    y = output_tensor((6, 40), 'float32')
    for i in range(6):
        s = 0.0
        for k in range(40):
            e = exp(x[i, k])
            y[i, k] = e
            s += e
        for l in range(40):
            y[i, l] = y[i, l] / s
    return y
# CHECK-LABEL: def normalize(
# CHECK-NEXT: for i in 0..6 parallel:
# CHECK-NEXT: allocate y.local: float32[1, 40] global
# CHECK-NOT: y.local.d
# CHECK: for y.local.w0 in 0..1 serial:

# The same through a split loop (k = k.outer * 8 + k.inner covers 0..31).
def split(x: float32[5, 32]):
    y = output_tensor((5, 32), 'float32')
    for i in range(5):
        for k in range(32):
            y[i, k] = x[i, k] * 2.0
        for l in range(31):
            y[i, l + 1] = y[i, l + 1] + y[i, l]
    return y
# CHECK-LABEL: def split(
# CHECK-NEXT: for i in 0..5 serial:
# CHECK-NEXT: allocate y.local: float32[1, 32] global
# CHECK-NEXT: for k.outer in 0..4 serial:

# The first nest stores only the even elements: the odd ones must be
# loaded before the second nest reads them.
def interleaved(x: float32[4, 16]):
    y = output_tensor((4, 16), 'float32')
    for i in range(4):
        for k in range(16):
            y[i, k] = 7.0
    for i in range(4):
        for k in range(8):
            y[i, 2 * k] = x[i, 2 * k]
        for k in range(8):
            y[i, 2 * k + 1] = y[i, 2 * k + 1] + y[i, 2 * k]
    return y
# CHECK-LABEL: def interleaved(
# CHECK: for y.local.d0 in 0..1 serial:

# A store under an if covers nothing for sure: loaded.
def guarded(x: float32[4, 16], t: float32):
    y = output_tensor((4, 16), 'float32')
    for i in range(4):
        for k in range(16):
            y[i, k] = x[i, k]
    for i in range(4):
        for k in range(16):
            if x[i, k] > t:
                y[i, k] = t
        for k in range(16):
            y[i, k] = y[i, k] * 2.0
    return y
# CHECK-LABEL: def guarded(
# CHECK: for y.local.d0 in 0..1 serial:
