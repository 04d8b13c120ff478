# RUN: not %hybridc %s --function malloc -o %t.o 2>&1 | FileCheck %s
# RUN: not %hybridc %s --function auto -o %t.o 2>&1 | FileCheck %s --check-prefix=KEYWORD
# RUN: %hybridc %s --function auto --symbol-prefix my_ -o %t.o --emit-header
# RUN: not %hybridc %s --target cuda --function f --function f_on_stream -o %t.o 2>&1 | FileCheck %s --check-prefix=CUDA
# A kernel's symbol may not be a C library or runtime symbol the object
# links against (malloc here), nor a C or C++ keyword (no C code could
# call it; a --symbol-prefix makes it a plain name), nor, on the cuda
# target, another def's NAME_on_stream.
def malloc(a: float32[4]):
    b = output_tensor((4,), 'float32')
    for i in range(4):
        b[i] = a[i]
    return b

def auto(a: float32[4]):
    b = output_tensor((4,), 'float32')
    for i in range(4):
        b[i] = a[i]
    return b

def f(a: float32[64]):
    b = output_tensor((64,), 'float32')
    for i in bind('threadIdx.x', 64):
        b[i] = a[i]
    return b

def f_on_stream(a: float32[64]):
    b = output_tensor((64,), 'float32')
    for i in bind('threadIdx.x', 64):
        b[i] = a[i]
    return b
# CHECK: fail_kernel_symbol.hy:[[@LINE-23]]:5: error: the kernel symbol 'malloc' is reserved (a C library or hybridc runtime symbol the object uses); rename the def or add a --symbol-prefix [ReservedKernelName]
# CHECK-NEXT: {{^}} def malloc(a: float32[4]):
# CHECK-NEXT: {{^}} ^
# CHECK: 1 error generated.
# CUDA: fail_kernel_symbol.hy:27:5: error: the kernel symbol 'f_on_stream' is also the cuda target's stream variant of def 'f'; rename one of them [KernelNameTaken]
# CUDA: 1 error generated.
# KEYWORD: fail_kernel_symbol.hy:[[@LINE-23]]:5: error: the kernel name 'auto' is a C or C++ keyword, which C code cannot call; rename the def or add a --symbol-prefix [KernelNameKeyword]
# KEYWORD: 1 error generated.
