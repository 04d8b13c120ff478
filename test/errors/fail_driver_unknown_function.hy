# RUN: not %hybridc %s --function g --emit-lowered=- 2>&1 | FileCheck %s
def f(a: float32[8]):
    b = output_tensor((8,), 'float32')
    for i in range(8):
        b[i] = a[i]
    return b
# CHECK: {{^}}hybridc: error: no def named 'g' in this file [UnknownFunction]
