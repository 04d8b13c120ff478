# conv: direct 3x3 convolution, NCHW, stride 1, C = K = 64, 56x56 output,
# input pre-padded by the caller (kernels.h):
#   out[k, y, x] = sum_{c, ry, rx} inp[c, y + ry, x + rx] * w[k, c, ry, rx]
# The update is written as two nests, x in [0, 48) and x in [48, 56), so
# that a schedule can use 16-lane vectors on the first (56 is not a
# multiple of 16) and 8 lanes on the second: hybridc's split leaves the
# tail of an imperfect split scalar. Both hold a tile of out in registers
# across (c, ry, rx).
def conv(inp: float32[64, 58, 58], w: float32[64, 64, 3, 3]):
    out = output_tensor((64, 56, 56), 'float32')
    for k in range(64):
        for y in range(56):
            for x in range(56):
                out[k, y, x] = 0.0
    for k in range(64):
        for y in range(56):
            for x in range(48):
                for c in range(64):
                    for ry in range(3):
                        for rx in range(3):
                            out[k, y, x] += inp[c, y + ry, x + rx] * w[k, c, ry, rx]
    for k in range(64):
        for y in range(56):
            for x in range(48, 56):
                for c in range(64):
                    for ry in range(3):
                        for rx in range(3):
                            out[k, y, x] += inp[c, y + ry, x + rx] * w[k, c, ry, rx]
    return out
