# Reference for counter_store_index.hy: runs the kernel's own source as Python (hyexec.py).
# Written by test/fuzz/gen_kernels.py; the format is test/e2e/run.py's.
import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
for _d in (os.path.join(_HERE, ".."), _HERE):
    if os.path.exists(os.path.join(_d, "hyexec.py")):
        sys.path.insert(0, _d)
        break
import hyexec  # noqa: E402

KERNEL = os.path.join(_HERE, 'counter_store_index.hy')
FUNCTION = 'kern'
RTOL, ATOL = 1e-05, 1e-06
SPEC = [["tensor", "a", "int32", [7], -9, 9, 0], ["tensor", "b", "int32", [6, 8], -9, 9, 0], ["tensor", "c", "int32", [15], 0, 30, 0]]


def inputs(rng):
    return hyexec.make_inputs(SPEC, rng)


def reference(**kw):
    return hyexec.reference(KERNEL, FUNCTION, kw)
