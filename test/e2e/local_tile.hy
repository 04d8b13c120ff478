# A register tile kept in a small allocate(..., 'local') buffer, allocated
# inside the jo loop: unrolled and vectorized in all three nests, the tile
# lives in registers across k but never across the loop that allocates it.
# RUN: %e2e %s --schedule %S/Inputs/local_tile.json --ref %S/local_tile.py --function mml --workdir %t
# RUN: %e2e %s --schedule %S/Inputs/local_tile.json --ref %S/local_tile.py --function mml --target aarch64 --workdir %t.a64
# RUN: %e2e %s --ref %S/local_tile_small.py --function small_unrolled --workdir %t.small
def mml(a: float32[16, 8], b: float32[8, 32]):
    c = output_tensor((16, 32), 'float32')
    for io in range(4):
        for jo in range(2):
            acc = allocate((4, 16), 'float32', 'local')
            for ii in range(4):
                for ji in range(16):
                    acc[ii, ji] = 0.0
            for k in range(8):
                for ii in range(4):
                    for ji in range(16):
                        acc[ii, ji] += a[io * 4 + ii, k] * b[k, jo * 16 + ji]
            for ii in range(4):
                for ji in range(16):
                    c[io * 4 + ii, jo * 16 + ji] = acc[ii, ji]
    return c


def small_unrolled(a: float32[16, 8], b: float32[8, 32]):
    o = output_tensor((16,), 'float32')
    for i in range(16):
        small = allocate((4,), 'float32', 'local')
        for k in unroll(4):
            small[k] = a[i, k] * float32(k)
        o[i] = small[0] + small[3]
    return o
