# Found by test/fuzz/run_fuzz.py against hybridc before 92a3e87 ("Fix
# miscompiles of scalar-carried and data-dependent indices", issue 9): seeds
# 27, 62, 21, 23 and 67 of the first generator version minimised to these
# three loops (host, -O0 and -O3, unscheduled).
#
# Wrong behaviour then: a store through a scalar counter updated in the same
# loop (`out[k] = ...; k = k + 1`) was treated as loop-invariant and promoted
# out of the loop, so it happened once, after the loop, at the counter's
# final value: out1 was written out of bounds (out1[14]; run.py's guard zones
# report "out-of-bounds write around output out1"), and the kernel with only
# out2 or only out3 crashed the driver (SIGSEGV). Each part fails alone.
#
# Reproduce (from the repository root):
#   /usr/bin/python3 test/e2e/run.py --hybridc build/tools/hybridc/hybridc \
#     --ref test/fuzz/found/counter_store_index.py --function kern \
#     --workdir /tmp/counter_store test/fuzz/found/counter_store_index.hy -- -O0
# RUN: %e2e %s --ref %S/counter_store_index.py --function kern --workdir %t -- -O0
# RUN: %e2e %s --ref %S/counter_store_index.py --function kern --workdir %t3 -- -O3
def kern(a: int32[7], b: int32[6, 8], c: int32[15]):
    # a counter advanced in an inner loop (seed 27)
    out1 = output_tensor((14,), 'int32')
    k1 = 0
    for i in serial(7):
        for j in range(2):
            out1[k1] = a[i]
            k1 = k1 + 1
    # counting down, per row (seed 62)
    out2 = output_tensor((6, 8), 'int32')
    for r in range(6):
        k2 = 7
        for j in serial(8):
            out2[r, k2] = b[r, j]
            k2 -= 1
    # reading the slot stored by the previous iteration (seeds 21, 23)
    out3 = output_tensor((16,), 'int32')
    for z in range(16):
        out3[z] = 0
    k3 = 0
    for i in range(15):
        if c[i] % 3 != 0:
            out3[k3] = ((out3[k3 - 1] if k3 > 0 else 0) + c[i]) % 7
            k3 += 1
    return out1, out2, out3
