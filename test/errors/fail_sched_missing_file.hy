# RUN: not %hybridc --syntax-only %s -s %S/Inputs/no_such_schedule.json 2>&1 | FileCheck %s
# A schedule file that cannot be read is an error without a location.
def scale(a: float32[16, 8], f: float32):
    b = output_tensor((16, 8), 'float32')
    for i in range(16):
        for j in range(8):
            b[i, j] = a[i, j] * f
    return b
# CHECK: {{^}}hybridc: error: cannot open '{{.*}}Inputs/no_such_schedule.json': No such file or directory [CannotOpenFile]
# CHECK-NEXT: {{^}}1 error generated.
