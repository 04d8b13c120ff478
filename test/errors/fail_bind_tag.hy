# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# bind() takes a thread tag string.
def f(a: float32[64]):
    b = output_tensor((64,), 'float32')
    for i in bind("threadIdx.w", 64):
        b[i] = a[i]
    for i in bind(0, 64):
        b[i] = a[i]
    return b
# CHECK: fail_bind_tag.hy:[[@LINE-5]]:19: error: bind needs a thread tag string (threadIdx.x/y/z, blockIdx.x/y/z or vthread), got 'threadIdx.w' [BindTag]
# CHECK: fail_bind_tag.hy:[[@LINE-4]]:19: error: bind needs a thread tag string (threadIdx.x/y/z, blockIdx.x/y/z or vthread), got int32 [BindTag]
# CHECK: 2 errors generated.
