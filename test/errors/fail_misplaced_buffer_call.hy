# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# output_tensor/allocate and calls to defs are assigned directly to names.
def g(a: float32[4]):
    p = output_tensor((4,), 'float32')
    for i in range(4):
        p[i] = a[i]
    return p

def f(a: float32[4]):
    b = output_tensor((4,), 'float32')
    for i in range(4):
        b[i] = g(a)[i] + allocate((4,), 'float32')[0]
    output_tensor((4,), 'float32')
    return b
# CHECK: fail_misplaced_buffer_call.hy:[[@LINE-3]]:16: error: the result of 'g' must be assigned directly to a name, e.g. 'x = g(...)' [MisplacedBufferCall]
# CHECK: fail_misplaced_buffer_call.hy:[[@LINE-4]]:26: error: the result of 'allocate' must be assigned directly to a name, e.g. 'x = allocate(...)' [MisplacedBufferCall]
# CHECK: fail_misplaced_buffer_call.hy:[[@LINE-4]]:5: error: the result of 'output_tensor' must be assigned directly to a name, e.g. 'x = output_tensor(...)' [MisplacedBufferCall]
# CHECK: 3 errors generated.
