# Parallel and vectorized loops that the index analysis of
# CheckLegality.cpp cannot separate and the exact test on integer sets
# (ExactDependence.cpp, isl) proves independent, using the loop bounds:
# accepted, and the results match numpy on x86-64 (-O0, -O3), AArch64 and
# in `hybridc run`.
# RUN: %e2e %s --schedule %S/Inputs/exact_parallel.json --ref %S/exact_parallel.py --function halves --workdir %t/halves
# RUN: %e2e %s --schedule %S/Inputs/exact_parallel.json --ref %S/exact_parallel.py --function halves --workdir %t/halves0 -- -O0
# RUN: %e2e %s --schedule %S/Inputs/exact_parallel.json --ref %S/exact_parallel.py --function halves --target aarch64 --workdir %t/halves.a64
# RUN: %e2e %s --schedule %S/Inputs/exact_parallel.json --ref %S/exact_parallel.py --function tri --workdir %t/tri
# RUN: %e2e %s --schedule %S/Inputs/exact_parallel.json --ref %S/exact_parallel.py --function tri --target aarch64 --workdir %t/tri.a64
# RUN: %hybridc %s -s %S/Inputs/exact_parallel.json --emit-lowered=- | FileCheck %s

# b[i + n] is written and b[i] read: for i < n they never meet, whatever n.
def halves(n: int32, a: float32[40]):
    b = output_tensor((80,), 'float32')
    for i in range(80):
        b[i] = a[i % 40]
    for i in range(n):
        b[i + n] = b[i] * 2.0 + 1.0
    return b
# CHECK-LABEL: def halves(
# CHECK: for i.outer in 0..(n + 7) // 8 parallel:

# The strict lower triangle reads its mirror in the upper one: row i writes
# c[i, j] (j < i) and reads c[j, i], which no row writes.
def tri(n: int32, a: float32[n, n]):
    c = output_tensor((n, n), 'float32')
    for i in range(n):
        for j in range(n):
            c[i, j] = a[i, j]
    for i in range(n):
        for j in range(i):
            c[i, j] = c[j, i] - c[i, j]
    return c
# CHECK-LABEL: def tri(
# CHECK: for i in 0..n parallel:
# CHECK-NEXT: for j in 0..i serial:
