# RUN: not %hybridc %s --emit-lowered=- 2>&1 | FileCheck %s
# A parallel loop annotated in the source is checked like a scheduled one.
def running_sum(a: float32[16]):
    b = output_tensor((16,), 'float32')
    s = 0.0
    for i in parallel(16):
        s += a[i]
        b[i] = s
    return b
# CHECK: fail_schedule_illegal_parallel_source.hy:6:5: error: cannot parallelize loop 'i': scalar 's' is declared outside the loop and assigned in every iteration [ScheduleIllegalParallel]
# CHECK: fail_schedule_illegal_parallel_source.hy:7:9: note: 's' is assigned here [NotePrevious]
# CHECK: fail_schedule_illegal_parallel_source.hy:6:5: note: 's' accumulates across iterations (a reduction); hybridc vectorizes `s = s op e` (op + * min max, s read nowhere else in the loop) but parallelizes no reduction [NoteHint]
# CHECK: 1 error generated.
