# RUN: not %hybridc --syntax-only %s -s %S/Inputs/fail_schedule_deep_nest.json 2>&1 | FileCheck %s
# Schedule-made loops nest at most 64 deep (each split adds a level), so a
# schedule of thousands of chained splits stops at once instead of running
# for minutes.
def f(a: float32[8]):
    o = output_tensor((8,), 'float32')
    for i in range(8):
        o[i] = a[i]
    return o
# CHECK: fail_schedule_deep_nest.json:65:30: error: cannot split loop 'o62': the loops would nest more than 64 deep [ScheduleConflict]
# CHECK: 1 error generated.
