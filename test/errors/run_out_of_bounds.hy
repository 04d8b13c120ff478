# RUN: not %hybridc run %s --arg a=ones 2>&1 | FileCheck %s
# hybridc run checks every tensor access against the shape: a[i + 1] reads
# past the end at i = 3 (compiled code would read whatever lies there).
def shift(a: float32[4]):
    b = output_tensor((4,), 'float32')
    for i in range(4):
        b[i] = a[i + 1] * 2.0
    return b
# CHECK: run_out_of_bounds.hy:[[@LINE-2]]:9: error: out-of-bounds read of 'a': index [4] is outside its shape [4] [RunOutOfBounds]
# CHECK-NEXT: {{^}} b[i] = a[i + 1] * 2.0
# CHECK-NEXT: {{^}} ^
# CHECK: 1 error generated.
