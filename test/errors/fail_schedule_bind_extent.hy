# RUN: not %hybridc %s -s %S/Inputs/fail_schedule_bind_extent.json --emit-lowered=- 2>&1 | FileCheck %s
# A thread tag bound to loops of different extents.
def two_passes(a: float32[32], b: float32[16]):
    c = output_tensor((32,), 'float32')
    d = output_tensor((16,), 'float32')
    for i in range(32):
        c[i] = a[i] + 1.0
    for j in range(16):
        d[j] = b[j] * 2.0
    return c, d
# CHECK: fail_schedule_bind_extent.json:5:45: error: thread tag 'threadIdx.x' is bound with extent 16 here but 32 elsewhere; thread extents must be uniform [BindExtentMismatch]
# CHECK: fail_schedule_bind_extent.hy:6:5: note: loop 'i' is bound to 'threadIdx.x' with extent 32 [NotePrevious]
# CHECK: 1 error generated.
