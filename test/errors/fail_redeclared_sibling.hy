# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# A name is declared once per def: a store in a sibling loop is a re-declaration.
def f(a: float32[5]):
    b = output_tensor((5,), 'float32')
    for i in range(5):
        t = a[i]
        b[i] = t
    for j in range(5):
        t = a[j] * 2.0
        b[j] = b[j] + t
    return b
# CHECK: fail_redeclared_sibling.hy:[[@LINE-3]]:9: error: 't' is declared again in another scope; a name is declared once per def [RedeclaredInSibling]
# CHECK: fail_redeclared_sibling.hy:[[@LINE-7]]:9: note: 't' is declared here [NoteDeclaredHere]
# CHECK: 1 error generated.
