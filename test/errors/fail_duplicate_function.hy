# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# Two defs with the same name: the second is reported and dropped.
def f(a: float32[10]):
    return a

def g(a: float32[10]):
    return a

def f(b: float32[10]):
    return b
# CHECK: fail_duplicate_function.hy:[[@LINE-2]]:5: error: redefinition of def 'f' [DuplicateFunction]
# CHECK: fail_duplicate_function.hy:[[@LINE-9]]:5: note: 'f' is defined here [NoteDefinedHere]
# CHECK: 1 error generated.
