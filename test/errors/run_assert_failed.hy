# RUN: not %hybridc run %s --arg a=%S/Inputs/run_negative.npy 2>&1 | FileCheck %s
# A failing assert prints its message at its location and exits 1.
def checked(a: float32[4]):
    b = output_tensor((4,), 'float32')
    for i in range(4):
        assert a[i] >= 0.0, "a must not be negative"
        b[i] = sqrt(a[i])
    return b
# CHECK: run_assert_failed.hy:[[@LINE-3]]:9: error: assertion failed: a must not be negative [RunAssertFailed]
# CHECK-NEXT: {{^}} assert a[i] >= 0.0, "a must not be negative"
# CHECK-NEXT: {{^}} ^
# CHECK: 1 error generated.
