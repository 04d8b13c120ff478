# Reductions whose update the simplifier reassociated (`acc + a[j] + 1`
# is `acc += a[j] + 1`) are still reductions: vectorized with horizontal
# sums, scalar and buffer accumulators, -O0/-O3, x86-64 and AArch64.
# RUN: %e2e %s --schedule %S/Inputs/reduction_chains.json --ref %S/reduction_chains.py --function ra --workdir %t -- -O0
# RUN: %e2e %s --schedule %S/Inputs/reduction_chains.json --ref %S/reduction_chains.py --function ra --workdir %t3 -- -O3
# RUN: %e2e %s --schedule %S/Inputs/reduction_chains.json --ref %S/reduction_chains.py --function ra --target aarch64 --workdir %t.a64
def ra(a: int32[16]):
    out = output_tensor((3,), 'int32')
    out[1] = 0
    for j in range(16):
        out[1] = out[1] + (a[j] + 1)
    out[2] = 0
    for l in range(16):
        out[2] += a[l] * 2 + 1
    out[0] = 0
    s = 0
    for i in range(16):
        s = s + (a[i] + 3)
    out[0] = s
    return out
