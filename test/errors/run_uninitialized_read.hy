# RUN: not %hybridc run %s --arg a=ones --strict 2>&1 | FileCheck %s
# RUN: %hybridc run %s --arg a=ones | FileCheck %s --check-prefix=LAX
# s[i] += ... reads s[i] before anything wrote it: outputs are not zeroed in
# compiled code. --strict reports it; without it outputs start at zero.
def row_sums(a: float32[4, 3]):
    s = output_tensor((4,), 'float32')
    for i in range(4):
        for j in range(3):
            s[i] += a[i, j]
    return s
# LAX: s: float32[4]  min 3  max 3  mean 3
# LAX-NEXT: values: 3 3 3 3
# CHECK: run_uninitialized_read.hy:[[@LINE-4]]:13: error: read of 's'[0] before anything was written there (--strict) [RunUninitializedRead]
# CHECK-NEXT: {{^}} s[i] += a[i, j]
# CHECK-NEXT: {{^}} ^
# CHECK: 1 error generated.
