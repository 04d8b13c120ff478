# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# The first store to a name declares it; it cannot be an augmented assignment.
def f(a: float32[4]):
    b = output_tensor((1,), 'float32')
    for i in range(4):
        s += a[i]
    b[0] = 0.0
    return b
# CHECK: fail_first_store_augmented.hy:[[@LINE-3]]:9: error: 's' is updated with '+=' before it is declared [FirstStoreAugmented]
# CHECK: 1 error generated.
