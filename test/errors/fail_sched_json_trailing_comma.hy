# RUN: not %hybridc --syntax-only %s -s %S/Inputs/fail_sched_json_trailing_comma.json 2>&1 | FileCheck %s
# A trailing comma is not JSON.
def scale(a: float32[16, 8], f: float32):
    b = output_tensor((16, 8), 'float32')
    for i in range(16):
        for j in range(8):
            b[i, j] = a[i, j] * f
    return b
# CHECK: fail_sched_json_trailing_comma.json:4:40: error: invalid JSON: trailing comma before ']' [JsonSyntax]
# CHECK: 1 error generated.
