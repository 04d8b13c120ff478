# RUN: not %hybridc --syntax-only %s -s %S/Inputs/fail_sched_duplicate_key.json 2>&1 | FileCheck %s
# A key given twice is an error at the second, with a note at the first.
def scale(a: float32[16, 8], f: float32):
    b = output_tensor((16, 8), 'float32')
    for i in range(16):
        for j in range(8):
            b[i, j] = a[i, j] * f
    return b
# CHECK: fail_sched_duplicate_key.json:4:50: error: duplicate key 'factor' in this 'split' op [ScheduleDuplicateKey]
# CHECK-NEXT: {{^}} { "op": "split", "loop": "j", "factor": 4, "factor": 8 }
# CHECK-NEXT: {{^}} ^~~~~~~~
# CHECK: fail_sched_duplicate_key.json:4:37: note: 'factor' first appears here [NotePrevious]
# CHECK-NEXT: {{^}} { "op": "split", "loop": "j", "factor": 4, "factor": 8 }
# CHECK-NEXT: {{^}} ^~~~~~~~
# CHECK: fail_sched_duplicate_key.json:7:3: error: duplicate key 'scale' in the schedule file [ScheduleDuplicateKey]
# CHECK-NEXT: {{^}} "scale": {}
# CHECK-NEXT: {{^}} ^~~~~~~
# CHECK: fail_sched_duplicate_key.json:2:3: note: 'scale' first appears here [NotePrevious]
# CHECK-NEXT: {{^}} "scale": {
# CHECK-NEXT: {{^}} ^~~~~~~
# CHECK: 2 errors generated.
