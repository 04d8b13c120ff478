# RUN: not %hybridc %s -s %S/Inputs/fail_schedule_illegal_parallel.json --emit-lowered=- 2>&1 | FileCheck %s
# parallel over a loop that reads what another iteration writes.
def prefix_sum(a: float32[16]):
    b = output_tensor((16,), 'float32')
    b[0] = a[0]
    for i in range(1, 16):
        b[i] = b[i - 1] + a[i]
    return b
# CHECK: fail_schedule_illegal_parallel.json:4:34: error: cannot parallelize loop 'i': an iteration may read an element of 'b' that another iteration writes (b[i - 1] is read, b[i] is written); e.g. i = 1 writes b[1] and i = 2 reads it [ScheduleIllegalParallel]
# CHECK: fail_schedule_illegal_parallel.hy:[[@LINE-3]]:9: note: b[i] is written here [NotePrevious]
# CHECK: 1 error generated.
