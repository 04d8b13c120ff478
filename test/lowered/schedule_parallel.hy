# RUN: %hybridc %s -s %S/Inputs/schedule_parallel.json --emit-lowered=- | FileCheck %s
# parallel over rows; the scalar acc is private to each iteration.
def matmul(a: float32[64, 32], b: float32[32, 48]):
    c = output_tensor((64, 48), 'float32')
    for i in range(64):
        for j in range(48):
            acc = 0.0
            for k in range(32):
                acc += a[i, k] * b[k, j]
            c[i, j] = acc
    return c
# CHECK-LABEL: def matmul(a: float32[64, 32], b: float32[32, 48]) -> (c: float32[64, 48]):
# CHECK-NEXT:   for i in 0..64 parallel:
# CHECK-NEXT:     for j in 0..48 serial:
# CHECK-NEXT:       var acc: float32
# CHECK-NEXT:       acc = 0.0
# CHECK-NEXT:       for k in 0..32 serial:
# CHECK-NEXT:         acc = acc + a[i, k] * b[k, j]
# CHECK-NEXT:       c[i, j] = acc
