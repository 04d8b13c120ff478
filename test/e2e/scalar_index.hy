# Scalars and data as indices (issue: a store through a loop-updated scalar
# index was hoisted out of its loop). Counters used as store indices
# (compaction, `k += step`, a counter that wraps), histograms, a loop whose
# bound variable the body changes, an early `break` out of a search, gathers
# and scatters through index tensors, partial sums in an `allocate`d buffer;
# each unscheduled, and scheduled (split, unroll, reorder, vectorize,
# parallel) at -O0 and -O3 on x86-64 and AArch64. run.py's guard zones catch
# the out-of-bounds write the old promotion made (out[8] of an int32[8]).
# RUN: %e2e %s --ref %S/scalar_index.py --function copy_via_counter --workdir %t.copy_via_counter
# RUN: %e2e %s --schedule %S/Inputs/scalar_index.json --ref %S/scalar_index.py --function copy_via_counter --workdir %t.copy_via_counter.s0 -- -O0
# RUN: %e2e %s --schedule %S/Inputs/scalar_index.json --ref %S/scalar_index.py --function copy_via_counter --workdir %t.copy_via_counter.s3 -- -O3
# RUN: %e2e %s --schedule %S/Inputs/scalar_index.json --ref %S/scalar_index.py --function copy_via_counter --target aarch64 --workdir %t.copy_via_counter.a64
# RUN: %e2e %s --ref %S/scalar_index.py --function compact --workdir %t.compact
# RUN: %e2e %s --schedule %S/Inputs/scalar_index.json --ref %S/scalar_index.py --function compact --workdir %t.compact.s0 -- -O0
# RUN: %e2e %s --schedule %S/Inputs/scalar_index.json --ref %S/scalar_index.py --function compact --workdir %t.compact.s3 -- -O3
# RUN: %e2e %s --schedule %S/Inputs/scalar_index.json --ref %S/scalar_index.py --function compact --target aarch64 --workdir %t.compact.a64
# RUN: %e2e %s --ref %S/scalar_index.py --function stepped --workdir %t.stepped
# RUN: %e2e %s --schedule %S/Inputs/scalar_index.json --ref %S/scalar_index.py --function stepped --workdir %t.stepped.s0 -- -O0
# RUN: %e2e %s --schedule %S/Inputs/scalar_index.json --ref %S/scalar_index.py --function stepped --workdir %t.stepped.s3 -- -O3
# RUN: %e2e %s --schedule %S/Inputs/scalar_index.json --ref %S/scalar_index.py --function stepped --target aarch64 --workdir %t.stepped.a64
# RUN: %e2e %s --ref %S/scalar_index.py --function histogram --workdir %t.histogram
# RUN: %e2e %s --schedule %S/Inputs/scalar_index.json --ref %S/scalar_index.py --function histogram --workdir %t.histogram.s0 -- -O0
# RUN: %e2e %s --schedule %S/Inputs/scalar_index.json --ref %S/scalar_index.py --function histogram --workdir %t.histogram.s3 -- -O3
# RUN: %e2e %s --schedule %S/Inputs/scalar_index.json --ref %S/scalar_index.py --function histogram --target aarch64 --workdir %t.histogram.a64
# RUN: %e2e %s --ref %S/scalar_index.py --function shrink --workdir %t.shrink
# RUN: %e2e %s --schedule %S/Inputs/scalar_index.json --ref %S/scalar_index.py --function shrink --workdir %t.shrink.s0 -- -O0
# RUN: %e2e %s --schedule %S/Inputs/scalar_index.json --ref %S/scalar_index.py --function shrink --workdir %t.shrink.s3 -- -O3
# RUN: %e2e %s --schedule %S/Inputs/scalar_index.json --ref %S/scalar_index.py --function shrink --target aarch64 --workdir %t.shrink.a64
# RUN: %e2e %s --ref %S/scalar_index.py --function first_above --workdir %t.first_above
# RUN: %e2e %s --schedule %S/Inputs/scalar_index.json --ref %S/scalar_index.py --function first_above --workdir %t.first_above.s0 -- -O0
# RUN: %e2e %s --schedule %S/Inputs/scalar_index.json --ref %S/scalar_index.py --function first_above --workdir %t.first_above.s3 -- -O3
# RUN: %e2e %s --schedule %S/Inputs/scalar_index.json --ref %S/scalar_index.py --function first_above --target aarch64 --workdir %t.first_above.a64
# RUN: %e2e %s --ref %S/scalar_index.py --function gather_scatter --workdir %t.gather_scatter
# RUN: %e2e %s --schedule %S/Inputs/scalar_index.json --ref %S/scalar_index.py --function gather_scatter --workdir %t.gather_scatter.s0 -- -O0
# RUN: %e2e %s --schedule %S/Inputs/scalar_index.json --ref %S/scalar_index.py --function gather_scatter --workdir %t.gather_scatter.s3 -- -O3
# RUN: %e2e %s --schedule %S/Inputs/scalar_index.json --ref %S/scalar_index.py --function gather_scatter --target aarch64 --workdir %t.gather_scatter.a64
# RUN: %e2e %s --ref %S/scalar_index.py --function row_sums --workdir %t.row_sums
# RUN: %e2e %s --schedule %S/Inputs/scalar_index.json --ref %S/scalar_index.py --function row_sums --workdir %t.row_sums.s0 -- -O0
# RUN: %e2e %s --schedule %S/Inputs/scalar_index.json --ref %S/scalar_index.py --function row_sums --workdir %t.row_sums.s3 -- -O3
# RUN: %e2e %s --schedule %S/Inputs/scalar_index.json --ref %S/scalar_index.py --function row_sums --target aarch64 --workdir %t.row_sums.a64
def copy_via_counter(a: int32[8]):
    out = output_tensor((8,), "int32")
    k = 0
    for i in range(8):
        out[k] = a[i]
        k = k + 1
    return out

def compact(a: int32[64]):
    out = output_tensor((64,), 'int32')
    count = output_tensor((1,), 'int32')
    k = 0
    for i in range(64):
        if a[i] > 0:
            out[k] = a[i]
            k += 1
    count[0] = k
    while k < 64:
        out[k] = -1
        k += 1
    return out, count

def stepped(a: int32[40]):
    out = output_tensor((40,), 'int32')
    for i in range(40):
        out[i] = 0
    k = 1
    step = 3
    for i in range(12):
        out[k] = out[k] + a[i]
        k += step
        if k >= 40:
            k = k - 40
    return out

def histogram(a: int32[16, 24]):
    h = output_tensor((8,), 'int32')
    for b in range(8):
        h[b] = 0
    for i in range(16):
        for j in range(24):
            t = a[i, j] % 8
            h[t] = h[t] + 1
    return h

def shrink(a: int32[40]):
    out = output_tensor((40,), 'int32')
    for i in range(40):
        out[i] = 0
    k = 40
    for i in range(k):
        k = k - 1
        out[i] = a[i] + k
    return out

def first_above(a: int32[12, 20], thr: int32):
    out = output_tensor((12,), 'int32')
    for r in range(12):
        out[r] = -1
        for k in range(20):
            if k == 0:
                out[r] = 100
            if a[r, k] > thr:
                out[r] = k
                break
    return out

def gather_scatter(a: float32[6, 32], offs: int32[6], idx: int32[6]):
    out = output_tensor((6, 48), 'float32')
    g = output_tensor((6, 32), 'float32')
    for i in range(6):
        for j in range(48):
            out[i, j] = 0.0
    for i in range(6):
        for j in range(32):
            out[i, j + offs[i]] = a[i, j] * 2.0
    for i in range(6):
        for j in range(32):
            g[idx[i], j] = a[i, j] + a[idx[i], 31 - j]
    return out, g

def row_sums(a: float32[16, 32]):
    out = output_tensor((16,), 'float32')
    part = allocate((4,), 'float32')
    for i in range(16):
        for p in range(4):
            part[p] = 0.0
        for j in range(32):
            part[j % 4] = part[j % 4] + a[i, j]
        s = 0.0
        for p in range(4):
            s = s + part[p]
        out[i] = s
    return out
