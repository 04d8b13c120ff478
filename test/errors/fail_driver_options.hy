# RUN: not %hybridc %s --print-after=bogus --mcpu=bogus --emit-lowered=- 2>&1 | FileCheck %s
# Options that name things are checked before any work, even when only a
# listing is asked for, and name what is valid.
def f(a: float32[8]):
    b = output_tensor((8,), 'float32')
    for i in range(8):
        b[i] = a[i]
    return b
# CHECK: {{^}}hybridc: error: invalid option --print-after=bogus: the passes are ast-to-ir, simplify, fold-init, apply-schedule, factor-reductions, finalize-guards, check-legality, vector-tails, unswitch-loops, unroll-loops, vectorize-loops, promote-accumulators, final-simplify, split-host-device, flatten-storage, lower-parallel [BadOption]
# CHECK: {{^}}hybridc: error: unknown CPU 'bogus' for target {{.*}} (llc-19 -mtriple={{.*}} -mcpu=help lists the valid ones) [UnknownCpu]
# CHECK: 2 errors generated.
