# RUN: not %hybridc %s -s %S/Inputs/fail_schedule_illegal_vectorize.json --emit-lowered=- 2>&1 | FileCheck %s
# vectorize of a reduction: every iteration updates b[i].
def row_sum(a: float32[8, 4]):
    b = output_tensor((8,), 'float32')
    for i in range(8):
        b[i] = 0.0
        for j in range(4):
            b[i] += a[i, j]
    return b
# CHECK: fail_schedule_illegal_vectorize.json:4:35: error: cannot vectorize loop 'j': every iteration writes the same element b[i] [ScheduleIllegalParallel]
# CHECK: fail_schedule_illegal_vectorize.hy:8:13: note: b[i] is written here [NotePrevious]
# CHECK: fail_schedule_illegal_vectorize.json:4:35: note: b[i] accumulates across iterations (a reduction); hybridc does not parallelize or vectorize reductions yet [NoteHint]
# CHECK: 1 error generated.
