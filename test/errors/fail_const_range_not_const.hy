# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# const_range is unrolled at compile time: its bounds must be constants.
def f(n: int32, a: float32[n]):
    b = output_tensor((n,), 'float32')
    for i in const_range(n):
        b[i] = a[i]
    return b
# CHECK: fail_const_range_not_const.hy:[[@LINE-3]]:26: error: const_range needs compile-time constant bounds [ConstRangeNotConst]
# CHECK: 1 error generated.
