# RUN: not %hybridc %s -s %S/Inputs/fail_schedule_illegal_vectorize.json --emit-lowered=- 2>&1 | FileCheck %s
# vectorize of an update that is not a recognised reduction (b[i] is read
# again by the update's operand): every iteration updates b[i].
def row_sum(a: float32[8, 4]):
    b = output_tensor((8,), 'float32')
    for i in range(8):
        b[i] = 1.0
        for j in range(4):
            b[i] += a[i, j] * b[i]
    return b
# CHECK: fail_schedule_illegal_vectorize.json:4:35: error: cannot vectorize loop 'j': every iteration writes the same element b[i]; e.g. j = 0 writes b[0] and then j = 1 writes it (with i = 0) [ScheduleIllegalParallel]
# CHECK: fail_schedule_illegal_vectorize.hy:9:13: note: b[i] is written here [NotePrevious]
# CHECK: fail_schedule_illegal_vectorize.json:4:35: note: b[i] accumulates across iterations (a reduction); hybridc vectorizes `x = x op e` reductions (op + * min max) but parallelizes none [NoteHint]
# CHECK: 1 error generated.
