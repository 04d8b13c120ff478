# Kernels for the stress test (stress.c): every shape of parallel loop the
# pool must serve concurrently.
def saxpy(n: int32, a: float32[n], b: float32[n], s: float32):
    o = output_tensor((n,), 'float32')
    for i in parallel(n):
        o[i] = a[i] * s + b[i]
    return o

def rowsum(n: int32, m: int32, a: float32[n, m]):
    r = output_tensor((n,), 'float32')
    for i in parallel(n):
        acc = 0.0
        t = allocate((m,), 'float32')
        for j in range(m):
            t[j] = a[i, j] * 2.0
        for j in range(m):
            acc += t[j]
        r[i] = acc
    return r

def nested(n: int32, m: int32, a: float32[n, m]):
    o = output_tensor((n, m), 'float32')
    for i in parallel(n):
        for j in parallel(m):
            o[i, j] = a[i, j] + float32(i * m + j)
    return o

def guarded(n: int32, limit: int32, a: int32[n]):
    o = output_tensor((n,), 'int32')
    for i in parallel(n):
        assert a[i] < limit, "value over the limit"
        o[i] = a[i] + 1
    return o
