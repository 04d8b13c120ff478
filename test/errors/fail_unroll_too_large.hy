# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# Unrolling is bounded (65,536 copies of a body, nested loops multiply):
# compile time and memory stay bounded on any input.
def big(a: float32[4]):
    o = output_tensor((4,), 'float32')
    for i in range(4):
        o[i] = 0.0
    for k in const_range(1000000):
        o[k % 4] += a[k % 4]
    for k in const_range(300):
        for j in unroll(300):
            o[(k + j) % 4] += a[j % 4]
    return o
# CHECK: fail_unroll_too_large.hy:[[@LINE-6]]:14: error: this const_range() loop of 1000000 iterations, with the loops around it, would copy its body more than 65536 times; use range() (or unroll less) [UnrollTooLarge]
# CHECK: fail_unroll_too_large.hy:[[@LINE-4]]:18: error: this unroll() loop of 300 iterations, with the loops around it, would copy its body more than 65536 times; use range() (or unroll less) [UnrollTooLarge]
# CHECK: 2 errors generated.
