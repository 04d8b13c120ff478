# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# Python statements hybrid script does not have. Each is reported once and
# skipped with its block.
import numpy
def f(a: float32[10]):
    import math
    b = output_tensor((10,), 'float32')
    class Helper:
        pass
    def inner(x):
        return x
    with open("log") as log:
        pass
    try:
        b[0] = a[0]
    except ValueError:
        pass
    raise ValueError("no")
    global g
    del b
    yield b
    x: float32 = a[0]
    y = z = a[1]
    assert(a[0] > 0.0, "positive")
    for i in range(10):
        b[i] = a[i]
    else:
        pass
    return b
# CHECK: fail_unsupported_stmt.hy:[[@LINE-24]]:5: error: 'import' inside a def is not supported in hybrid script [Unsupported]
# CHECK: fail_unsupported_stmt.hy:[[@LINE-23]]:5: error: a class definition is not supported in hybrid script [Unsupported]
# CHECK: fail_unsupported_stmt.hy:[[@LINE-22]]:5: error: a nested def is not supported in hybrid script [Unsupported]
# CHECK: fail_unsupported_stmt.hy:[[@LINE-21]]:5: error: a 'with' statement is not supported in hybrid script [Unsupported]
# CHECK: fail_unsupported_stmt.hy:[[@LINE-20]]:5: error: a 'try' statement is not supported in hybrid script [Unsupported]
# CHECK: fail_unsupported_stmt.hy:[[@LINE-17]]:5: error: 'raise' (use 'assert cond, "message"') is not supported in hybrid script [Unsupported]
# CHECK: fail_unsupported_stmt.hy:[[@LINE-17]]:5: error: a 'global' declaration is not supported in hybrid script [Unsupported]
# CHECK: fail_unsupported_stmt.hy:[[@LINE-17]]:5: error: a 'del' statement is not supported in hybrid script [Unsupported]
# CHECK: fail_unsupported_stmt.hy:[[@LINE-17]]:5: error: 'yield' is not supported in hybrid script [Unsupported]
# CHECK: fail_unsupported_stmt.hy:[[@LINE-17]]:6: error: annotated assignment (a variable takes the type of its first value; write 'x = int32(...)') is not supported in hybrid script [Unsupported]
# CHECK: fail_unsupported_stmt.hy:[[@LINE-17]]:11: error: chained assignment (to unpack several outputs write 'x, y = f(...)') is not supported in hybrid script [Unsupported]
# CHECK: fail_unsupported_stmt.hy:[[@LINE-17]]:11: error: asserting a tuple (always true; write 'assert cond, "message"') is not supported in hybrid script [Unsupported]
# CHECK: fail_unsupported_stmt.hy:[[@LINE-15]]:5: error: an 'else' clause on a loop is not supported in hybrid script [Unsupported]
# CHECK: 13 errors generated.
