# blur as Halide's anchor schedule computes it (../shared/bench/halide_gen.cpp,
# mode 1): the first stage is computed per full-width strip of 64 output rows
# into a 66 x 4096 buffer (1 MiB, in L2), then the second stage reads it.
def blur(inp: float32[4098, 4098]):
    out = output_tensor((4096, 4096), 'float32')
    third = 0.333333333
    for ty in range(64):
        bx = allocate((66, 4096), 'float32')
        for by in range(66):
            for bxx in range(4096):
                bx[by, bxx] = (inp[ty * 64 + by, bxx] + inp[ty * 64 + by, bxx + 1] + inp[ty * 64 + by, bxx + 2]) * third
        for oy in range(64):
            for ox in range(4096):
                out[ty * 64 + oy, ox] = (bx[oy, ox] + bx[oy + 1, ox] + bx[oy + 2, ox]) * third
    return out
