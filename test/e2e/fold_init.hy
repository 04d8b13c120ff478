# fold-init: the plain two-nest reduction (set C, then C[...] += ...) runs
# as one nest whose first update stores `0.0 + e` (no pass that only zeroes
# C); also after reorders that move the reduction loops among themselves,
# with symbolic extents, and for max; against numpy on x86-64 (-O0, -O3),
# AArch64 and in `hybridc run`.
# RUN: %e2e %s --schedule %S/Inputs/fold_init.json --ref %S/fold_init.py --function mm --workdir %t/mm
# RUN: %e2e %s --schedule %S/Inputs/fold_init.json --ref %S/fold_init.py --function mm --workdir %t/mm0 -- -O0
# RUN: %e2e %s --schedule %S/Inputs/fold_init.json --ref %S/fold_init.py --function mm --target aarch64 --workdir %t/mm.a64
# RUN: %e2e %s --schedule %S/Inputs/fold_init.json --ref %S/fold_init.py --function conv --workdir %t/conv
# RUN: %e2e %s --schedule %S/Inputs/fold_init.json --ref %S/fold_init.py --function conv --target aarch64 --workdir %t/conv.a64
# RUN: %e2e %s --schedule %S/Inputs/fold_init.json --ref %S/fold_init.py --function colmax --workdir %t/colmax
# RUN: %e2e %s --schedule %S/Inputs/fold_init.json --ref %S/fold_init.py --function colmax --target aarch64 --workdir %t/colmax.a64
# RUN: %e2e %s --schedule %S/Inputs/fold_init.json --ref %S/fold_init.py --function tiles --workdir %t/tiles
# RUN: %e2e %s --schedule %S/Inputs/fold_init.json --ref %S/fold_init.py --function tiles --target aarch64 --workdir %t/tiles.a64
# RUN: %hybridc %s -s %S/Inputs/fold_init.json --function mm --function conv --print-after=fold-init -o %t/f.o 2>&1 | FileCheck %s

# A symbolic matmul, k moved outside j (a register tile of C across k).
def mm(n: int32, m: int32, A: float32[n, 24], B: float32[24, m]):
    C = output_tensor((n, m), 'float32')
    for i in range(n):
        for j in range(m):
            C[i, j] = 0.0
    for i in range(n):
        for j in range(m):
            for k in range(24):
                C[i, j] += A[i, k] * B[k, j]
    return C
# CHECK-LABEL: def mm(
# CHECK: for j in 0..m serial:
# CHECK-NEXT: "initialisation folded into the next nest"
# CHECK: if k == 0:
# CHECK-NEXT: C[i, j] = 0.0 + A[i, k] * B[k, j]
# CHECK-NEXT: else:
# CHECK-NEXT: C[i, j] = C[i, j] + A[i, k] * B[k, j]

# Three reduction loops, reordered among themselves by the schedule (the
# first update is still the one with c, ry and rx at 0).
def conv(inp: float32[6, 10, 10], w: float32[4, 6, 3, 3]):
    out = output_tensor((4, 8, 8), 'float32')
    for k in range(4):
        for y in range(8):
            for x in range(8):
                out[k, y, x] = 0.5
    for k in range(4):
        for y in range(8):
            for x in range(8):
                for c in range(6):
                    for ry in range(3):
                        for rx in range(3):
                            out[k, y, x] += inp[c, y + ry, x + rx] * w[k, c, ry, rx]
    return out
# CHECK-LABEL: def conv(
# CHECK: if c == 0 and ry == 0 and rx == 0:
# CHECK-NEXT: out[k, y, x] = 0.5 + inp[c, y + ry, x + rx] * w[k, c, ry, rx]

# Tiles of 8 rows split again by 3 (imperfect: `io * 3 + ii < 8` guards the
# tail), k moved between them: the guard bounds the row inside its tile, so
# each element is still updated first at k = 0 (the reorder is accepted).
def tiles(A: float32[16, 12], B: float32[12, 16]):
    C = output_tensor((16, 16), 'float32')
    for i in range(16):
        for j in range(16):
            C[i, j] = 0.0
    for i in range(16):
        for j in range(16):
            for k in range(12):
                C[i, j] += A[i, k] * B[k, j]
    return C

# max from a constant start; integer, exact.
def colmax(a: int32[37, 20]):
    r = output_tensor((20,), 'int32')
    for j in range(20):
        r[j] = -5
    for i in range(37):
        for j in range(20):
            r[j] = max(r[j], a[i, j])
    return r
