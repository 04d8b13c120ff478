# cache_read (docs/schedules.md "cache_read"): inside a loop, reads of an
# input go to a dense copy of the box the loop reads, made at each of its
# iterations. Symbolic extents with imperfect tiles (the copy is guarded at
# the edges), a stencil whose reads overlap, a transposed read; against
# numpy on x86-64 (-O0, -O3), AArch64 and in `hybridc run`.
# RUN: %e2e %s --schedule %S/Inputs/cache_read.json --ref %S/cache_read.py --function mm --workdir %t/mm
# RUN: %e2e %s --schedule %S/Inputs/cache_read.json --ref %S/cache_read.py --function mm --workdir %t/mm0 -- -O0
# RUN: %e2e %s --schedule %S/Inputs/cache_read.json --ref %S/cache_read.py --function mm --target aarch64 --workdir %t/mm.a64
# RUN: %e2e %s --schedule %S/Inputs/cache_read.json --ref %S/cache_read.py --function stencil --workdir %t/stencil
# RUN: %e2e %s --schedule %S/Inputs/cache_read.json --ref %S/cache_read.py --function stencil --target aarch64 --workdir %t/stencil.a64
# RUN: %e2e %s --schedule %S/Inputs/cache_read.json --ref %S/cache_read.py --function transpose --workdir %t/transpose
# RUN: %e2e %s --schedule %S/Inputs/cache_read.json --ref %S/cache_read.py --function transpose --target aarch64 --workdir %t/transpose.a64
# RUN: %hybridc %s -s %S/Inputs/cache_read.json --function mm --emit-lowered=- | FileCheck %s

# B's column panel (all k, 8 columns) copied once per jo, contiguous.
def mm(n: int32, m: int32, A: float32[n, 20], B: float32[20, m]):
    C = output_tensor((n, m), 'float32')
    for i in range(n):
        for j in range(m):
            C[i, j] = 0.0
    for i in range(n):
        for j in range(m):
            for k in range(20):
                C[i, j] += A[i, k] * B[k, j]
    return C
# CHECK: for jo in 0..(m + 7) // 8 parallel:
# CHECK-NEXT: allocate Bp: float32[20, 8] global
# CHECK-NEXT: for Bp.d0 in 0..20 serial:
# CHECK-NEXT: for Bp.d1 in 0..8 serial:
# CHECK-NEXT: if jo * 8 + Bp.d1 < m:
# CHECK-NEXT: Bp[Bp.d0, Bp.d1] = staged(B[Bp.d0, jo * 8 + Bp.d1])
# CHECK: Bp[k, ji]

# Three overlapping reads per output: a tile of 16 outputs copies 18 inputs.
def stencil(a: float32[100]):
    b = output_tensor((98,), 'float32')
    for i in range(98):
        b[i] = a[i] + 2.0 * a[i + 1] + a[i + 2]
    return b

# Reads down a column of the input (a[j, i] for a row i of the output),
# staged per block of 4 rows: the copy is the 4-column strip, contiguous.
def transpose(a: float32[24, 12]):
    t = output_tensor((12, 24), 'float32')
    for i in range(12):
        for j in range(24):
            t[i, j] = a[j, i] * 3.0
    return t
