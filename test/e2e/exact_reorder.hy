# Reorders that the quick rule of ReorderLegality.cpp refuses (a buffer read
# at another index than the one written, a first update tested as
# `ko * 4 + ki == 0`) and that the exact test (ExactDependence.cpp, isl)
# proves keep every dependence: accepted, and the results match numpy on
# x86-64 (-O0, -O3), AArch64 and in `hybridc run`. Symbolic extents and
# imperfect splits included.
# RUN: %e2e %s --schedule %S/Inputs/exact_reorder.json --ref %S/exact_reorder.py --function colscan --workdir %t/colscan
# RUN: %e2e %s --schedule %S/Inputs/exact_reorder.json --ref %S/exact_reorder.py --function colscan --target aarch64 --workdir %t/colscan.a64
# RUN: %e2e %s --schedule %S/Inputs/exact_reorder.json --ref %S/exact_reorder.py --function rowscan --workdir %t/rowscan
# RUN: %e2e %s --schedule %S/Inputs/exact_reorder.json --ref %S/exact_reorder.py --function rowscan --workdir %t/rowscan0 -- -O0
# RUN: %e2e %s --schedule %S/Inputs/exact_reorder.json --ref %S/exact_reorder.py --function rowscan --target aarch64 --workdir %t/rowscan.a64
# RUN: %e2e %s --schedule %S/Inputs/exact_reorder.json --ref %S/exact_reorder.py --function diag --workdir %t/diag
# RUN: %e2e %s --schedule %S/Inputs/exact_reorder.json --ref %S/exact_reorder.py --function diag --target aarch64 --workdir %t/diag.a64
# RUN: %e2e %s --schedule %S/Inputs/exact_reorder.json --ref %S/exact_reorder.py --function splitk --workdir %t/splitk
# RUN: %e2e %s --schedule %S/Inputs/exact_reorder.json --ref %S/exact_reorder.py --function splitk --target aarch64 --workdir %t/splitk.a64
# RUN: %e2e %s --schedule %S/Inputs/exact_reorder.json --ref %S/exact_reorder.py --function columns --workdir %t/columns
# RUN: %hybridc %s -s %S/Inputs/exact_reorder.json --emit-lowered=- | FileCheck %s

# A scan down each column: the dependence runs along i only, so j may go
# outside it (and run in parallel).
def colscan(n: int32, m: int32, a: float32[n, m]):
    c = output_tensor((n, m), 'float32')
    for j in range(m):
        c[0, j] = a[0, j]
    for i in range(1, n):
        for j in range(m):
            c[i, j] = c[i - 1, j] * 0.5 + a[i, j]
    return c
# CHECK-LABEL: def colscan(
# CHECK: for j in 0..m parallel:
# CHECK-NEXT: for i in 1..{{.*}} serial:

# A scan along each row, tiled 4 x 8 with imperfect tiles: inside a tile and
# from one tile to the next, c[i, j - 1] is still written before it is read.
def rowscan(n: int32, m: int32, a: float32[n, m]):
    c = output_tensor((n, m), 'float32')
    for i in range(n):
        c[i, 0] = a[i, 0]
    for i in range(n):
        for j in range(1, m):
            c[i, j] = c[i, j - 1] + a[i, j]
    return c
# CHECK-LABEL: def rowscan(
# CHECK: for io in
# CHECK-NEXT: for jo in
# CHECK-NEXT: for ii in
# CHECK-NEXT: for ji in

# A diagonal dependence (distance 1 in both loops): either loop may be
# outermost.
def diag(a: float32[9, 11]):
    c = output_tensor((9, 11), 'float32')
    for i in range(9):
        for j in range(11):
            if i == 0 or j == 0:
                c[i, j] = a[i, j]
            else:
                c[i, j] = c[i - 1, j - 1] - a[i, j]
    return c
# CHECK-LABEL: def diag(
# CHECK: for j in 0..11 serial:
# CHECK-NEXT: for i in 0..9 serial:

# fold-init's first update after k is split: `if ko * 4 + ki == 0` still
# runs first when ki goes outside ko.
def splitk(A: float32[6, 18], B: float32[18, 5]):
    C = output_tensor((6, 5), 'float32')
    for i in range(6):
        for j in range(5):
            C[i, j] = 0.0
    for i in range(6):
        for j in range(5):
            for k in range(18):
                C[i, j] += A[i, k] * B[k, j]
    return C
# CHECK-LABEL: def splitk(
# CHECK: for ki in 0..4 serial:
# CHECK-NEXT: for ko in 0..min(5, (21 - ki) // 4) serial:

# Sixteen column scans in one body: 16 x 32 pairs of accesses to c, most
# told apart by the GCD test (c[.., j * 16 + 3] is never c[.., j * 16 + 5])
# before any set is built, the rest by isl (each set with its own work
# quota: a shared one ran out after a few hundred sets and refused this).
def columns(a: float32[12, 64]):
    c = output_tensor((12, 64), 'float32')
    for j in range(64):
        c[0, j] = a[0, j]
    for i in range(1, 12):
        for j in range(4):
            c[i, j * 16 + 0] = c[i - 1, j * 16 + 0] * 0.5 + a[i, j * 16 + 0]
            c[i, j * 16 + 1] = c[i - 1, j * 16 + 1] * 0.5 + a[i, j * 16 + 1]
            c[i, j * 16 + 2] = c[i - 1, j * 16 + 2] * 0.5 + a[i, j * 16 + 2]
            c[i, j * 16 + 3] = c[i - 1, j * 16 + 3] * 0.5 + a[i, j * 16 + 3]
            c[i, j * 16 + 4] = c[i - 1, j * 16 + 4] * 0.5 + a[i, j * 16 + 4]
            c[i, j * 16 + 5] = c[i - 1, j * 16 + 5] * 0.5 + a[i, j * 16 + 5]
            c[i, j * 16 + 6] = c[i - 1, j * 16 + 6] * 0.5 + a[i, j * 16 + 6]
            c[i, j * 16 + 7] = c[i - 1, j * 16 + 7] * 0.5 + a[i, j * 16 + 7]
            c[i, j * 16 + 8] = c[i - 1, j * 16 + 8] * 0.5 + a[i, j * 16 + 8]
            c[i, j * 16 + 9] = c[i - 1, j * 16 + 9] * 0.5 + a[i, j * 16 + 9]
            c[i, j * 16 + 10] = c[i - 1, j * 16 + 10] * 0.5 + a[i, j * 16 + 10]
            c[i, j * 16 + 11] = c[i - 1, j * 16 + 11] * 0.5 + a[i, j * 16 + 11]
            c[i, j * 16 + 12] = c[i - 1, j * 16 + 12] * 0.5 + a[i, j * 16 + 12]
            c[i, j * 16 + 13] = c[i - 1, j * 16 + 13] * 0.5 + a[i, j * 16 + 13]
            c[i, j * 16 + 14] = c[i - 1, j * 16 + 14] * 0.5 + a[i, j * 16 + 14]
            c[i, j * 16 + 15] = c[i - 1, j * 16 + 15] * 0.5 + a[i, j * 16 + 15]
    return c
# CHECK-LABEL: def columns(
# CHECK: for j in 0..4 serial:
# CHECK-NEXT: for i in 1..{{.*}} serial:
