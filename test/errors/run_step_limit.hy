# RUN: not %hybridc run %s --arg x=7 --max-steps 1000 2>&1 | FileCheck %s
# --max-steps bounds the run: this while loop never ends for x = 7.
def spin(x: int32):
    b = output_tensor((1,), 'int32')
    k = x
    while k != 0:
        k = k + 2
        if k > 100:
            k = 1
    b[0] = k
    return b
# CHECK: run_step_limit.hy:[[@LINE-6]]:5: error: stopped after 1000 loop iterations (--max-steps) [RunStepLimit]
# CHECK-NEXT: {{^}} while k != 0:
# CHECK-NEXT: {{^}} ^
# CHECK: 1 error generated.
