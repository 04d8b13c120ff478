# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# for loops iterate over loop builtins; unroll/vectorize need constant extents; grid binds one var per extent.
def f(n: int32, a: float32[n]):
    b = output_tensor((n,), 'float32')
    for i in vectorize(n):
        b[i] = a[i]
    for i, j in grid(n):
        b[i] = a[i]
    for i in a:
        b[i] = a[i]
    for i in range(1.5):
        b[0] = a[0]
    x = range(4)
    return b
# CHECK: fail_bad_loop.hy:[[@LINE-10]]:14: error: 'vectorize' needs a compile-time constant extent; use range() for a loop whose extent is only known at run time [LoopExtentNotConst]
# CHECK: fail_bad_loop.hy:[[@LINE-9]]:5: error: grid() with 1 extent(s) binds 1 loop variable(s), but 2 are given [LoopVarCount]
# CHECK: fail_bad_loop.hy:[[@LINE-8]]:14: error: a for loop iterates over range(), serial(), unroll(), parallel(), vectorize(), const_range(), bind() or grid(), not 'a' [NotALoopIterator]
# CHECK: fail_bad_loop.hy:[[@LINE-7]]:20: error: loop bounds must be integer scalars, got float32 [LoopBoundType]
# CHECK: fail_bad_loop.hy:[[@LINE-6]]:9: error: 'range' can only be the iterator of a for loop [IteratorOutsideFor]
# CHECK: 5 errors generated.
