# RUN: not %hybridc %s -s %S/Inputs/fail_schedule_cache_write.json --emit-lowered=- 2>&1 | FileCheck %s
# cache_write refusals (docs/schedules.md "cache_write"): a loop that does
# not write the buffer, a scattered index, and a parallel loop whose
# iterations' tiles overlap (the write-back of one iteration would undo
# another's: refused by the legality check, with two iterations).
def notwritten(a: float32[64]):
    y = output_tensor((64,), 'float32')
    for i in range(64):
        y[i] = a[i]
    for i in range(64):
        a[i] = y[i] * 2.0
    return y
# CHECK: error: cannot cache_write 'y' in loop 'i#1': its body does not write 'y' [ScheduleConflict]

def scatter(a: float32[64], idx: int32[64]):
    y = output_tensor((64,), 'float32')
    for i in range(64):
        y[i] = 0.0
    for i in range(64):
        y[idx[i]] = a[i]
    return y
# CHECK: error: cannot cache_write 'y' in loop 'i#1': the index idx[i] of 'y' reads memory [ScheduleConflict]

def overlap(a: float32[66]):
    y = output_tensor((66,), 'float32')
    for i in range(66):
        y[i] = 0.0
    for i in range(8):
        for j in range(10):
            y[i * 8 + j] = y[i * 8 + j] + a[i * 8 + j]
    return y
# CHECK: error: cannot parallelize loop 'i': an iteration may read an element of 'y' that another iteration writes (y[i * 8 + y.local.d0] is read, y[i * 8 + y.local.w0] is written); e.g. i = 0, y.local.w0 = 8 writes y[8] and i = 1, y.local.d0 = 0 reads it [ScheduleIllegalParallel]
# CHECK: 3 errors generated.
