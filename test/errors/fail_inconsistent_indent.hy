# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# A dedent must return to an enclosing indentation level.
def f(a: float32[10]):
    b = output_tensor((10,), 'float32')
    for i in range(10):
        b[i] = a[i]
      b[0] = 0.0
    return b
# CHECK: fail_inconsistent_indent.hy:[[@LINE-2]]:7: error: unindent does not match any outer indentation level [InconsistentIndent]
# CHECK: 1 error generated.
