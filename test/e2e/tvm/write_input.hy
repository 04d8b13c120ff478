# TVM-style kernels: a def that writes into an input tensor (TVM's
# test_func_call does); the header declares that parameter non-const, and
# an inlined callee that writes its parameter writes the caller's input.
# RUN: %e2e %s --ref %S/write_input.py --function write_input --workdir %t
# RUN: %e2e %s --ref %S/write_input.py --function write_input --target aarch64 --workdir %t.a64
# RUN: %hybridc %s --function write_input --emit-header=- -o %t.o | FileCheck %s
# CHECK: int32_t write_input(int32_t *a, const int32_t *b, int32_t *out);
def bump(x: int32[8], k: int32):
    y = output_tensor((8,), 'int32')
    for i in range(8):
        x[i] = x[i] + k
        y[i] = x[i] * 2
    return y

def write_input(a: int32[8], b: int32[8]):
    out = output_tensor((8,), 'int32')
    t = bump(a, 3)
    for i in range(8):
        a[i] = a[i] - b[i]
        out[i] = a[i] + t[i]
    return out
