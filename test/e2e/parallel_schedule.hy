# A loop made parallel by the schedule (an imperfect split whose outer loop
# runs on the thread pool, a vectorized inner loop) gives the unscheduled
# results; so does the unscheduled kernel.
# RUN: %e2e %s --ref %S/parallel_schedule.py --function mm --workdir %t.serial
# RUN: %e2e %s --schedule %S/Inputs/parallel_schedule.json --ref %S/parallel_schedule.py --function mm --workdir %t
# RUN: env HYBRIDC_NUM_THREADS=3 %e2e %s --schedule %S/Inputs/parallel_schedule.json --ref %S/parallel_schedule.py --function mm --workdir %t.3
# RUN: %e2e %s --schedule %S/Inputs/parallel_schedule.json --ref %S/parallel_schedule.py --function mm --target aarch64 --workdir %t.a64
def mm(a: float32[64, 32], b: float32[32, 48]):
    c = output_tensor((64, 48), 'float32')
    for i in range(64):
        for j in range(48):
            c[i, j] = 0.0
            for k in range(32):
                c[i, j] += a[i, k] * b[k, j]
    return c
