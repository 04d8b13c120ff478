# Found by test/fuzz/run_fuzz.py (seed 147, scheduled, host, -O0 and -O3;
# also seeds 368 on the host and 2101 on AArch64) against hybridc 3a36770; fixed by
# 4dffeff ("VectorizeLoops: a buffer reduction whose term does not vary ...").
#
# Wrong result: `vectorize` of a loop whose body is a buffer reduction
# `B[idx] op= e` whose term e does not depend on the loop (a literal, a
# scalar, a load at a fixed index) applies e once per vector instead of once
# per iteration: out[0] gets 1 instead of 16, out[1] 2 instead of 2**8,
# f[0] 0.5 instead of 8.0. With `split i by 4` + `vectorize i.inner`, out[0]
# gets 4. The same reduction into a scalar (`s += 2`) and a term that varies
# with the loop (`out[k] += a[i]`) are correct. Both -O levels fail, so the
# bug is in hybridc's VectorizeLoops, not in LLVM.
# (The fix's words: the reduction "counted one lane".)
#
# Reproduce (from the repository root):
#   /usr/bin/python3 test/e2e/run.py --hybridc build/tools/hybridc/hybridc \
#     --ref test/fuzz/found/vectorize_invariant_buffer_reduction.py --function kern \
#     --schedule test/fuzz/found/vectorize_invariant_buffer_reduction.json \
#     --workdir /tmp/vec_inv test/fuzz/found/vectorize_invariant_buffer_reduction.hy -- -O0
# Before the fix: output 'out' differs from the reference ... got 1, want 16.
# RUN: %e2e %s --ref %S/vectorize_invariant_buffer_reduction.py --function kern --schedule %S/vectorize_invariant_buffer_reduction.json --workdir %t -- -O0
# RUN: %e2e %s --ref %S/vectorize_invariant_buffer_reduction.py --function kern --schedule %S/vectorize_invariant_buffer_reduction.json --workdir %t3 -- -O3
def kern(a: int32[16], c: int32):
    out = output_tensor((3,), 'int32')
    f = output_tensor((1,), 'float32')
    out[0] = 0
    for i in range(16):
        out[0] += 1
    out[1] = 1
    for j in range(8):
        out[1] = out[1] * 2
    out[2] = 0
    for l in range(16):
        out[2] += c
    f[0] = 0.0
    for q in range(16):
        f[0] += 0.5
    return out, f
