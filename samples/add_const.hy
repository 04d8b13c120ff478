# A constant array argument (TVM's tvm.container.Array), from the language
# reference: `b` has no annotation; the schedule's "args" binds it to a
# compile-time constant, and const_range unrolls the loop that reads it.
@script
def add_const(a: float32[4], b):
    c = output_tensor(a.shape, a.dtype)
    for i in const_range(len(a)):
        c[i] = a[i] + b[i]
    return c
