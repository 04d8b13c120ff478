# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# A thread tag used twice needs the same extent.
def f(a: float32[64]):
    b = output_tensor((64,), 'float32')
    for i in bind("threadIdx.x", 64):
        b[i] = a[i]
    for i in bind("threadIdx.x", 32):
        b[i] = 0.0
    return b
# CHECK: fail_bind_extent_mismatch.hy:[[@LINE-3]]:34: error: thread tag 'threadIdx.x' is bound with extent 32 here but 64 elsewhere; thread extents must be uniform [BindExtentMismatch]
# CHECK: fail_bind_extent_mismatch.hy:[[@LINE-6]]:34: note: 'threadIdx.x' is first bound here with extent 64 [NotePrevious]
# CHECK: 1 error generated.
