# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# An unannotated parameter needs a description in the schedule's "args".
def f(a: float32[4], b):
    o = output_tensor((4,), 'float32')
    for i in range(4):
        o[i] = a[i] + b[i]
    return o
# CHECK: fail_unannotated_param.hy:[[@LINE-5]]:22: error: parameter 'b' has no type; annotate it (e.g. 'b: float32[16]') or describe it in the schedule's "args" [UnannotatedParam]
# CHECK: 1 error generated.
