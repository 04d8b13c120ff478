# RUN: rm -rf %t && mkdir -p %t && cp %s %t/k.hy
# RUN: not %hybridc %t/k.hy -o %t/k.hy 2>&1 | FileCheck %s
# RUN: grep -q "def f" %t/k.hy
# Writing the output over an input is refused, and the input is untouched.
def f(a: float32[8]):
    b = output_tensor((8,), 'float32')
    for i in range(8):
        b[i] = a[i]
    return b
# CHECK: {{^}}hybridc: error: output file '{{.*}}k.hy' is the same as an input file [OutputIsInput]
