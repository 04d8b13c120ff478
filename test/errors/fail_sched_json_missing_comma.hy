# RUN: not %hybridc --syntax-only %s -s %S/Inputs/fail_sched_json_missing_comma.json 2>&1 | FileCheck %s
# A JSON syntax error points at the offending character in the JSON file.
def scale(a: float32[16, 8], f: float32):
    b = output_tensor((16, 8), 'float32')
    for i in range(16):
        for j in range(8):
            b[i, j] = a[i, j] * f
    return b
# CHECK: fail_sched_json_missing_comma.json:5:7: error: invalid JSON: expected ',' or ']' after array element, found '{' [JsonSyntax]
# CHECK-NEXT: {{^}} { "op": "parallel", "loop": "i" }
# CHECK-NEXT: {{^}} ^
# CHECK: 1 error generated.
