# RUN: %hybridc %s -s %S/Inputs/schedule_split_symbolic.json --emit-lowered=- | FileCheck %s
# An imperfect split of a symbolic extent.
def scale(n: int32, a: float32[n]):
    b = output_tensor((n,), 'float32')
    for i in range(n):
        b[i] = a[i] * 2.0
    return b
# CHECK-LABEL: def scale(n: int32, a: float32[n]) -> (b: float32[n]):
# CHECK-NEXT:   for i.outer in 0..(n + 7) // 8 serial:
# CHECK-NEXT:     for i.inner in 0..min(8, n - i.outer * 8) serial:
# CHECK-NEXT:       b[i.outer * 8 + i.inner] = a[i.outer * 8 + i.inner] * 2.0
