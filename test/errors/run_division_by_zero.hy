# RUN: not %hybridc run %s --arg a=rand --arg d=0 2>&1 | FileCheck %s
# Integer division (//, %) by zero stops the run at the statement.
def divide(a: int32[8], d: int32):
    b = output_tensor((8,), 'int32')
    for i in range(8):
        b[i] = a[i] // d + a[i] % 3
    return b
# CHECK: run_division_by_zero.hy:[[@LINE-2]]:9: error: integer division by zero [RunDivisionByZero]
# CHECK-NEXT: {{^}} b[i] = a[i] // d + a[i] % 3
# CHECK-NEXT: {{^}} ^
# CHECK: 1 error generated.
