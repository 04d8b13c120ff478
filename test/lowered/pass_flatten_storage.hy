# RUN: %hybridc %s -s %S/Inputs/pass_flatten_storage.json --print-after=flatten-storage -o %t.o 2>&1 | FileCheck %s
# RUN: %hybridc %s -s %S/Inputs/pass_flatten_storage.json --target cuda --function gpu --print-after=flatten-storage -o %t.cuda.o 2>&1 | FileCheck %s --check-prefix=CUDA
# flatten-storage, the last pass: every access gets one int64 element
# offset from its buffer's strides. A symbolic stride that is not a
# variable is bound once by a let (at the top for an argument, inside the
# allocation for an allocate); a strided input's strides are its
# parameters; a contiguous vector access keeps a stride-1 ramp, any other
# vector access gets its per-lane offsets (a gather).
def dense(n: int32, m: int32, a: float32[n, m, 4]):
    c = output_tensor((n, m), 'float32')
    for i in range(n):
        t = allocate((4, m), 'float32')
        for j in range(m):
            for k in range(4):
                t[k, j] = a[i, j, k] * 2.0
        for j in range(m):
            c[i, j] = t[0, j] + t[3, j]
    return c
# CHECK-LABEL: ; *** IR after flatten-storage ***
# CHECK-LABEL: def dense(n: int32, m: int32, a: float32[n, m, 4]) -> (c: float32[n, m]):
# CHECK-NEXT:   let a.stride0 = 4 * int64(m)
# CHECK-NEXT:   let c.stride0 = int64(m)
# CHECK-NEXT:   for i in 0..n serial:
# CHECK-NEXT:     allocate t: float32[4, m] global
# CHECK-NEXT:     let t.stride0 = int64(m)
# CHECK-NEXT:     for j in 0..m serial:
# CHECK-NEXT:       for k in 0..4 serial:
# CHECK-NEXT:         t[int64(k) * t.stride0 + int64(j)] = a[int64(i) * a.stride0 + int64(j) * 4 + int64(k)] * 2.0
# CHECK-NEXT:     for j in 0..m serial:
# CHECK-NEXT:       c[int64(i) * c.stride0 + int64(j)] = t[int64(j)] + t[3 * t.stride0 + int64(j)]

def strided(n: int32, a: float32[n, 8]):
    c = output_tensor((n, 8), 'float32')
    for i in range(n):
        for j in range(8):
            c[i, j] = a[i, j] + 1.0
    return c
# CHECK-LABEL: ; *** IR after flatten-storage ***
# CHECK-LABEL: def strided(n: int32, a: float32[n, 8] strided) -> (c: float32[n, 8]):
# CHECK-NEXT:   for i in 0..n serial:
# CHECK-NEXT:     for j in 0..8 serial:
# CHECK-NEXT:       c[int64(i) * 8 + int64(j)] = a[int64(i) * a.stride0 + int64(j) * a.stride1] + 1.0

def vectors(a: float32[16, 16]):
    c = output_tensor((16, 16), 'float32')
    d = output_tensor((16, 16), 'float32')
    for i in range(16):
        for j in range(16):
            c[i, j] = a[i, j] * 2.0
            d[j, i] = a[i, j]
    return c, d
# CHECK-LABEL: ; *** IR after flatten-storage ***
# CHECK-LABEL: def vectors(a: float32[16, 16]) -> (c: float32[16, 16], d: float32[16, 16]):
# CHECK-NEXT:   for i in 0..16 serial:
# CHECK-NEXT:     c[ramp(int64(i) * 16, 1, 16)] = a[ramp(int64(i) * 16, 1, 16)] * broadcast(2.0, 16)
# CHECK-NEXT:     d[int64x16(ramp(0, 1, 16)) * broadcast(16, 16) + broadcast(int64(i), 16)] = a[ramp(int64(i) * 16, 1, 16)]

def gpu(n: int32, a: float32[n, 4]):
    c = output_tensor((n, 4), 'float32')
    for i in range(n):
        for j in range(4):
            c[i, j] = a[i, j] + 1.0
    return c
# CHECK-LABEL: ; *** IR after flatten-storage ***
# CHECK-LABEL: def gpu(n: int32, a: float32[n, 4]) -> (c: float32[n, 4]):
# CHECK-NEXT:   for i in 0..n bind("blockIdx.x"):
# CHECK-NEXT:     for j in 0..4 bind("threadIdx.x"):
# CHECK-NEXT:       c[int64(i) * 4 + int64(j)] = a[int64(i) * 4 + int64(j)] + 1.0
# CUDA-LABEL: ; *** IR after flatten-storage ***
# CUDA-NEXT: def gpu(n: int32, a: float32[n, 4]) -> (c: float32[n, 4]):
# CUDA-NEXT:   "cuda.launch:gpu_k0"
# CUDA-NEXT: kernel gpu_k0(blockIdx.x < n, threadIdx.x < 4):
# CUDA-NEXT:   for i in 0..n bind("blockIdx.x"):
# CUDA-NEXT:     for j in 0..4 bind("threadIdx.x"):
# CUDA-NEXT:       c[int64(i) * 4 + int64(j)] = a[int64(i) * 4 + int64(j)] + 1.0
