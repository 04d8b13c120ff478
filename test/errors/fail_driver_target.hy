# RUN: rm -rf %t && mkdir -p %t && touch %t/stale.o
# RUN: not %hybridc %s -o %t/stale.o --target sparc-nope-nope 2>&1 | FileCheck %s
# RUN: not test -e %t/stale.o
# An unknown target is an error without a location; a failed compile leaves
# no output behind, not even a stale one from an earlier run.
def f(a: float32[8]):
    b = output_tensor((8,), 'float32')
    for i in range(8):
        b[i] = a[i]
    return b
# CHECK: {{^}}hybridc: error: unsupported target 'sparc-nope-nope' (sparc-nope-nope): hybridc generates code for x86_64, aarch64 and nvptx64 [UnsupportedTarget]
