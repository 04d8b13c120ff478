# RUN: %hybridc %s -s %S/Inputs/peel_first_iteration.json --print-after=final-simplify -o %t.o 2>&1 | FileCheck %s
# A reduction that starts from its first term (`if k == 0`) instead of a
# separate zeroing pass: unswitch-loops peels the first iteration of the
# loop that tests it, so the rest is a plain accumulation held in registers.
# Nested tests peel only inside the peeled copy; a test that is not about
# the first iteration (k < 2) peels nothing.
def mm(a: float32[4, 3], b: float32[3, 16]):
    c = output_tensor((4, 16), 'float32')
    for i in range(4):
        for j in range(16):
            for k in range(3):
                if k == 0:
                    c[i, j] = a[i, k] * b[k, j]
                else:
                    c[i, j] += a[i, k] * b[k, j]
    return c
# CHECK-LABEL: ; *** IR after final-simplify ***
# CHECK-LABEL: def mm(a: float32[4, 3], b: float32[3, 16]) -> (c: float32[4, 16]):
# CHECK-NEXT:   for i in 0..4 serial:
# CHECK-NEXT:     for jo in 0..2 serial:
# CHECK-NEXT:       c[i, ramp(jo * 8, 1, 8)] = broadcast(a[i, 0], 8) * b[0, ramp(jo * 8, 1, 8)]
# CHECK-NEXT:       var c.acc0: float32x8
# CHECK-NEXT:       c.acc0 = c[i, ramp(jo * 8, 1, 8)]
# CHECK-NEXT:       for k in 1..3 serial:
# CHECK-NEXT:         c.acc0 = c.acc0 + broadcast(a[i, k], 8) * b[k, ramp(jo * 8, 1, 8)]
# CHECK-NEXT:       c[i, ramp(jo * 8, 1, 8)] = c.acc0

def nested(x: float32[2, 3, 4]):
    s = output_tensor((1,), 'float32')
    for p in range(2):
        for q in range(3):
            for r in range(4):
                if p == 0 and q == 0 and r == 0:
                    s[0] = x[p, q, r]
                else:
                    s[0] += x[p, q, r]
    return s
# CHECK-LABEL: ; *** IR after final-simplify ***
# CHECK-LABEL: def nested(x: float32[2, 3, 4]) -> (s: float32[1]):
# CHECK-NEXT:   s[0] = x[0, 0, 0]
# CHECK-NEXT:   var s.acc0: float32
# CHECK-NEXT:   s.acc0 = s[0]
# CHECK-NEXT:   for r in 1..4 serial:
# CHECK-NEXT:     s.acc0 = s.acc0 + x[0, 0, r]
# CHECK-NEXT:   s[0] = s.acc0
# CHECK-NEXT:   var s.acc2: float32
# CHECK-NEXT:   s.acc2 = s[0]
# CHECK-NEXT:   for q in 1..3 serial:
# CHECK-NEXT:     var s.acc1: float32
# CHECK-NEXT:     s.acc1 = s.acc2
# CHECK-NEXT:     for r in 0..4 serial:
# CHECK-NEXT:       s.acc1 = s.acc1 + x[0, q, r]
# CHECK-NEXT:     s.acc2 = s.acc1
# CHECK-NEXT:   s[0] = s.acc2
# CHECK-NEXT:   var s.acc5: float32
# CHECK-NEXT:   s.acc5 = s[0]
# CHECK-NEXT:   for p in 1..2 serial:
# CHECK-NEXT:     var s.acc4: float32
# CHECK-NEXT:     s.acc4 = s.acc5
# CHECK-NEXT:     for q in 0..3 serial:
# CHECK-NEXT:       var s.acc3: float32
# CHECK-NEXT:       s.acc3 = s.acc4
# CHECK-NEXT:       for r in 0..4 serial:
# CHECK-NEXT:         s.acc3 = s.acc3 + x[p, q, r]
# CHECK-NEXT:       s.acc4 = s.acc3
# CHECK-NEXT:     s.acc5 = s.acc4
# CHECK-NEXT:   s[0] = s.acc5

def not_first(x: float32[8]):
    s = output_tensor((8,), 'float32')
    for k in range(8):
        if k < 2:
            s[k] = x[k]
        else:
            s[k] = 0.0
    return s
# CHECK-LABEL: ; *** IR after final-simplify ***
# CHECK-LABEL: def not_first(x: float32[8]) -> (s: float32[8]):
# CHECK-NEXT:   for k in 0..8 serial:
# CHECK-NEXT:     if k < 2:
# CHECK-NEXT:       s[k] = x[k]
# CHECK-NEXT:     else:
# CHECK-NEXT:       s[k] = 0.0
