# Symbolic shapes from scalar parameters, strided inputs (schedule args).
# RUN: %e2e %s --schedule %S/Inputs/symbolic.json --ref %S/symbolic.py --function rowsum --workdir %t
# RUN: %e2e %s --schedule %S/Inputs/symbolic.json --ref %S/symbolic.py --function rowsum --target aarch64 --workdir %t.a64
def rowsum(n: int32, m: int32, a: float32[n, m], b):
    s = output_tensor((n,), 'float32')
    for i in range(n):
        acc = 0.0
        for j in range(m):
            acc += a[i, j] * b[j, i]
        s[i] = acc
    return s
