# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# Module constants are compile-time values, assigned once.
N = 16
X = foo + 1
N = 8
Z = N // 0
def f(a: float32[N]):
    out = output_tensor((N,), 'float32')
    for i in range(N):
        out[i] = a[i]
    return out
# CHECK: fail_module_constant.hy:[[@LINE-8]]:5: error: module constant 'X' must be a compile-time value: numbers, strings, True/False, arithmetic on them and on earlier module constants; 'foo' is not an earlier module constant [ModuleConstValue]
# CHECK: fail_module_constant.hy:[[@LINE-8]]:1: error: module constant 'N' is assigned twice [ModuleConstTwice]
# CHECK: fail_module_constant.hy:[[@LINE-8]]:5: error: module constant 'Z' must be a compile-time value: numbers, strings, True/False, arithmetic on them and on earlier module constants; it divides by zero [ModuleConstValue]
# CHECK: 3 errors generated.
