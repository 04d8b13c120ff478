# TVM-style kernels: a tuple of tensors as one parameter (TVM's
# test_array_inputs, relay's concatenate). In C each tensor is its own
# pointer (xs_0, xs_1, ...); len(xs), xs[k][...] with k a const_range
# variable (folded) or any int expression, and xs[k].shape work.
# RUN: %e2e %s --ref %S/tuple_params.py --function sum_array --workdir %t
# RUN: %e2e %s --ref %S/tuple_params.py --function sum_array --target aarch64 --workdir %t.a64
# RUN: %e2e %s --ref %S/tuple_params.py --function concat --workdir %t.c
# RUN: %e2e %s --ref %S/tuple_params.py --function concat --target aarch64 --workdir %t.c64
# RUN: %hybridc %s --emit-header=- -o %t.o | FileCheck %s
# CHECK: int32_t sum_array(const float *xs_0, const float *xs_1, const float *xs_2, float *out);
# CHECK: int32_t concat(const float *xs_0, const float *xs_1, int32_t m, float *out);
def sum_array(xs: (float32[10], float32[10], float32[10])):
    out = output_tensor((10,), xs[0].dtype)
    n = len(xs)
    for i in range(10):
        out[i] = 0.0
        for j in const_range(n):
            out[i] += xs[j][i]
    return out

def concat(xs: (float32[m, 4], float32[m, 4]), m: int32):
    out = output_tensor((2 * m, 4), 'float32')
    for k in range(len(xs)):
        for r in range(xs[k].shape[0]):
            for c in range(4):
                out[k * m + r, c] = xs[k, r, c]
    return out
