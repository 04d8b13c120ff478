# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# As in Python, positional arguments come first.
def f(a: int32[8]):
    out = output_tensor(dtype='int32', (8,))
    for i in range(8):
        out[i] = a[i]
    return out
# CHECK: fail_positional_after_keyword.hy:[[@LINE-4]]:40: error: a positional argument cannot follow a keyword argument [PositionalAfterKeyword]
# CHECK: 1 error generated.
