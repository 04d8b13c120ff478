# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# A tuple parameter holds tensors of one type, and is used through its
# elements, len() or an element's shape.
def mixed(xs: (float32[4], float32[5])):
    out = output_tensor((4,), 'float32')
    for i in range(4):
        out[i] = 0.0
    return out

def bare(xs: (float32[4], float32[4])):
    out = output_tensor((4,), 'float32')
    for i in range(4):
        out[i] = xs[2][i]
    y = xs
    return out
# CHECK: fail_tuple_param.hy:[[@LINE-12]]:15: error: tuple parameter 'xs': its tensors must all have one type, written as (float32[n], float32[n], ...) [TensorTupleParam]
# CHECK: fail_tuple_param.hy:[[@LINE-4]]:21: error: tuple parameter 'xs': it has 2 tensors [TensorTupleParam]
# CHECK: fail_tuple_param.hy:[[@LINE-4]]:9: error: tuple parameter 'xs': use it as xs[k][...], len(xs) or xs[k].shape [TensorTupleParam]
# CHECK: 3 errors generated.
