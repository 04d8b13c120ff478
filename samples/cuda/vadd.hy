# Vector add, written as the plain loop; vadd.json binds it to the GPU the
# way TVM's schedules do: split i by 256, the outer part to blocks, the inner
# part to threads (an imperfect split: the last block's extra threads are
# guarded off).
def vadd(n: int32, a: float32[n], b: float32[n]):
    c = output_tensor((n,), 'float32')
    for i in range(n):
        c[i] = a[i] + b[i]
    return c
