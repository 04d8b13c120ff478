# RUN: not %hybridc %s -s %S/Inputs/fail_sched_op_keys.json --syntax-only 2>&1 | FileCheck %s
# An op's keys: "factor" and "nparts" exclude each other, 'tile' takes one
# factor per loop, a loop name is not empty.
def scale(a: float32[8, 8]):
    b = output_tensor((8, 8), 'float32')
    for i in range(8):
        for j in range(8):
            b[i, j] = a[i, j] * 2.0
    return b
# CHECK: fail_sched_op_keys.json:4:49: error: 'split' takes "factor" or "nparts", not both [ScheduleExclusiveKeys]
# CHECK-NEXT: {{^}} {"op": "split", "loop": "i", "factor": 4, "nparts": 2},
# CHECK-NEXT: {{^}} ^~~~~~~~
# CHECK: fail_sched_op_keys.json:5:54: error: 'tile' needs one factor per loop: 2 loops but 1 factor [ScheduleTileFactors]
# CHECK-NEXT: {{^}} {"op": "tile", "loops": ["i", "j"], "factors": [4]},
# CHECK-NEXT: {{^}} ^~~
# CHECK: fail_sched_op_keys.json:6:34: error: "loop" must not be empty [ScheduleEmptyValue]
# CHECK-NEXT: {{^}} {"op": "parallel", "loop": ""}
# CHECK-NEXT: {{^}} ^~
# CHECK: 3 errors generated.
