# Nested parallel loops (the inner one runs serially in whichever thread
# runs the outer iteration) under a serial loop whose variable the bodies
# use, and a parallel loop over a 2-D output with a let value outside.
# RUN: %e2e %s --ref %S/parallel_nested.py --function nest --workdir %t
# RUN: env HYBRIDC_NUM_THREADS=3 %e2e %s --ref %S/parallel_nested.py --function nest --workdir %t.3
# RUN: %e2e %s --ref %S/parallel_nested.py --function nest --target aarch64 --workdir %t.a64
def nest(n: int32, a: float32[n, 16]):
    o = output_tensor((3, n, 16), 'float32')
    s = output_tensor((n,), 'float32')
    for t in range(3):
        for i in parallel(n):
            for j in parallel(16):
                o[t, i, j] = a[i, j] * float32(t + 1) + float32(i - j)
    half = n // 2
    for i in parallel(n):
        acc = 0.0
        for j in parallel(16):
            o[0, i, j] = o[0, i, j] + float32(half)
        for j in range(16):
            acc += o[2, i, j]
        s[i] = acc
    return o, s
