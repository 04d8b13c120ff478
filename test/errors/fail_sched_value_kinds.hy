# RUN: not %hybridc --syntax-only %s -s %S/Inputs/fail_sched_value_kinds.json 2>&1 | FileCheck %s
# Values of the wrong kind: the top level of a def entry, strides, thread.
def scale(a: float32[16, 8], f: float32):
    b = output_tensor((16, 8), 'float32')
    for i in range(16):
        for j in range(8):
            b[i, j] = a[i, j] * f
    return b
# CHECK: fail_sched_value_kinds.json:3:71: error: "strides" must be true or false, got "yes" [ScheduleValueType]
# CHECK: fail_sched_value_kinds.json:5:46: error: unknown thread tag 'threadIdx.w'; expected blockIdx.x, blockIdx.y, blockIdx.z, threadIdx.x, threadIdx.y or threadIdx.z [ScheduleUnknownThreadTag]
# CHECK: fail_sched_value_kinds.json:6:7: error: a schedule entry must be an object such as {"op": "split", "loop": "i", "factor": 4}, got "parallel i" [ScheduleValueType]
# CHECK: 3 errors generated.
