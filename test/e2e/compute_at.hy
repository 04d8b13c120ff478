# compute_at (docs/schedules.md "compute_at"): a producer nest computed per
# iteration of a consumer's loop, for the box of its buffer that iteration
# reads (Halide's compute_at, TVM's compute_at): per strip of rows, per
# tile, with imperfect splits and symbolic extents (the box guarded by the
# producer's bounds), a producer that starts at 1, and a buffer also read
# outside the loop (its producer nest stays). Against numpy on x86-64 (-O0,
# -O3), AArch64 and in `hybridc run`.
# RUN: %e2e %s --schedule %S/Inputs/compute_at.json --ref %S/compute_at.py --function strips --workdir %t/strips
# RUN: %e2e %s --schedule %S/Inputs/compute_at.json --ref %S/compute_at.py --function strips --workdir %t/strips0 -- -O0
# RUN: %e2e %s --schedule %S/Inputs/compute_at.json --ref %S/compute_at.py --function strips --target aarch64 --workdir %t/strips.a64
# RUN: %e2e %s --schedule %S/Inputs/compute_at.json --ref %S/compute_at.py --function tiles --workdir %t/tiles
# RUN: %e2e %s --schedule %S/Inputs/compute_at.json --ref %S/compute_at.py --function tiles --target aarch64 --workdir %t/tiles.a64
# RUN: %e2e %s --schedule %S/Inputs/compute_at.json --ref %S/compute_at.py --function diffs --workdir %t/diffs
# RUN: %e2e %s --schedule %S/Inputs/compute_at.json --ref %S/compute_at.py --function diffs --target aarch64 --workdir %t/diffs.a64
# RUN: %e2e %s --schedule %S/Inputs/compute_at.json --ref %S/compute_at.py --function shared --workdir %t/shared
# RUN: %e2e %s --schedule %S/Inputs/compute_at.json --ref %S/compute_at.py --function shared --target aarch64 --workdir %t/shared.a64
# RUN: %hybridc %s -s %S/Inputs/compute_at.json --emit-lowered=- | FileCheck %s

# A separable blur with symbolic sizes, the first stage per strip of 5
# output rows (7 rows of bx each; the last strip is partial).
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
# CHECK: for y.outer in 0..(n - 2 + 4) // 5 parallel:
# CHECK-NEXT: allocate bx.tile: float32[7, m - 2]
# CHECK-NEXT: for bx.tile.d0 in 0..7 serial:
# CHECK-NEXT: for bx.tile.d1 in 0..(m - 2) serial:
# CHECK-NEXT: if y.outer * 5 + bx.tile.d0 < n:
# CHECK-NEXT: bx.tile[bx.tile.d0, bx.tile.d1] = inp[y.outer * 5 + bx.tile.d0, bx.tile.d1] +

# The same two stages in 4 x 8 tiles, the first computed per tile (6 x 8),
# with both splits imperfect (constant sizes).
def tiles(inp: float32[23, 30]):
    out = output_tensor((21, 28), 'float32')
    bx = allocate((23, 28), 'float32')
    for y in range(23):
        for x in range(28):
            bx[y, x] = inp[y, x] * inp[y, x + 2] - inp[y, x + 1]
    for y in range(21):
        for x in range(28):
            out[y, x] = bx[y, x] + bx[y + 1, x] + bx[y + 2, x]
    return out
# CHECK-LABEL: def tiles(
# CHECK: allocate t: float32[6, 8]
# The full tiles' copy tests only the rows (the vector-tails pass folds the
# column test, always true there); the peeled last column tile tests both.
# CHECK: for t.d1 in 0..8 vectorized:
# CHECK-NEXT: if y.outer * 4 + t.d0 < 23:
# CHECK: if y.outer * 4 + t.d0 < 23 and 24 + t.d1 < 28:

# A producer that starts at 1 (d[0] is never computed nor read): the box
# starts at 1 too, so only its end needs a guard.
def diffs(n: int32, a: float32[n]):
    out = output_tensor((n,), 'float32')
    d = allocate((n,), 'float32')
    for i in range(1, n):
        d[i] = a[i] - a[i - 1]
    out[0] = a[0]
    for i in range(1, n):
        out[i] = d[i] * d[i]
    return out
# CHECK-LABEL: def diffs(
# CHECK: allocate d.tile: float32[4]
# CHECK: if i.outer * 4 + 1 + d.tile.d0 < 1 + n - 1:

# bx is read by two nests; computed per strip in the first, the producer
# nest stays for the second.
def shared(inp: float32[12, 10]):
    out = output_tensor((12, 8), 'float32')
    out2 = output_tensor((8,), 'float32')
    bx = allocate((12, 8), 'float32')
    for y in range(12):
        for x in range(8):
            bx[y, x] = inp[y, x] + inp[y, x + 2]
    for y in range(12):
        for x in range(8):
            out[y, x] = bx[y, x] * 3.0
    for x in range(8):
        out2[x] = bx[11, x]
    return out, out2
# CHECK-LABEL: def shared(
# CHECK: bx[y, x] = inp[y, x] + inp[y, x + 2]
