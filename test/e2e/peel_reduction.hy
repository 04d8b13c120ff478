# Reductions that start from their first term (`if k == 0: c = ... else:
# c += ...`, no zeroing pass): the peeled first iteration and the register
# tile after it give numpy's results, scheduled and not, on x86-64 and
# AArch64. Outputs start as garbage, so a lost first iteration shows.
# RUN: %e2e %s --ref %S/peel_reduction.py --function mm --workdir %t.mm0
# RUN: %e2e %s --schedule %S/Inputs/peel_reduction.json --ref %S/peel_reduction.py --function mm --workdir %t.mm
# RUN: %e2e %s --schedule %S/Inputs/peel_reduction.json --ref %S/peel_reduction.py --function mm --target aarch64 --workdir %t.mm64
# RUN: %e2e %s --ref %S/peel_reduction_conv.py --function conv --workdir %t.cv0
# RUN: %e2e %s --schedule %S/Inputs/peel_reduction.json --ref %S/peel_reduction_conv.py --function conv --workdir %t.cv
# RUN: %e2e %s --schedule %S/Inputs/peel_reduction.json --ref %S/peel_reduction_conv.py --function conv --target aarch64 --workdir %t.cv64
def mm(a: float32[20, 24], b: float32[24, 32]):
    c = output_tensor((20, 32), 'float32')
    for i in range(20):
        for k in range(24):
            for j in range(32):
                if k == 0:
                    c[i, j] = a[i, k] * b[k, j]
                else:
                    c[i, j] += a[i, k] * b[k, j]
    return c

def conv(x: float32[3, 10, 10], w: float32[4, 3, 3, 3]):
    o = output_tensor((4, 8, 8), 'float32')
    for k in range(4):
        for y in range(8):
            for xx in range(8):
                for c in range(3):
                    for ry in range(3):
                        for rx in range(3):
                            if c == 0 and ry == 0 and rx == 0:
                                o[k, y, xx] = x[c, y + ry, xx + rx] * w[k, c, ry, rx]
                            else:
                                o[k, y, xx] += x[c, y + ry, xx + rx] * w[k, c, ry, rx]
    return o
