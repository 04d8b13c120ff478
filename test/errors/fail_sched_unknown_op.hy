# RUN: not %hybridc --syntax-only %s -s %S/Inputs/fail_sched_unknown_op.json 2>&1 | FileCheck %s
# An unknown schedule op is reported at its name.
def scale(a: float32[16, 8], f: float32):
    b = output_tensor((16, 8), 'float32')
    for i in range(16):
        for j in range(8):
            b[i, j] = a[i, j] * f
    return b
# CHECK: fail_sched_unknown_op.json:5:15: error: unknown schedule op 'vectorise'; expected one of split, fuse, reorder, tile, unroll, vectorize, parallel, bind, rfactor, cache_read, cache_write, compute_inline, compute_at or stream [ScheduleUnknownOp]
# CHECK: 1 error generated.
