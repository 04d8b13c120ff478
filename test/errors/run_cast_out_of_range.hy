# RUN: not %hybridc run %s --arg x=300.5 2>&1 | FileCheck %s
# A float-to-int conversion whose value does not fit is undefined in
# compiled code; hybridc run reports it.
def narrow(x: float32):
    b = output_tensor((1,), 'int8')
    b[0] = int8(x)
    return b
# CHECK: run_cast_out_of_range.hy:[[@LINE-2]]:5: error: the value 300.5 does not fit in int8 (a float-to-int conversion out of range) [RunCastOutOfRange]
# CHECK-NEXT: {{^}} b[0] = int8(x)
# CHECK-NEXT: {{^}} ^
# CHECK: 1 error generated.
