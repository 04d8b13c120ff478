# blur: 3x3 separable box blur, two stages, valid region (kernels.h):
#   bx[y, x]  = (in[y, x] + in[y, x+1] + in[y, x+2]) / 3
#   out[y, x] = (bx[y, x] + bx[y+1, x] + bx[y+2, x]) / 3
# The first stage is inlined into the second (Halide's compute_inline):
# with rows unrolled by the schedule, the row sums shared by neighbouring
# output rows are computed once (LLVM CSE), and the image streams through
# once, row by row, with no intermediate buffer. (same/blur.hy computes
# the first stage per strip into a buffer, as Halide's anchor schedule
# does: measured 2-2.5x slower here.) Division by 3 is written as a
# multiplication by the float nearest 1/3 (what Halide makes of `/ 3.0f`).
def blur(inp: float32[4098, 4098]):
    out = output_tensor((4096, 4096), 'float32')
    third = 0.333333333
    for y in range(4096):
        for x in range(4096):
            out[y, x] = ((inp[y, x] + inp[y, x + 1] + inp[y, x + 2]) * third
                         + (inp[y + 1, x] + inp[y + 1, x + 1] + inp[y + 1, x + 2]) * third
                         + (inp[y + 2, x] + inp[y + 2, x + 1] + inp[y + 2, x + 2]) * third) * third
    return out
