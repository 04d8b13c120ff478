# TVM-style kernels: 0-d tensors (relay's arange takes start/stop/step as
# 0-d tensors): annotated float32[()], created with output_tensor((), ...),
# indexed x[()]; the C ABI passes a pointer to the one element.
# RUN: %e2e %s --ref %S/zero_d.py --function arange_len --workdir %t
# RUN: %e2e %s --ref %S/zero_d.py --function arange_len --target aarch64 --workdir %t.a64
# RUN: %hybridc %s --emit-lowered=- | FileCheck %s
# CHECK: def arange_len(start: float32[()], stop: float32[()], step: float32[()]) -> (n: int32[()]):
# CHECK-NEXT: n[()] = int32(ceil((stop[()] - start[()]) / step[()]))
def arange_len(start: float32[()], stop: float32[()], step: float32[()]):
    n = output_tensor((), 'int32')
    n[()] = int32(ceil((stop[()] - start[()]) / step[()]))
    return n
