# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# Math builtins take floats; casts are explicit. Invalid dtype strings and scopes.
def f(a: int32[4]):
    b = output_tensor((4,), 'float32')
    t = allocate((4,), 'flaot32')
    u = allocate((4,), 'float32', 'private')
    for i in range(4):
        b[i] = sqrt(a[i])
    return b
# CHECK: fail_builtin_arg_type.hy:[[@LINE-5]]:24: error: argument 2 of 'allocate' must be a dtype string such as 'float32', got 'flaot32' [BuiltinArgType]
# CHECK: fail_builtin_arg_type.hy:[[@LINE-5]]:35: error: argument 3 of 'allocate' must be 'global', 'local' or 'shared', got 'private' [BuiltinArgType]
# CHECK: fail_builtin_arg_type.hy:[[@LINE-4]]:21: error: argument 1 of 'sqrt' must be a float scalar, got int32 [BuiltinArgType]
# CHECK: fail_builtin_arg_type.hy:[[@LINE-5]]:21: note: convert it first, e.g. float32(a[i]) [NoteHint]
# CHECK: 3 errors generated.
