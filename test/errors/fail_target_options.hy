# Every target option is checked before any work, each problem its own
# diagnostic kind (no location: options have none), and a failed compile
# writes nothing. The last case gets through the option checks and fails
# inside LLVM (a float kernel calling expf with SSE switched off on x86-64):
# reported at the def LLVM was compiling.
# RUN: rm -rf %t && mkdir -p %t
# RUN: not %hybridc %s -o %t/k.o --target bogus 2>&1 | FileCheck %s --check-prefix=TARGET
# RUN: not %hybridc %s -o %t/k.o --target riscv64-linux-gnu 2>&1 | FileCheck %s --check-prefix=OTHERARCH
# RUN: not %hybridc %s -o %t/k.o --target aarch64 --mcpu native 2>&1 | FileCheck %s --check-prefix=NATIVE
# RUN: not %hybridc %s -o %t/k.o --target x86_64 --mcpu bogus 2>&1 | FileCheck %s --check-prefix=CPU
# RUN: not %hybridc %s -o %t/k.o --target x86_64 --mattr=avx2 2>&1 | FileCheck %s --check-prefix=SYNTAX
# RUN: not %hybridc %s -o %t/k.o --target x86_64 --mattr=+warp-drive 2>&1 | FileCheck %s --check-prefix=FEATURE
# RUN: not %hybridc %s -o %t/k.o --target x86_64 --mcpu i386 2>&1 | FileCheck %s --check-prefix=NO64
# RUN: not %hybridc %s -o %t/k.o --target x86_64 --mattr=-64bit 2>&1 | FileCheck %s --check-prefix=NO64ATTR
# RUN: not %hybridc %s -o %t/k.o --target cuda --host-target cuda 2>&1 | FileCheck %s --check-prefix=CUDAHOST
# RUN: not %hybridc %s -o %t/k.o --host-target aarch64 2>&1 | FileCheck %s --check-prefix=HOSTONLY
# RUN: not %hybridc %s -o %t/k.o --target x86_64 --mattr=-sse,-sse2 2>&1 | FileCheck %s --check-prefix=LLVM
# RUN: not test -e %t/k.o
def f(a: float32[8]):
    b = output_tensor((8,), 'float32')
    for i in range(8):
        b[i] = exp(a[i])
    return b
# TARGET: {{^}}hybridc: error: unknown target 'bogus' (expected host, x86_64, aarch64, cuda or an LLVM triple) [UnknownTarget]
# OTHERARCH: {{^}}hybridc: error: unsupported target 'riscv64-linux-gnu' (riscv64-unknown-linux-gnu): hybridc generates code for x86_64, aarch64 and nvptx64 [UnsupportedTarget]
# NATIVE: {{^}}hybridc: error: --mcpu native needs a target of this machine's architecture ({{.*}}), not aarch64 [NativeCpuOtherArch]
# CPU: {{^}}hybridc: error: unknown CPU 'bogus' for target x86_64-unknown-linux-gnu (llc-19 -mtriple=x86_64-unknown-linux-gnu -mcpu=help lists the valid ones) [UnknownCpu]
# SYNTAX: {{^}}hybridc: error: bad --mattr entry 'avx2': expected +feature or -feature [BadFeatureSyntax]
# FEATURE: {{^}}hybridc: error: unknown feature 'warp-drive' for target x86_64-unknown-linux-gnu [UnknownFeature]
# NO64: {{^}}hybridc: error: the CPU 'i386' has no 64-bit mode, which the target x86_64-unknown-linux-gnu needs [CpuWithout64Bit]
# NO64ATTR: {{^}}hybridc: error: the CPU 'x86-64' with --mattr -64bit has no 64-bit mode, which the target x86_64-unknown-linux-gnu needs [CpuWithout64Bit]
# CUDAHOST: {{^}}hybridc: error: --host-target: the host of the cuda target is a CPU (x86_64 or aarch64), not 'cuda' [CudaHostNotCpu]
# HOSTONLY: {{^}}hybridc: error: --host-target is the cuda target's (--target cuda) [HostTargetWithoutCuda]
# LLVM: fail_target_options.hy:[[@LINE-15]]:5: error: code generation failed: LLVM: SSE register return with SSE disabled [TargetError]
# LLVM-NEXT: {{^}}    def f(a: float32[8]):
# LLVM-NEXT: {{^}}        ^
