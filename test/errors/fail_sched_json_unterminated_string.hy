# RUN: not %hybridc --syntax-only %s -s %S/Inputs/fail_sched_json_unterminated_string.json 2>&1 | FileCheck %s
# An unterminated string is reported at its opening quote.
def scale(a: float32[16, 8], f: float32):
    b = output_tensor((16, 8), 'float32')
    for i in range(16):
        for j in range(8):
            b[i, j] = a[i, j] * f
    return b
# CHECK: fail_sched_json_unterminated_string.json:4:35: error: invalid JSON: unterminated string [JsonSyntax]
# CHECK-NEXT: {{^}} { "op": "parallel", "loop": "i }
# CHECK-NEXT: {{^}} ^~~~
# CHECK: 1 error generated.
