# RUN: not %hybridc %s -s %S/Inputs/fail_schedule_illegal_accumulator.json --emit-lowered=- 2>&1 | FileCheck %s
# parallel over the k loop carries the scalar accumulator acc.
def matmul(a: float32[64, 32], b: float32[32, 48]):
    c = output_tensor((64, 48), 'float32')
    for i in range(64):
        for j in range(48):
            acc = 0.0
            for k in range(32):
                acc += a[i, k] * b[k, j]
            c[i, j] = acc
    return c
# CHECK: fail_schedule_illegal_accumulator.json:4:34: error: cannot parallelize loop 'k': scalar 'acc' is declared outside the loop and assigned in every iteration [ScheduleIllegalParallel]
# CHECK: fail_schedule_illegal_accumulator.hy:9:17: note: 'acc' is assigned here [NotePrevious]
# CHECK: fail_schedule_illegal_accumulator.json:4:34: note: 'acc' accumulates across iterations (a reduction); hybridc vectorizes `s = s op e` (op + * min max, s read nowhere else in the loop) but parallelizes no reduction [NoteHint]
# CHECK: 1 error generated.
