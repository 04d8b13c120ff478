# RUN: %hybridc %s --function caller --emit-lowered=- | FileCheck %s
# Calls are inlined with hygienic names (<callee>.<name>), scalar arguments
# bound once, tensor arguments aliased, results allocated in the caller (or
# written straight into the caller's output when it returns them).
def twice(a: float32[16], s: float32):
    b = output_tensor((16,), 'float32')
    for i in range(16):
        b[i] = a[i] * s
    return b

def caller(a: float32[16], s: float32):
    t = twice(a, s + 1.0)
    out = twice(t, s)
    return out
# CHECK-LABEL: def caller(a: float32[16], s: float32) -> (out: float32[16]):
# CHECK-NEXT:   allocate t: float32[16] global
# CHECK-NEXT:   let twice.s = s + 1.0
# CHECK-NEXT:   for twice.i in 0..16 serial:
# CHECK-NEXT:     t[twice.i] = a[twice.i] * twice.s
# CHECK-NEXT:   for twice.i in 0..16 serial:
# CHECK-NEXT:     out[twice.i] = t[twice.i] * s
