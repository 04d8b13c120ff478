# conv: direct 3x3 convolution, NCHW, stride 1, C = K = 64, 56x56 output,
# input pre-padded by the caller (kernels.h):
#   out[k, y, x] = sum_{c, ry, rx} inp[c, y + ry, x + rx] * w[k, c, ry, rx]
# The plain algorithm: out set to zero, then the six-deep update nest. The
# schedules (conv_avx512.json / _avx2.json) hold a tile of output channels
# x pixels in registers across (c, ry, rx). AVX-512: rows and columns fused
# (3136 pixels = 196 vectors of 16; a vector that crosses a row reads two
# runs of the padded input), 8 channels x 3 vectors, pixel tiles outermost
# and in parallel (a tile's input rows stay in cache for all 64 channels);
# AVX2: 4 channels x 3 rows x 8 columns (56 = 7 x 8). fold-init makes each
# element start from its first product.
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
