# RUN: %hybridc %s --print-after=fold-init -o %t.o 2>&1 | FileCheck %s
# fold-init folds an init nest into the reduction nest right after it only
# when every element's first update is the one with the reduction loops at
# their start: here `folded` does; the others keep both nests (a symbolic
# reduction extent may be 0; a statement between the nests; a C element
# read outside its update; the init loops' bounds differ from the update's;
# an initial value the update nest changes).
def folded(a: float32[8, 16]):
    s = output_tensor((8,), 'float32')
    for i in range(8):
        s[i] = 1.0
    for i in range(8):
        for j in range(16):
            s[i] = s[i] * a[i, j]
    return s
# CHECK-LABEL: ; *** IR after fold-init ***
# CHECK-LABEL: def folded(a: float32[8, 16]) -> (s: float32[8]):
# CHECK-NEXT:   for i in 0..8 serial:
# CHECK-NEXT:     "initialisation folded into the next nest"
# CHECK-NEXT:   for i in 0..8 serial:
# CHECK-NEXT:     for j in 0..16 serial:
# CHECK-NEXT:       if j == 0:
# CHECK-NEXT:         s[i] = 1.0 * a[i, j]
# CHECK-NEXT:       else:
# CHECK-NEXT:         s[i] = s[i] * a[i, j]

def symbolic(n: int32, a: float32[8, n]):
    s = output_tensor((8,), 'float32')
    for i in range(8):
        s[i] = 0.0
    for i in range(8):
        for j in range(n):
            s[i] += a[i, j]
    return s
# CHECK-LABEL: ; *** IR after fold-init ***
# CHECK-LABEL: def symbolic(n: int32, a: float32[8, n]) -> (s: float32[8]):
# CHECK-NEXT:   for i in 0..8 serial:
# CHECK-NEXT:     s[i] = 0.0
# CHECK-NEXT:   for i in 0..8 serial:
# CHECK-NEXT:     for j in 0..n serial:
# CHECK-NEXT:       s[i] = s[i] + a[i, j]

def between(a: float32[8, 16]):
    s = output_tensor((8,), 'float32')
    t = output_tensor((1,), 'float32')
    for i in range(8):
        s[i] = 0.0
    t[0] = 1.0
    for i in range(8):
        for j in range(16):
            s[i] += a[i, j]
    return s, t
# CHECK-LABEL: ; *** IR after fold-init ***
# CHECK-LABEL: def between(a: float32[8, 16]) -> (s: float32[8], t: float32[1]):
# CHECK-NEXT:   for i in 0..8 serial:
# CHECK-NEXT:     s[i] = 0.0
# CHECK-NEXT:   t[0] = 1.0
# CHECK-NEXT:   for i in 0..8 serial:
# CHECK-NEXT:     for j in 0..16 serial:
# CHECK-NEXT:       s[i] = s[i] + a[i, j]

def reads(a: float32[8, 16]):
    s = output_tensor((8,), 'float32')
    t = output_tensor((8, 16), 'float32')
    for i in range(8):
        s[i] = 0.0
    for i in range(8):
        for j in range(16):
            s[i] += a[i, j]
            t[i, j] = s[i]
    return s, t
# CHECK-LABEL: ; *** IR after fold-init ***
# CHECK-LABEL: def reads(a: float32[8, 16]) -> (s: float32[8], t: float32[8, 16]):
# CHECK-NEXT:   for i in 0..8 serial:
# CHECK-NEXT:     s[i] = 0.0
# CHECK-NEXT:   for i in 0..8 serial:
# CHECK-NEXT:     for j in 0..16 serial:
# CHECK-NEXT:       s[i] = s[i] + a[i, j]
# CHECK-NEXT:       t[i, j] = s[i]

def bounds(a: float32[8, 16]):
    s = output_tensor((8,), 'float32')
    for i in range(8):
        s[i] = 0.0
    for i in range(1, 8):
        for j in range(16):
            s[i] += a[i, j]
    return s
# CHECK-LABEL: ; *** IR after fold-init ***
# CHECK-LABEL: def bounds(a: float32[8, 16]) -> (s: float32[8]):
# CHECK-NEXT:   for i in 0..8 serial:
# CHECK-NEXT:     s[i] = 0.0
# CHECK-NEXT:   for i in 1..8 serial:
# CHECK-NEXT:     for j in 0..16 serial:
# CHECK-NEXT:       s[i] = s[i] + a[i, j]

def changes(a: float32[8, 16]):
    s = output_tensor((8,), 'float32')
    v = 0.0
    for i in range(8):
        s[i] = v
    for i in range(8):
        for j in range(16):
            s[i] += a[i, j]
            v = v + 1.0
    return s
# CHECK-LABEL: ; *** IR after fold-init ***
# CHECK-LABEL: def changes(a: float32[8, 16]) -> (s: float32[8]):
# CHECK-NEXT:   var v: float32
# CHECK-NEXT:   v = 0.0
# CHECK-NEXT:   for i in 0..8 serial:
# CHECK-NEXT:     s[i] = v
# CHECK-NEXT:   for i in 0..8 serial:
# CHECK-NEXT:     for j in 0..16 serial:
# CHECK-NEXT:       s[i] = s[i] + a[i, j]
# CHECK-NEXT:       v = v + 1.0
