# RUN: not %hybridc --syntax-only %s -s %S/Inputs/fail_sched_bad_dim.json 2>&1 | FileCheck %s
# A schedule "shape" entry names a scalar integer parameter.
def f(a, s: float32):
    o = output_tensor((4,), 'float32')
    o[0] = s
    return o
# CHECK: fail_sched_bad_dim.json:4:23: error: shape entry 's' of 'a' must be an integer or the name of a scalar integer parameter [ScheduleBadDim]
# CHECK: 1 error generated.
