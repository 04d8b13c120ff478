# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# min/max take exactly two arguments.
def f(a: float32[8]):
    b = output_tensor((1,), 'float32')
    b[0] = max(a[0], a[1], a[2])
    return b
# CHECK: fail_min_max_arity.hy:[[@LINE-2]]:12: error: 'max' takes exactly 2 arguments, 3 given [MinMaxArity]
# CHECK: 1 error generated.
