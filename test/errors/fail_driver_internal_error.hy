# RUN: not %hybridc --syntax-only --debug-ice %s 2>&1 | FileCheck %s
# RUN: bash -c '%hybridc --syntax-only --debug-ice %s 2>/dev/null; test $? -eq 70'
# A compiler bug takes the internal-error channel: its own message, the phase,
# exit status 70 (not 1, and never a signal).
def f(a: float32[4]):
    b = output_tensor((4,), 'float32')
    for i in range(4):
        b[i] = a[i]
    return b
# CHECK: {{^}}hybridc: internal compiler error in debug-ice: {{.*}}raised on request by --debug-ice
# CHECK-NEXT: {{^}}Please report this bug.
# CHECK-NOT: error generated
