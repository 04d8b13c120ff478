# RUN: not %hybridc %s -o %S/Inputs/no_such_dir/k.o 2>&1 | FileCheck %s
def f(a: float32[8]):
    b = output_tensor((8,), 'float32')
    for i in range(8):
        b[i] = a[i]
    return b
# CHECK: {{^}}hybridc: error: cannot write '{{.*}}no_such_dir/k.o': {{.*}} [CannotWriteFile]
