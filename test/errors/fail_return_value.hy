# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# Only output_tensor/global allocate buffers are returned, each once.
def f(a: float32[4]):
    b = output_tensor((4,), 'float32')
    t = allocate((4,), 'float32', 'local')
    for i in range(4):
        t[i] = a[i]
        b[i] = t[i]
    return a, t, b, b
# CHECK: fail_return_value.hy:[[@LINE-1]]:12: error: 'return' takes a tensor name or a tuple of tensor names [ReturnValue]
# CHECK: fail_return_value.hy:[[@LINE-8]]:7: note: 'a' is an input; copy it into an output_tensor() to return it [NoteHint]
# CHECK: fail_return_value.hy:[[@LINE-3]]:15: error: 'return' takes a tensor name or a tuple of tensor names [ReturnValue]
# CHECK: fail_return_value.hy:[[@LINE-8]]:5: note: 't' is a 'local' buffer; only output_tensor() and global allocate() buffers can be returned [NoteHint]
# CHECK: fail_return_value.hy:[[@LINE-5]]:21: error: 'return' takes a tensor name or a tuple of tensor names [ReturnValue]
# CHECK: fail_return_value.hy:[[@LINE-6]]:21: note: 'b' is returned twice [NoteHint]
# CHECK: 3 errors generated.
