# blur: 3x3 separable box blur, two stages, valid region (kernels.h):
#   bx[y, x]  = (in[y, x] + in[y, x+1] + in[y, x+2]) / 3
#   out[y, x] = (bx[y, x] + bx[y+1, x] + bx[y+2, x]) / 3
# The plain algorithm: the first stage into a full intermediate buffer,
# then the second stage. The schedules inline the first stage into the
# second (compute_inline, Halide's compute_inline): with four output rows
# unrolled, the row sums shared by neighbouring rows are computed once
# (LLVM CSE) and the image streams through once with no intermediate buffer.
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
