# RUN: %hybridc %s -s %S/Inputs/invariance.json --vector-tails=split --print-after=final-simplify -o %t.o 2>&1 | FileCheck %s
# RUN: %hybridc %s -s %S/Inputs/invariance.json --vector-tails=masked --print-after=final-simplify -o %t.m.o 2>&1 | FileCheck %s --check-prefix=MASKED
# What the loop passes may move across a loop, and what they must leave:
#  - a store through a counter the loop updates stays in the loop;
#  - an accumulator promoted across a loop that may run zero times is loaded
#    and stored only when it runs (out[n - 1] is not an element when n = 0);
#  - an `if` on a load is not hoisted above a loop that may not run;
#  - a first iteration is not peeled from a loop that breaks out of itself;
#  - a loop bound bound once before a split keeps its value while the body
#    changes the variable it was read from.
def counter(a: int32[8]):
    out = output_tensor((8,), "int32")
    k = 0
    for i in range(8):
        out[k] = a[i]
        k = k + 1
    return out
# CHECK-LABEL: ; *** IR after final-simplify ***
# CHECK-LABEL: def counter(a: int32[8]) -> (out: int32[8]):
# CHECK-NEXT:   var k: int32
# CHECK-NEXT:   k = 0
# CHECK-NEXT:   for i in 0..8 serial:
# CHECK-NEXT:     out[k] = a[i]
# CHECK-NEXT:     k = k + 1

def last_sum(n: int32, a: int32[n]):
    out = output_tensor((n,), 'int32')
    for i in range(n):
        out[i] = 0
    for j in range(n):
        out[n - 1] += a[j]
    return out
# CHECK-LABEL: ; *** IR after final-simplify ***
# CHECK-LABEL: def last_sum(n: int32, a: int32[n]) -> (out: int32[n]):
# CHECK-NEXT:   for i in 0..n serial:
# CHECK-NEXT:     out[i] = 0
# CHECK-NEXT:   var out.acc0: int32
# CHECK-NEXT:   if n > 0:
# CHECK-NEXT:     out.acc0 = out[n - 1]
# CHECK-NEXT:     for j in 0..n serial:
# CHECK-NEXT:       out.acc0 = out.acc0 + a[j]
# CHECK-NEXT:     out[n - 1] = out.acc0

def guarded(n: int32, a: int32[n]):
    out = output_tensor((4,), 'int32')
    for i in range(4):
        out[i] = 0
    for j in range(n):
        if a[n - 1] > 0:
            out[0] = out[0] + 1
    return out
# CHECK-LABEL: ; *** IR after final-simplify ***
# CHECK-LABEL: def guarded(n: int32, a: int32[n]) -> (out: int32[4]):
# CHECK-NEXT:   for i in 0..4 serial:
# CHECK-NEXT:     out[i] = 0
# CHECK-NEXT:   for j in 0..n serial:
# CHECK-NEXT:     if a[n - 1] > 0:
# CHECK-NEXT:       out[0] = out[0] + 1

def search(a: int32[4, 8]):
    out = output_tensor((4,), 'int32')
    for r in range(4):
        out[r] = 0
        for k in range(8):
            if k == 0:
                out[r] = a[r, k]
            else:
                out[r] += a[r, k]
            if a[r, k] > 5:
                break
    return out
# CHECK-LABEL: ; *** IR after final-simplify ***
# CHECK-LABEL: def search(a: int32[4, 8]) -> (out: int32[4]):
# CHECK-NEXT:   for r in 0..4 serial:
# CHECK-NEXT:     out[r] = 0
# CHECK-NEXT:     for k in 0..8 serial:
# CHECK-NEXT:       if k == 0:
# CHECK-NEXT:         out[r] = a[r, k]
# CHECK-NEXT:       else:
# CHECK-NEXT:         out[r] = out[r] + a[r, k]
# CHECK-NEXT:       if a[r, k] > 5:
# CHECK-NEXT:         break

def shrink(a: int32[10]):
    out = output_tensor((10,), 'int32')
    k = 10
    for i in range(k):
        k = k - 1
        out[i] = a[i] + k
    return out
# CHECK-LABEL: ; *** IR after final-simplify ***
# CHECK-LABEL: def shrink(a: int32[10]) -> (out: int32[10]):
# CHECK-NEXT:   var k: int32
# CHECK-NEXT:   k = 10
# CHECK-NEXT:   let i.extent = k
# CHECK-NEXT:   for i.outer in 0..(i.extent + 3) // 4 serial:
# CHECK-NEXT:     for i.inner in 0..min(4, i.extent - i.outer * 4) serial:
# CHECK-NEXT:       k = k - 1
# CHECK-NEXT:       out[i.outer * 4 + i.inner] = a[i.outer * 4 + i.inner] + k

# A split loop's `break` leaves both halves through a flag: the outer loop's
# remaining iterations do nothing.
def split_search(a: int32[20], thr: int32):
    out = output_tensor((1,), 'int32')
    out[0] = -1
    for k in range(20):
        if a[k] > thr:
            out[0] = k
            break
    return out
# CHECK-LABEL: ; *** IR after final-simplify ***
# CHECK-LABEL: def split_search(a: int32[20], thr: int32) -> (out: int32[1]):
# CHECK-NEXT:   out[0] = -1
# CHECK-NEXT:   var k.break: bool
# CHECK-NEXT:   k.break = False
# CHECK-NEXT:   for k.outer in 0..3 serial:
# CHECK-NEXT:     if not k.break:
# CHECK-NEXT:       for k.inner in 0..min(8, 20 - k.outer * 8) serial:
# CHECK-NEXT:         if a[k.outer * 8 + k.inner] > thr:
# CHECK-NEXT:           out[0] = k.outer * 8 + k.inner
# CHECK-NEXT:           k.break = True
# CHECK-NEXT:           break

# A vector select computes both arms in every lane: an arm that loads out
# of bounds in the lanes that do not take it (a[16] here) keeps the loop
# scalar, or with masks (--vector-tails=masked) reads only in the lanes
# that take it; one whose loads stay in bounds is widened.
def shifted(a: float32[16]):
    out = output_tensor((16,), 'float32')
    for i in range(16):
        out[i] = a[i + 1] if i < 15 else a[i]
    return out
# CHECK-LABEL: ; *** IR after final-simplify ***
# CHECK-LABEL: def shifted(a: float32[16]) -> (out: float32[16]):
# CHECK-NEXT:   for i in 0..16 vectorized:
# CHECK-NEXT:     out[i] = a[i + 1] if i < 15 else a[i]
# MASKED-LABEL: def shifted(a: float32[16]) -> (out: float32[16]):
# MASKED-NEXT:   out[ramp(0, 1, 16)] = a[ramp(1, 1, 16) where ramp(0, 1, 16) < broadcast(15, 16)] if ramp(0, 1, 16) < broadcast(15, 16) else a[ramp(0, 1, 16)]

def clipped(a: float32[16]):
    out = output_tensor((16,), 'float32')
    for i in range(16):
        out[i] = a[i] if i < 15 else 0.0
    return out
# CHECK-LABEL: ; *** IR after final-simplify ***
# CHECK-LABEL: def clipped(a: float32[16]) -> (out: float32[16]):
# CHECK-NEXT:   out[ramp(0, 1, 16)] = a[ramp(0, 1, 16)] if ramp(0, 1, 16) < broadcast(15, 16) else broadcast(0.0, 16)
