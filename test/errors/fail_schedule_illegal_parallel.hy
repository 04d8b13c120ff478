# RUN: not %hybridc %s -s %S/Inputs/fail_schedule_illegal_parallel.json --emit-lowered=- 2>&1 | FileCheck %s
# parallel over a loop that reads what another iteration writes.
def prefix_sum(a: float32[16]):
    b = output_tensor((16,), 'float32')
    b[0] = a[0]
    for i in range(1, 16):
        b[i] = b[i - 1] + a[i]
    return b
# CHECK: fail_schedule_illegal_parallel.json:4:34: error: cannot parallelize loop 'i': an iteration may read an element of 'b' that another iteration writes (b[i - 1] is read, b[i] is written) [ScheduleIllegalParallel]
# CHECK: fail_schedule_illegal_parallel.hy:7:9: note: b[i] is written here [NotePrevious]
# CHECK: 1 error generated.
