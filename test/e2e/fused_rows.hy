# A vectorized loop over fused rows and columns (TVM's fuse -> split ->
# vectorize; bench/conv.hy's AVX-512 schedule) reads and writes arrays
# whose rows are longer than the fused rows: a 16-lane vector that crosses
# a row is two contiguous runs, loaded as two vectors and blended, or stored
# by two masked stores (docs/architecture.md, "Vector accesses"), never a
# gather. stencil: runs split at a different lane in each vector (rows of
# 20, padded input rows of 22) and an 8-lane tail; widen: stores into rows
# with a border that must stay untouched; flip (rows in reverse) and narrow
# (rows shorter than a vector) are not two runs and stay gathers. tile: a
# register tile of three vectors (two rows of 24) across a reduction, kept
# in vector variables by promote-accumulators (a fused row and column count
# as one index there); with whole rows per tile the split of the vector
# that crosses a row is a constant.
# Against numpy on x86-64 (-O3, -O0), AArch64 and in `hybridc run`.
# RUN: %e2e %s --schedule %S/Inputs/fused_rows.json --ref %S/fused_rows.py --function stencil --workdir %t/stencil
# RUN: %e2e %s --schedule %S/Inputs/fused_rows.json --ref %S/fused_rows.py --function stencil --workdir %t/stencil0 -- -O0
# RUN: %e2e %s --schedule %S/Inputs/fused_rows.json --ref %S/fused_rows.py --function stencil --target aarch64 --workdir %t/stencil.a64
# RUN: %e2e %s --schedule %S/Inputs/fused_rows.json --ref %S/fused_rows.py --function widen --workdir %t/widen
# RUN: %e2e %s --schedule %S/Inputs/fused_rows.json --ref %S/fused_rows.py --function widen --workdir %t/widen0 -- -O0
# RUN: %e2e %s --schedule %S/Inputs/fused_rows.json --ref %S/fused_rows.py --function widen --target aarch64 --workdir %t/widen.a64
# RUN: %e2e %s --schedule %S/Inputs/fused_rows.json --ref %S/fused_rows.py --function flip --workdir %t/flip
# RUN: %e2e %s --schedule %S/Inputs/fused_rows.json --ref %S/fused_rows.py --function flip --target aarch64 --workdir %t/flip.a64
# RUN: %e2e %s --schedule %S/Inputs/fused_rows.json --ref %S/fused_rows.py --function narrow --workdir %t/narrow
# RUN: %e2e %s --schedule %S/Inputs/fused_rows.json --ref %S/fused_rows.py --function narrow --target aarch64 --workdir %t/narrow.a64
# RUN: %e2e %s --schedule %S/Inputs/fused_rows.json --ref %S/fused_rows.py --function tile --workdir %t/tile
# RUN: %e2e %s --schedule %S/Inputs/fused_rows.json --ref %S/fused_rows.py --function tile --workdir %t/tile0 -- -O0
# RUN: %e2e %s --schedule %S/Inputs/fused_rows.json --ref %S/fused_rows.py --function tile --target aarch64 --workdir %t/tile.a64
# RUN: %hybridc %s -s %S/Inputs/fused_rows.json --function stencil -O0 --emit-ir=- | FileCheck %s --check-prefix=STENCIL
# RUN: %hybridc %s -s %S/Inputs/fused_rows.json --function tile --print-after=promote-accumulators --emit-lowered=%t/tile.txt 2>&1 | FileCheck %s --check-prefix=PROMOTE
# RUN: %hybridc %s -s %S/Inputs/fused_rows.json --function tile -O0 --emit-ir=- | FileCheck %s --check-prefix=TILE
# RUN: %hybridc %s -s %S/Inputs/fused_rows.json --function widen -O0 --emit-ir=- | FileCheck %s --check-prefix=WIDEN
# RUN: %hybridc %s -s %S/Inputs/fused_rows.json --function flip -O0 --emit-ir=- | FileCheck %s --check-prefix=FLIP

def stencil(a: float32[20, 22]):
    o = output_tensor((18, 20), 'float32')
    for y in range(18):
        for x in range(20):
            o[y, x] = a[y, x] + a[y + 1, x + 1] * 2.0 - a[y + 2, x + 2]
    return o
# STENCIL-LABEL: define {{.*}}@stencil(
# STENCIL-NOT: gather
# STENCIL: %a.lo = icmp ult <16 x i64>
# STENCIL: select {{.*}}<16 x i1> %a.lo
# STENCIL-NOT: gather
# STENCIL: ret

def widen(a: float32[12, 18]):
    o = output_tensor((12, 20), 'float32')
    for y in range(12):
        for x in range(20):
            o[y, x] = -1.0
    for y in range(12):
        for x in range(18):
            o[y, x + 1] = a[y, x] * 3.0
    return o
# WIDEN-LABEL: define {{.*}}@widen(
# WIDEN-NOT: scatter
# WIDEN: call void @llvm.masked.store.v16f32.p0(<16 x float> %{{.*}}, ptr %o.addr{{[0-9]*}}, i32 4, <16 x i1> %o.lo
# WIDEN: call void @llvm.masked.store.v16f32.p0(<16 x float> %{{.*}}, ptr %o.addr2
# WIDEN-NOT: scatter
# WIDEN: ret

def flip(a: float32[12, 18]):
    o = output_tensor((12, 18), 'float32')
    for y in range(12):
        for x in range(18):
            o[y, x] = a[11 - y, x] + 0.5
    return o
# FLIP-LABEL: define {{.*}}@flip(
# FLIP: @llvm.masked.gather

def narrow(a: float32[9, 8]):
    o = output_tensor((8, 6), 'float32')
    for y in range(8):
        for x in range(6):
            o[y, x] = a[y, x + 1] * a[y + 1, x + 2]
    return o

def tile(a: float32[4, 26], w: float32[3]):
    o = output_tensor((4, 24), 'float32')
    for y in range(4):
        for x in range(24):
            o[y, x] = 0.0
    for y in range(4):
        for x in range(24):
            for r in range(3):
                o[y, x] += a[y, x + r] * w[r]
    return o
# PROMOTE-LABEL: ; *** IR after promote-accumulators ***
# PROMOTE: var o.acc{{[0-9]+}}: float32x16
# PROMOTE: var o.acc{{[0-9]+}}: float32x16
# PROMOTE: var o.acc{{[0-9]+}}: float32x16
# PROMOTE: for r in 1..3 serial:
# PROMOTE-NEXT: o.acc{{[0-9]+}} = o.acc{{[0-9]+}} + a[
# TILE-LABEL: define {{.*}}@tile(
# TILE-NOT: gather
# TILE: select {{.*}}<16 x i1> <i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 true, i1 false,
# TILE-NOT: gather
# TILE: ret
