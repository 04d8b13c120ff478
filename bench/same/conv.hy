# conv as Halide's anchor schedule computes it: one update nest, 8-lane
# vectors along x (56 = 7 x 8), a tile of 8 output channels x 3 rows (AVX-512;
# 4 x 3 on AVX2) held in registers across (c, ry, rx). 56 rows are not a
# multiple of 3: hybridc runs the last 2 rows as a separate, unpromoted tail
# (Halide shifts the last tile inwards instead).
def conv(inp: float32[64, 58, 58], w: float32[64, 64, 3, 3]):
    out = output_tensor((64, 56, 56), 'float32')
    for k in range(64):
        for y in range(56):
            for x in range(56):
                out[k, y, x] = 0.0
    for k in range(64):
        for y in range(56):
            for x in range(56):
                for c in range(64):
                    for ry in range(3):
                        for rx in range(3):
                            out[k, y, x] += inp[c, y + ry, x + rx] * w[k, c, ry, rx]
    return out
