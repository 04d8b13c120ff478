# Vectorized reductions: `s = s + e`, `m = max(m, e)`, `c[i] += e` and a
# constant update `n = n + 1` under vectorized loops become horizontal vector
# reductions (float sums reassociated, so compared with a tolerance).
# RUN: %e2e %s --schedule %S/Inputs/vector_reduction.json --ref %S/vector_reduction.py --function rowstats --workdir %t
# RUN: %e2e %s --schedule %S/Inputs/vector_reduction.json --ref %S/vector_reduction.py --function rowstats --target aarch64 --workdir %t.a64
# RUN: %hybridc %s -s %S/Inputs/vector_reduction.json --function rowstats --print-after=vectorize-loops -o %t.o 2>&1 | FileCheck %s
# CHECK: s = s + reduce_add(
# CHECK: m = max(m, reduce_max(
# CHECK: c[i] = c[i] + reduce_add(
def rowstats(a: float32[16, 64], b: int32[16, 64]):
    sums = output_tensor((16,), 'float32')
    maxs = output_tensor((16,), 'float32')
    c = output_tensor((16,), 'int32')
    cnt = output_tensor((16,), 'int32')
    for i in range(16):
        s = 0.0
        m = a[i, 0]
        n = 0
        c[i] = 0
        for j in range(64):
            s = s + a[i, j] * 2.0
            m = max(m, a[i, j])
            c[i] += b[i, j]
            n = n + 1
        sums[i] = s
        maxs[i] = m
        cnt[i] = n
    return sums, maxs, c, cnt
