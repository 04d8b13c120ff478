# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# A return inside an if is fine when every path returns the same tensors.
def two(a: int32[4]):
    x = output_tensor((4,), 'int32')
    y = output_tensor((4,), 'int32')
    for i in range(4):
        x[i] = a[i]
        y[i] = -a[i]
    if a[0] > 0:
        return x
    return y
# CHECK: fail_returns_differ.hy:[[@LINE-1]]:5: error: every 'return' of a def must name the same tensors; the first returns 'x' [ReturnsDiffer]
# CHECK: fail_returns_differ.hy:[[@LINE-3]]:9: note: the first return [NotePrevious]
# CHECK: 1 error generated.
