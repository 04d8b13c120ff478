# RUN: %hybridc %s -s %S/Inputs/schedule_bind.json --emit-lowered=- | FileCheck %s
# bind loops to GPU block and thread indices.
def outer_product(a: float32[100], b: float32[96]):
    c = output_tensor((100, 96), 'float32')
    for i in range(100):
        for j in range(96):
            c[i, j] = a[i] * b[j]
    return c
# CHECK-LABEL: def outer_product(a: float32[100], b: float32[96]) -> (c: float32[100, 96]):
# CHECK-NEXT:   for i in 0..100 bind("blockIdx.x"):
# CHECK-NEXT:     for j in 0..96 bind("threadIdx.x"):
# CHECK-NEXT:       c[i, j] = a[i] * b[j]
