# A separable 3x3 box blur: a horizontal pass into an `allocate`d
# intermediate buffer, then a vertical pass into the output. The input has a
# one-pixel border on each side, so the 64x64 output needs a 66x66 input.
import tvm


@tvm.te.hybrid.script
def blur(inp: float32[66, 66]):
    """3x3 box blur of the interior of `inp`."""
    bx = allocate((66, 64), 'float32')
    for i in range(66):
        for j in range(64):
            bx[i, j] = (inp[i, j] + inp[i, j + 1] + inp[i, j + 2]) / 3.0
    out = output_tensor((64, 64), 'float32')
    for y in range(64):
        for x in range(64):
            out[y, x] = (bx[y, x] + bx[y + 1, x] + bx[y + 2, x]) / 3.0
    return out
