# A second object for the stress test: its runtime copy and the first
# object's must share one pool.
def shift(n: int32, a: float32[n]):
    o = output_tensor((n,), 'float32')
    for i in parallel(n):
        o[i] = a[i] - 3.0
    return o
