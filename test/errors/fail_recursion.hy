# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# Defs are inlined: recursion, direct or mutual, is an error.
def f(a: float32[4]):
    b = g(a)
    return b

def g(a: float32[4]):
    b = f(a)
    return b
# CHECK: fail_recursion.hy:[[@LINE-2]]:9: error: recursive call to 'f'; hybrid script defs are inlined and cannot recurse [Recursion]
# CHECK: fail_recursion.hy:[[@LINE-7]]:9: note: called from here [NoteCallChain]
# CHECK: 1 error generated.
