# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# A line indented deeper than its block, with no header opening a block.
def f(a: float32[10]):
    b = output_tensor((10,), 'float32')
        for i in range(10):
            b[i] = a[i]
    return b
# CHECK: fail_unexpected_indent.hy:[[@LINE-3]]:9: error: unexpected indent [UnexpectedIndent]
# CHECK: 1 error generated.
