# TVM's test_schedule (tests/python/unittest/test_hybrid_script.py): split i
# by 4, parallel i.inner, split j twice, vectorize j.inner, reorder with
# i.inner outermost. i = i.outer * 4 + i.inner with i.inner < 4: different
# i.inner never write the same row, so the parallel loop is legal (it was
# refused before the legality check knew the bounds). Constant and symbolic
# sizes (66 and 13: imperfect splits), x86-64, AArch64, -O0.
# RUN: %e2e %s --schedule %S/test_schedule.json --ref %S/test_schedule.py --function outer_product --workdir %t
# RUN: %e2e %s --schedule %S/test_schedule.json --ref %S/test_schedule.py --function outer_product --target aarch64 --workdir %t.a64
# RUN: %e2e %s --schedule %S/test_schedule.json --ref %S/test_schedule.py --function outer_product_n --workdir %t.n
# RUN: %e2e %s --schedule %S/test_schedule.json --ref %S/test_schedule.py --function outer_product_n --target aarch64 --workdir %t.n64
# RUN: %e2e %s --schedule %S/test_schedule.json --ref %S/test_schedule.py --function outer_product_n --workdir %t.n0 -- -O0
def outer_product(a: float32[64], b: float32[64]):
    c = output_tensor((64, 64), 'float32')
    for i in range(64):
        for j in range(64):
            c[i, j] = a[i] * b[j]
    return c

def outer_product_n(n: int32, m: int32, a: float32[n], b: float32[m]):
    c = output_tensor((n, m), 'float32')
    for i in range(n):
        for j in range(m):
            c[i, j] = a[i] * b[j]
    return c
