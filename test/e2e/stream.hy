# The "stream" schedule primitive (docs/schedules.md "stream"): whole-vector
# stores into the buffer are non-temporal. On x86-64 a non-temporal vector
# store needs the vector's alignment, so each store tests its address and
# stores through the cache where it is not aligned. rows: rows of 67 floats
# start at every 4-byte phase of a 64-byte line, so whatever the output's
# alignment some rows take each path; the 3-element tail (a 2-lane vector
# and a scalar) stays ordinary. dtypes: float64 and int8 vectors
# (MOVNTPD/MOVNTDQ). reuse: a streamed temporary written by a parallel nest
# and read by the next one (the sfence at the end of each task). fused: a
# vector that crosses a row is two masked stores, which stay ordinary.
# sym: symbolic extents (rows of m floats, m = 37 at run time). handoff: a
# serial nest streams a temporary that a parallel nest then reads on other
# threads (an sfence before the parallel loop starts).
# Against numpy on x86-64 (-O3, -O0), AArch64 (STNP) and in `hybridc run`.
# RUN: %e2e %s --schedule %S/Inputs/stream.json --ref %S/stream.py --function rows --workdir %t/rows
# RUN: %e2e %s --schedule %S/Inputs/stream.json --ref %S/stream.py --function rows --workdir %t/rows0 -- -O0
# RUN: %e2e %s --schedule %S/Inputs/stream.json --ref %S/stream.py --function rows --target aarch64 --workdir %t/rows.a64
# RUN: %e2e %s --schedule %S/Inputs/stream.json --ref %S/stream.py --function dtypes --workdir %t/dtypes
# RUN: %e2e %s --schedule %S/Inputs/stream.json --ref %S/stream.py --function dtypes --target aarch64 --workdir %t/dtypes.a64
# RUN: %e2e %s --schedule %S/Inputs/stream.json --ref %S/stream.py --function reuse --workdir %t/reuse
# RUN: %e2e %s --schedule %S/Inputs/stream.json --ref %S/stream.py --function reuse --target aarch64 --workdir %t/reuse.a64
# RUN: %e2e %s --schedule %S/Inputs/stream.json --ref %S/stream.py --function fused --workdir %t/fused
# RUN: %e2e %s --schedule %S/Inputs/stream.json --ref %S/stream.py --function fused --target aarch64 --workdir %t/fused.a64
# RUN: %e2e %s --schedule %S/Inputs/stream.json --ref %S/stream.py --function sym --workdir %t/sym
# RUN: %e2e %s --schedule %S/Inputs/stream.json --ref %S/stream.py --function sym --target aarch64 --workdir %t/sym.a64
# RUN: %e2e %s --schedule %S/Inputs/stream.json --ref %S/stream.py --function handoff --workdir %t/handoff
# RUN: %e2e %s --schedule %S/Inputs/stream.json --ref %S/stream.py --function handoff --target aarch64 --workdir %t/handoff.a64
# RUN: %hybridc %s -s %S/Inputs/stream.json --function handoff --mcpu x86-64-v4 --emit-asm=- | FileCheck %s --check-prefix=HANDOFF
# RUN: %hybridc %s -s %S/Inputs/stream.json --function rows --emit-lowered=- | FileCheck %s --check-prefix=LOWERED
# RUN: %hybridc %s -s %S/Inputs/stream.json --function rows --mcpu x86-64-v4 --emit-asm=- | FileCheck %s --check-prefix=ROWS
# RUN: %hybridc %s -s %S/Inputs/stream.json --function dtypes --mcpu x86-64-v4 --emit-asm=- | FileCheck %s --check-prefix=DTYPES
# RUN: %hybridc %s -s %S/Inputs/stream.json --function rows --target aarch64 --emit-asm=- | FileCheck %s --check-prefix=A64
# RUN: %hybridc %s -s %S/Inputs/stream.json --function fused -O0 --emit-ir=- | FileCheck %s --check-prefix=FUSED

def rows(a: float32[16, 67]):
    o = output_tensor((16, 67), 'float32')
    for y in range(16):
        for x in range(67):
            o[y, x] = a[y, x] * 2.0 + 1.0
    return o
# LOWERED: def rows(a: float32[16, 67]) -> (o: float32[16, 67] stream):
# The parallel task: a tested non-temporal store, an ordinary one beside it,
# and the fence before the task returns.
# ROWS-LABEL: rows.par.y:
# ROWS: test{{.}} $63,
# ROWS-DAG: vmovntps %zmm{{[0-9]+}}, {{-?[0-9]*}}(
# ROWS-DAG: vmovups %zmm{{[0-9]+}}, {{-?[0-9]*}}(
# ROWS: sfence
# ROWS-NEXT: xorl
# ROWS: .Lfunc_end
# A64-LABEL: rows.par.y:
# A64: stnp q{{[0-9]+}}, q{{[0-9]+}}, [x{{[0-9]+}}
# A64-NOT: dmb
# A64: .Lfunc_end

def dtypes(a: float64[200], b: int8[320]):
    d = output_tensor((200,), 'float64')
    q = output_tensor((320,), 'int8')
    for i in range(200):
        d[i] = a[i] * 0.5
    for i in range(320):
        q[i] = b[i] + b[i]
    return d, q
# DTYPES-LABEL: dtypes:
# DTYPES: vmovntpd %zmm{{[0-9]+}}, {{-?[0-9]*}}(
# DTYPES: vmovntdq %zmm{{[0-9]+}}, {{-?[0-9]*}}(
# DTYPES: sfence

def reuse(a: float32[1000]):
    t = allocate((1000,), 'float32')
    o = output_tensor((1000,), 'float32')
    for i in range(1000):
        t[i] = a[i] * a[i]
    for i in range(1000):
        o[i] = t[999 - i] + a[i]
    return o

def fused(a: float32[12, 18]):
    o = output_tensor((12, 20), 'float32')
    for y in range(12):
        for x in range(20):
            o[y, x] = -1.0
    for y in range(12):
        for x in range(18):
            o[y, x + 1] = a[y, x] * 3.0
    return o
# Row-crossing vectors: two masked stores, no non-temporal hint on them.
# FUSED-LABEL: define {{.*}}@fused(
# FUSED: call void @llvm.masked.store.v16f32.p0(<16 x float> %{{.*}}, ptr %o.addr{{[0-9]*}}, i32 4, <16 x i1> %o.lo
# FUSED-NOT: !nontemporal
# FUSED: call void @llvm.masked.store.v16f32.p0(<16 x float> %{{.*}}, ptr %o.addr2

def sym(n: int32, m: int32, a: float32[n, m]):
    o = output_tensor((n, m), 'float32')
    for y in range(n):
        for x in range(m):
            o[y, x] = a[y, x] - 0.25
    return o

def handoff(a: float32[4000]):
    t = allocate((4000,), 'float32')
    o = output_tensor((4000,), 'float32')
    for i in range(4000):
        t[i] = a[i] + 1.0
    for i in range(4000):
        o[i] = t[3999 - i] * a[i]
    return o
# The serial nest's streamed stores, then the fence, then the parallel loop.
# HANDOFF-LABEL: {{^}}handoff:
# HANDOFF: vmovntps
# HANDOFF: sfence
# HANDOFF-NOT: vmovnt
# HANDOFF: call{{.*}}hybridc_rt_v2_parallel_for
