# TVM-style kernels: chained indexing a[i][j] (numpy's a[i, j]; relay's
# pad writes pad_width[i][0]) on const arrays, inputs and outputs, and an
# empty const array (relay passes empty tuples: len(axes) is 0 and a
# const_range over it does nothing).
# RUN: %e2e %s --schedule %S/const_arrays.json --ref %S/const_arrays.py --function padded --workdir %t
# RUN: %e2e %s --schedule %S/const_arrays.json --ref %S/const_arrays.py --function padded --target aarch64 --workdir %t.a64
# RUN: %e2e %s --schedule %S/const_arrays.json --ref %S/const_arrays.py --function reduce_axes --workdir %t.r
# RUN: %e2e %s --schedule %S/const_arrays.json --ref %S/const_arrays.py --function reduce_axes --target aarch64 --workdir %t.r64
def padded(a: float32[4, 3], p):
    out = output_tensor((4 + p[0][0] + p[0][1], 3), 'float32')
    for i in range(4 + p[0][0] + p[0][1]):
        for j in range(3):
            out[i][j] = 0.0
    for i in range(4):
        for j in range(3):
            out[i + p[0][0]][j] = a[i][j] + float32(p[1][1])
    return out

def reduce_axes(a: float32[4, 3], axes):
    out = output_tensor((len(axes) + 1, 3), 'float32')
    for j in range(3):
        out[0, j] = 0.0
        for i in range(4):
            out[0, j] += a[i, j]
    for k in const_range(len(axes)):
        for j in range(3):
            out[k + 1, j] = a[axes[k], j]
    return out
