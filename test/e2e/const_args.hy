# const_range over a compile-time array argument ("const" in the schedule's
# args), compile-time ifs on the const_range variable, grid loops, and a
# compile-time constant from a shape.
# RUN: %e2e %s --schedule %S/Inputs/const_args.json --ref %S/const_args.py --function weights --workdir %t
# RUN: %e2e %s --schedule %S/Inputs/const_args.json --ref %S/const_args.py --function weights --target aarch64 --workdir %t.a64
def weights(a: float32[8, 4], w):
    c = output_tensor((8, 4), 'float32')
    n = a.shape[1]
    for i, j in grid(8, n):
        c[i, j] = 0.0
        for k in const_range(3):
            if k == 1:
                c[i, j] += a[i, j] * float32(w[k]) * 2.0
            else:
                c[i, j] += a[i, j] * float32(w[k])
    return c
