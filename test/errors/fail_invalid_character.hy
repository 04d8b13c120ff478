# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# Characters outside Python's syntax are reported once per run of bad
# characters; the parser says nothing more about that line.
def f(a: float32[10]):
    b = output_tensor((10,), 'float32')
    for i in range(10):
        b[i] = a[i] $ 2.0
        b[i] = a[i] × 2.0
    return b
# CHECK: fail_invalid_character.hy:[[@LINE-3]]:21: error: invalid character '$' in source [InvalidCharacter]
# CHECK: fail_invalid_character.hy:[[@LINE-3]]:21: error: invalid character 'U+00D7' in source [InvalidCharacter]
# CHECK: 2 errors generated.
