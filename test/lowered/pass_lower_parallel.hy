# RUN: %hybridc %s -s %S/Inputs/pass_lower_parallel.json --function par --function nests --print-after=lower-parallel -o %t.o 2>&1 | FileCheck %s
# RUN: %hybridc %s --function chunks --print-after=lower-parallel -o %t.chunks.o 2>&1 | FileCheck %s --check-prefix=CHUNKS
# lower-parallel, the last pass on the CPU targets: every parallel loop is
# an `outlined parallel` statement with what its body uses from outside -
# scalars by value, a mutable variable the body assigns by address (&),
# the buffers bound outside; not the loop's own variable, what the body
# declares or allocates. A def with more than 16
# top-level loops gets each serial one outlined, a top-level block longer
# than 1,024 statements is outlined in chunks of 512.
def par(n: int32, a: float32[n, 8]):
    c = output_tensor((n, 8), 'float32')
    s = output_tensor((n,), 'float32')
    base = a[0, 0]
    for i in range(n):
        t = allocate((8,), 'float32')
        acc = base
        for j in range(8):
            t[j] = a[i, j] * 2.0
            acc += t[j]
        for j in range(8):
            c[i, j] = t[j] + acc
        s[i] = acc
    return c, s
# CHECK-LABEL: ; *** IR after lower-parallel ***
# CHECK-LABEL: def par(n: int32, a: float32[n, 8]) -> (c: float32[n, 8], s: float32[n]):
# CHECK-NEXT:   var base: float32
# CHECK-NEXT:   base = a[0]
# CHECK-NEXT:   outlined parallel i(base) buffers(a, c, s):
# CHECK-NEXT:     for i in 0..n parallel:
# CHECK-NEXT:       allocate t: float32[8] global
# CHECK-NEXT:       var acc: float32
# CHECK-NEXT:       acc = base
# CHECK-NEXT:       for j in 0..8 serial:
# CHECK-NEXT:         t[int64(j)] = a[int64(i) * 8 + int64(j)] * 2.0
# CHECK-NEXT:         acc = acc + t[int64(j)]
# CHECK-NEXT:       for j in 0..8 serial:
# CHECK-NEXT:         c[int64(i) * 8 + int64(j)] = t[int64(j)] + acc
# CHECK-NEXT:       s[int64(i)] = acc

def nests(a: float32[4]):
    b = output_tensor((17, 4), 'float32')
    for i in range(4):
        b[0, i] = a[i]
    for i in range(4):
        b[1, i] = a[i]
    for i in range(4):
        b[2, i] = a[i]
    for i in range(4):
        b[3, i] = a[i]
    for i in range(4):
        b[4, i] = a[i]
    for i in range(4):
        b[5, i] = a[i]
    for i in range(4):
        b[6, i] = a[i]
    for i in range(4):
        b[7, i] = a[i]
    for i in range(4):
        b[8, i] = a[i]
    for i in range(4):
        b[9, i] = a[i]
    for i in range(4):
        b[10, i] = a[i]
    for i in range(4):
        b[11, i] = a[i]
    for i in range(4):
        b[12, i] = a[i]
    for i in range(4):
        b[13, i] = a[i]
    for i in range(4):
        b[14, i] = a[i]
    for i in range(4):
        b[15, i] = a[i]
    for i in range(4):
        b[16, i] = a[i]
    return b
# CHECK-LABEL: ; *** IR after lower-parallel ***
# CHECK-LABEL: def nests(a: float32[4]) -> (b: float32[17, 4]):
# CHECK-NEXT:   outlined i() buffers(b, a):
# CHECK-NEXT:     for i in 0..4 serial:
# CHECK-NEXT:       b[int64(i)] = a[int64(i)]
# CHECK-NEXT:   outlined i() buffers(b, a):
# CHECK-NEXT:     for i in 0..4 serial:
# CHECK-NEXT:       b[4 + int64(i)] = a[int64(i)]
# CHECK-NEXT:   outlined i() buffers(b, a):
# CHECK-NEXT:     for i in 0..4 serial:
# CHECK-NEXT:       b[8 + int64(i)] = a[int64(i)]
# CHECK-NEXT:   outlined i() buffers(b, a):
# CHECK-NEXT:     for i in 0..4 serial:
# CHECK-NEXT:       b[12 + int64(i)] = a[int64(i)]
# CHECK-NEXT:   outlined i() buffers(b, a):
# CHECK-NEXT:     for i in 0..4 serial:
# CHECK-NEXT:       b[16 + int64(i)] = a[int64(i)]
# CHECK-NEXT:   outlined i() buffers(b, a):
# CHECK-NEXT:     for i in 0..4 serial:
# CHECK-NEXT:       b[20 + int64(i)] = a[int64(i)]
# CHECK-NEXT:   outlined i() buffers(b, a):
# CHECK-NEXT:     for i in 0..4 serial:
# CHECK-NEXT:       b[24 + int64(i)] = a[int64(i)]
# CHECK-NEXT:   outlined i() buffers(b, a):
# CHECK-NEXT:     for i in 0..4 serial:
# CHECK-NEXT:       b[28 + int64(i)] = a[int64(i)]
# CHECK-NEXT:   outlined i() buffers(b, a):
# CHECK-NEXT:     for i in 0..4 serial:
# CHECK-NEXT:       b[32 + int64(i)] = a[int64(i)]
# CHECK-NEXT:   outlined i() buffers(b, a):
# CHECK-NEXT:     for i in 0..4 serial:
# CHECK-NEXT:       b[36 + int64(i)] = a[int64(i)]
# CHECK-NEXT:   outlined i() buffers(b, a):
# CHECK-NEXT:     for i in 0..4 serial:
# CHECK-NEXT:       b[40 + int64(i)] = a[int64(i)]
# CHECK-NEXT:   outlined i() buffers(b, a):
# CHECK-NEXT:     for i in 0..4 serial:
# CHECK-NEXT:       b[44 + int64(i)] = a[int64(i)]
# CHECK-NEXT:   outlined i() buffers(b, a):
# CHECK-NEXT:     for i in 0..4 serial:
# CHECK-NEXT:       b[48 + int64(i)] = a[int64(i)]
# CHECK-NEXT:   outlined i() buffers(b, a):
# CHECK-NEXT:     for i in 0..4 serial:
# CHECK-NEXT:       b[52 + int64(i)] = a[int64(i)]
# CHECK-NEXT:   outlined i() buffers(b, a):
# CHECK-NEXT:     for i in 0..4 serial:
# CHECK-NEXT:       b[56 + int64(i)] = a[int64(i)]
# CHECK-NEXT:   outlined i() buffers(b, a):
# CHECK-NEXT:     for i in 0..4 serial:
# CHECK-NEXT:       b[60 + int64(i)] = a[int64(i)]
# CHECK-NEXT:   outlined i() buffers(b, a):
# CHECK-NEXT:     for i in 0..4 serial:
# CHECK-NEXT:       b[64 + int64(i)] = a[int64(i)]

def chunks(a: float32[1100]):
    b = output_tensor((1100,), 'float32')
    for k in const_range(1100):
        b[k] = a[k] + 1.0
    return b
# CHUNKS-LABEL: ; *** IR after lower-parallel ***
# CHUNKS-NEXT: def chunks(a: float32[1100]) -> (b: float32[1100]):
# CHUNKS-NEXT:   outlined chunk0() buffers(b, a):
# CHUNKS-NEXT:     b[0] = a[0] + 1.0
# CHUNKS:          b[511] = a[511] + 1.0
# CHUNKS-NEXT:   outlined chunk1() buffers(b, a):
# CHUNKS-NEXT:     b[512] = a[512] + 1.0
# CHUNKS:          b[1023] = a[1023] + 1.0
# CHUNKS-NEXT:   outlined chunk2() buffers(b, a):
# CHUNKS-NEXT:     b[1024] = a[1024] + 1.0
# CHUNKS:          b[1099] = a[1099] + 1.0
# CHUNKS-NOT:    outlined
