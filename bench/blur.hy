# blur: 3x3 separable box blur, two stages, valid region (kernels.h):
#   bx[y, x]  = (in[y, x] + in[y, x+1] + in[y, x+2]) / 3
#   out[y, x] = (bx[y, x] + bx[y+1, x] + bx[y+2, x]) / 3
# The first stage is computed per 32x256 output tile into a small buffer
# (34 rows: 2 recomputed per tile) that stays in L1, as Halide's schedule
# computes blur_x per tile. Division by 3 is written as a multiplication by
# the float nearest 1/3 (what Halide makes of `/ 3.0f`); the result is
# within 1 ulp of dividing.
def blur(inp: float32[4098, 4098]):
    out = output_tensor((4096, 4096), 'float32')
    third = 0.333333333
    for ty in range(128):
        for tx in range(16):
            bx = allocate((34, 256), 'float32')
            for by in range(34):
                for bxx in range(256):
                    bx[by, bxx] = (inp[ty * 32 + by, tx * 256 + bxx] + inp[ty * 32 + by, tx * 256 + bxx + 1]
                                   + inp[ty * 32 + by, tx * 256 + bxx + 2]) * third
            for oy in range(32):
                for ox in range(256):
                    out[ty * 32 + oy, tx * 256 + ox] = (bx[oy, ox] + bx[oy + 1, ox] + bx[oy + 2, ox]) * third
    return out
