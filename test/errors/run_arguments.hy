# Argument errors of hybridc run name the parameter, what the def expects and
# what was given; nothing runs.
# RUN: not %hybridc run %s --function scale --arg a=%S/Inputs/run_f64_4.npy --arg k=2 2>&1 | FileCheck %s --check-prefix=DTYPE
# RUN: not %hybridc run %s --function scale --arg a=zeros --arg k=2 --arg q=1 2>&1 | FileCheck %s --check-prefix=UNKNOWN
# RUN: not %hybridc run %s --function scale --arg a=zeros 2>&1 | FileCheck %s --check-prefix=MISSING
# RUN: not %hybridc run %s --function scale --arg a=zeros --arg k=1.5 2>&1 | FileCheck %s --check-prefix=SCALAR
# RUN: not %hybridc run %s --function scale --arg a=%S/Inputs/no_such.npy --arg k=2 2>&1 | FileCheck %s --check-prefix=NOFILE
# RUN: not %hybridc run %s --function scale --arg a=%S/Inputs/run_fortran.npy --arg k=2 2>&1 | FileCheck %s --check-prefix=FORTRAN
# RUN: not %hybridc run %s --arg a=zeros --arg k=2 2>&1 | FileCheck %s --check-prefix=WHICH
# RUN: not %hybridc run %s --function scale --arg a=zeros --arg k=2 --out c=%t.npy 2>&1 | FileCheck %s --check-prefix=OUT
# RUN: not %hybridc run %s --function scale --arg a=zeros --arg k=2 --scheduled 2>&1 | FileCheck %s --check-prefix=NOSCHED
# RUN: not %hybridc run %s --function neg --arg n=-2 --arg a=zeros 2>&1 | FileCheck %s --check-prefix=NEG
def scale(a: float32[2, 3], k: int32):
    b = output_tensor((2, 3), 'float32')
    for i in range(2):
        for j in range(3):
            b[i, j] = a[i, j] * float32(k)
    return b

def neg(n: int32, a: float32[n]):
    b = output_tensor((n,), 'float32')
    for i in range(n):
        b[i] = -a[i]
    return b
# DTYPE: error: argument 'a': the def expects float32[2, 3], '{{.*}}run_f64_4.npy' gives float64[4] [RunArgumentMismatch]
# DTYPE: 1 error generated.
# UNKNOWN: error: bad argument: 'scale' has no parameter 'q'; its parameters are a, k [RunBadArgument]
# MISSING: error: bad argument: no value for k (give each with --arg NAME=VALUE) [RunBadArgument]
# SCALAR: error: bad argument: k: '1.5' is not an int32 value [RunBadArgument]
# NOFILE: error: argument 'a': cannot read '{{.*}}no_such.npy': cannot open: No such file or directory [RunCannotReadArgument]
# FORTRAN: error: argument 'a': cannot read '{{.*}}run_fortran.npy': the array is in Fortran order; save it in C order (numpy.ascontiguousarray) [RunCannotReadArgument]
# WHICH: error: hybridc run: the file has several defs (scale, neg); choose one with --function [RunUsage]
# OUT: error: hybridc run: --out c: 'scale' has no output (or written input) named 'c' [RunUsage]
# NOSCHED: error: hybridc run: --scheduled needs a schedule file (-s) [RunUsage]
# NEG: error: bad argument: the shape of 'a' would be [-2]: a size is negative [RunBadArgument]
