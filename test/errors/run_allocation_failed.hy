# RUN: not %hybridc run %s --arg n=1000000 2>&1 | FileCheck %s
# An allocate too large for the interpreter (over 64 GiB) is an error at
# the allocate, not a crash.
def big(n: int32):
    b = output_tensor((1,), 'float32')
    t = allocate((n, n), 'float32')
    t[0, 0] = 1.0
    b[0] = t[0, 0]
    return b
# CHECK: run_allocation_failed.hy:[[@LINE-4]]:5: error: cannot allocate 't' with shape [1000000, 1000000]: more than 64 GiB [RunAllocationFailed]
# CHECK-NEXT: {{^}} t = allocate((n, n), 'float32')
# CHECK-NEXT: {{^}} ^
# CHECK: 1 error generated.
