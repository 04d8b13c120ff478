# blur with Halide's anchor schedule (../shared/bench/halide_gen.cpp, mode
# 1): the plain two-stage algorithm of bench/blur.hy; the schedule computes
# the first stage per full-width strip of 64 output rows (compute_at: a
# 66 x 4096 tile, 1 MiB, in L2), then the second stage reads it.
def blur(inp: float32[4098, 4098]):
    out = output_tensor((4096, 4096), 'float32')
    bx = allocate((4098, 4096), 'float32')
    for y in range(4098):
        for x in range(4096):
            bx[y, x] = (inp[y, x] + inp[y, x + 1] + inp[y, x + 2]) / 3.0
    for y in range(4096):
        for x in range(4096):
            out[y, x] = (bx[y, x] + bx[y + 1, x] + bx[y + 2, x]) / 3.0
    return out
