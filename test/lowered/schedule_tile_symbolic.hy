# RUN: %hybridc %s -s %S/Inputs/schedule_tile_symbolic.json --emit-lowered=- | FileCheck %s
# tile of symbolic extents; the fused outer loops run in parallel.
def add_one(n: int32, m: int32, a: float32[n, m]):
    b = output_tensor((n, m), 'float32')
    for i in range(n):
        for j in range(m):
            b[i, j] = a[i, j] + 1.0
    return b
# CHECK-LABEL: def add_one(n: int32, m: int32, a: float32[n, m]) -> (b: float32[n, m]):
# CHECK-NEXT:   for tile in 0..(n + 3) // 4 * max((m + 7) // 8, 0) parallel:
# CHECK-NEXT:     for i.inner in 0..min(4, n - tile // ((m + 7) // 8) * 4) serial:
# CHECK-NEXT:       for j.inner in 0..min(8, m - tile % ((m + 7) // 8) * 8) serial:
# CHECK-NEXT:         b[tile // ((m + 7) // 8) * 4 + i.inner, tile % ((m + 7) // 8) * 8 + j.inner] = a[tile // ((m + 7) // 8) * 4 + i.inner, tile % ((m + 7) // 8) * 8 + j.inner] + 1.0
