# RUN: not %hybridc --syntax-only %s -s %S/Inputs/fail_sched_json_comment.json 2>&1 | FileCheck %s
# Comments are not JSON, even in a schedule file.
def scale(a: float32[16, 8], f: float32):
    b = output_tensor((16, 8), 'float32')
    for i in range(16):
        for j in range(8):
            b[i, j] = a[i, j] * f
    return b
# CHECK: fail_sched_json_comment.json:2:3: error: invalid JSON: comments are not allowed in JSON [JsonSyntax]
# CHECK: 1 error generated.
