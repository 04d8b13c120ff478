# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# Only defs, imports, decorators and constants at the top level; a
# top-level block is skipped whole, and the def after it is still checked.
import tvm
n += 10
if __name__ == "__main__":
    main()
    print("done")
def f(a: float32[10]):
    b = output_tensor((10,), 'float32')
    b[0] = a[0] +
    return b
print(f)
# CHECK: fail_top_level_statement.hy:[[@LINE-9]]:1: error: only 'def', 'import', decorators and constants ('N = 16') may appear at the top level [TopLevelStatement]
# CHECK: fail_top_level_statement.hy:[[@LINE-4]]:18: error: expected an expression, found end of line [ExpectedExpression]
# CHECK: fail_top_level_statement.hy:[[@LINE-3]]:1: error: only 'def', 'import', decorators and constants ('N = 16') may appear at the top level [TopLevelStatement]
# CHECK: 3 errors generated.
