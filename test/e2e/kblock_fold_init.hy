# A k-blocked matmul (k split, its outer part outside the register tile's
# loops) with fold-init: the first update `if ko * 8 + ki == 0` is read as
# `ki == 0 and ko == 0` (the loop ranges make every term non-negative), so
# unswitch-loops peels ko == 0 and then ki == 0 and the tile stays in
# registers (a 3.5x slower matmul512 before). 29 = 3 x 8 + 5: the
# imperfect k split's tail block keeps its guard. Against numpy on x86-64 (-O3,
# -O0), AArch64 and in `hybridc run`.
# RUN: %e2e %s --schedule %S/Inputs/kblock_fold_init.json --ref %S/kblock_fold_init.py --function mm --workdir %t/mm
# RUN: %e2e %s --schedule %S/Inputs/kblock_fold_init.json --ref %S/kblock_fold_init.py --function mm --workdir %t/mm0 -- -O0
# RUN: %e2e %s --schedule %S/Inputs/kblock_fold_init.json --ref %S/kblock_fold_init.py --function mm --target aarch64 --workdir %t/mm.a64
# RUN: %hybridc %s -s %S/Inputs/kblock_fold_init.json --print-after=unswitch-loops --emit-lowered=%t/mm.txt 2>&1 | FileCheck %s
def mm(a: float32[16, 29], b: float32[29, 32]):
    c = output_tensor((16, 32), 'float32')
    for i in range(16):
        for j in range(32):
            c[i, j] = 0.0
    for i in range(16):
        for j in range(32):
            for k in range(29):
                c[i, j] += a[i, k] * b[k, j]
    return c
# CHECK-LABEL: ; *** IR after unswitch-loops ***
# CHECK-NOT: == 0
# CHECK: c[i, jo * 16 + ji] = 0.0 + a[i, 0] * b[0, jo * 16 + ji]
# CHECK-NEXT: for ki in 1..8 serial:
# CHECK-NOT: == 0
# CHECK: for ko in 1..4 serial:
# CHECK-NOT: == 0
