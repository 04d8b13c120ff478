# Outer product of two vectors: the first example of TVM's hybrid-script
# language reference, with the parameter types written as annotations.
import tvm
from tvm.te.hybrid import script


@script
def outer_product(a: float32[100], b: float32[99]):
    c = output_tensor((100, 99), 'float32')
    for i in range(a.shape[0]):
        for j in range(b.shape[0]):
            c[i, j] = a[i] * b[j]
    return c
