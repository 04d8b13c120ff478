# RUN: not %hybridc --syntax-only %s -s %S/Inputs/fail_sched_bad_loops.json 2>&1 | FileCheck %s
# "loops" must be a non-empty array of distinct loop names.
def scale(a: float32[16, 8], f: float32):
    b = output_tensor((16, 8), 'float32')
    for i in range(16):
        for j in range(8):
            b[i, j] = a[i, j] * f
    return b
# CHECK: fail_sched_bad_loops.json:4:32: error: "loops" must be a non-empty array of loop names, got an array [ScheduleValueType]
# CHECK: fail_sched_bad_loops.json:5:46: error: loop 'j' is listed twice [ScheduleLoopListedTwice]
# CHECK: fail_sched_bad_loops.json:5:36: note: 'j' first listed here [NotePrevious]
# CHECK: 2 errors generated.
