# RUN: %hybridc %s -s %S/Inputs/pass_split_host_device.json --target cuda --print-after=final-simplify,split-host-device --emit-lowered=%t.txt 2>&1 | FileCheck %s
# split-host-device (cuda target): each top-level bound nest becomes a
# kernel with its grid/block extents; the host body is the launches.
def two_steps(n: int32, a: float32[n]):
    t = output_tensor((n,), 'float32')
    u = output_tensor((n,), 'float32')
    for i in range(n):
        t[i] = a[i] * 2.0
    for i in range(n):
        u[i] = t[i] + 1.0
    return t, u
# CHECK-LABEL: ; *** IR after final-simplify ***
# CHECK-LABEL: def two_steps(n: int32, a: float32[n]) -> (t: float32[n], u: float32[n]):
# CHECK-NEXT:   for i.outer in 0..(n + 127) // 128 bind("blockIdx.x"):
# CHECK-NEXT:     for i.inner in 0..128 bind("threadIdx.x"):
# CHECK-NEXT:       if likely(i.outer * 128 + i.inner < n):
# CHECK-NEXT:         t[i.outer * 128 + i.inner] = a[i.outer * 128 + i.inner] * 2.0
# CHECK-NEXT:   for i in 0..n bind("blockIdx.y"):
# CHECK-NEXT:     u[i] = t[i] + 1.0
# CHECK-LABEL: ; *** IR after split-host-device ***
# CHECK-LABEL: def two_steps(n: int32, a: float32[n]) -> (t: float32[n], u: float32[n]):
# CHECK-NEXT:   "cuda.launch:two_steps_k0"
# CHECK-NEXT:   "cuda.launch:two_steps_k1"
# CHECK-NEXT: kernel two_steps_k0(blockIdx.x < (n + 127) // 128, threadIdx.x < 128):
# CHECK-NEXT:   for i.outer in 0..(n + 127) // 128 bind("blockIdx.x"):
# CHECK-NEXT:     for i.inner in 0..128 bind("threadIdx.x"):
# CHECK-NEXT:       if likely(i.outer * 128 + i.inner < n):
# CHECK-NEXT:         t[i.outer * 128 + i.inner] = a[i.outer * 128 + i.inner] * 2.0
# CHECK-NEXT: kernel two_steps_k1(blockIdx.y < n):
# CHECK-NEXT:   for i in 0..n bind("blockIdx.y"):
# CHECK-NEXT:     u[i] = t[i] + 1.0
