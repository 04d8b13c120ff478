# RUN: not %hybridc run %s --arg n=3 2>&1 | FileCheck %s
# A write outside an output is reported with the index and the shape; the
# scheduled run (--scheduled) checks the scheduled loop nest the same way.
def fill(n: int32):
    b = output_tensor((2, 3), 'int32')
    for i in range(2):
        for j in range(n + 1):
            b[i, j] = i * 10 + j
    return b
# CHECK: run_out_of_bounds_write.hy:[[@LINE-2]]:13: error: out-of-bounds write of 'b': index [0, 3] is outside its shape [2, 3] [RunOutOfBounds]
# CHECK-NEXT: {{^}} b[i, j] = i * 10 + j
# CHECK-NEXT: {{^}} ^
# CHECK: 1 error generated.
