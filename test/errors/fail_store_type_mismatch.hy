# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# Stores never convert: s is int32 (from the literal 0), a[i] is float32.
def f(a: float32[8]):
    b = output_tensor((1,), 'float32')
    s = 0
    for i in range(8):
        s += a[i]
    b[0] = 1
    return b
# CHECK: fail_store_type_mismatch.hy:[[@LINE-3]]:14: error: cannot store a value of type float32 into variable 's' of type int32; use a cast such as int32(...) [StoreTypeMismatch]
# CHECK: fail_store_type_mismatch.hy:[[@LINE-6]]:5: note: 's' is declared here with type int32 [NoteHint]
# CHECK: fail_store_type_mismatch.hy:[[@LINE-4]]:12: error: cannot store a value of type int32 into tensor 'b' of type float32; use a cast such as float32(...) [StoreTypeMismatch]
# CHECK: 2 errors generated.
