# Reference for vectorize_invariant_buffer_reduction.hy: runs the kernel's own source as Python (hyexec.py).
# Written by test/fuzz/gen_kernels.py; the format is test/e2e/run.py's.
import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
for _d in (os.path.join(_HERE, ".."), _HERE):
    if os.path.exists(os.path.join(_d, "hyexec.py")):
        sys.path.insert(0, _d)
        break
import hyexec  # noqa: E402

KERNEL = os.path.join(_HERE, 'vectorize_invariant_buffer_reduction.hy')
FUNCTION = 'kern'
RTOL, ATOL = 1e-05, 1e-06
SPEC = [["tensor", "a", "int32", [16], -9, 9, 0], ["scalar", "c", "int32", 3]]


def inputs(rng):
    return hyexec.make_inputs(SPEC, rng)


def reference(**kw):
    return hyexec.reference(KERNEL, FUNCTION, kw)
