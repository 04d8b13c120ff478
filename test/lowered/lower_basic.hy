# RUN: %hybridc %s --emit-lowered=- | FileCheck %s
# Unscheduled lowering: scalars are variables declared at the top of their
# scope (the innermost for; `if` opens none), compile-time constants are
# substituted, const_range is unrolled with its ifs folded, grid is nested
# loops, range(lo, hi) keeps its bounds.
def basics(a: float32[8, 4]):
    c = output_tensor((8, 4), 'float32')
    n = a.shape[1]
    for i, j in grid(8, n):
        s = 0.0
        for k in const_range(3):
            if k == 1:
                s += a[i, j] * 2.0
            else:
                s += a[i, j]
        c[i, j] = s
    for i in range(2, 6):
        if a[i, 0] > 0.0:
            t = 1.0
        else:
            t = 2.0
        c[i, 0] = t
    return c
# CHECK-LABEL: def basics(a: float32[8, 4]) -> (c: float32[8, 4]):
# CHECK-NEXT:   for i in 0..8 serial:
# CHECK-NEXT:     for j in 0..4 serial:
# CHECK-NEXT:       var s: float32
# CHECK-NEXT:       s = 0.0
# CHECK-NEXT:       s = s + a[i, j]
# CHECK-NEXT:       s = s + a[i, j] * 2.0
# CHECK-NEXT:       s = s + a[i, j]
# CHECK-NEXT:       c[i, j] = s
# CHECK-NEXT:   for i in 2..6 serial:
# CHECK-NEXT:     var t: float32
# CHECK-NEXT:     if a[i, 0] > 0.0:
# CHECK-NEXT:       t = 1.0
# CHECK-NEXT:     else:
# CHECK-NEXT:       t = 2.0
# CHECK-NEXT:     c[i, 0] = t
