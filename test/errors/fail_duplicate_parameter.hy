# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# A parameter name may appear once.
def f(a: float32[10], n: int32, a: float32[10]):
    return a
# CHECK: fail_duplicate_parameter.hy:[[@LINE-2]]:33: error: duplicate parameter 'a' in def 'f' [DuplicateParameter]
# CHECK: fail_duplicate_parameter.hy:[[@LINE-3]]:7: note: 'a' is declared here [NoteDeclaredHere]
# CHECK: 1 error generated.
