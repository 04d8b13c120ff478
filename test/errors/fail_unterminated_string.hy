# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# A string must end on its line (triple-quoted strings may span lines).
def f(a: float32[10]):
    """A docstring
    over two lines is fine."""
    b = output_tensor((10,), 'float32)
    for i in range(10):
        b[i] = a[i]
    return b
# CHECK: fail_unterminated_string.hy:[[@LINE-4]]:30: error: unterminated string literal [UnterminatedString]
# CHECK: 1 error generated.
