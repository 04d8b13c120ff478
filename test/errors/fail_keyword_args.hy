# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# Keyword arguments name parameters of output_tensor/allocate and of defs;
# an unknown, repeated or missing parameter is an error at the argument.
def kw(a: int32[8]):
    out = output_tensor((8,), dtyp='int32')
    t = allocate((4,), dtype='int32', dtype='int32')
    u = allocate((4,), 'int32', shape=(4,))
    v = output_tensor(dtype='int32')
    for i in range(8, step=1):
        out[i] = a[i]
    return out

def caller(a: int32[8]):
    r = kw(b=a)
    return r
# CHECK: fail_keyword_args.hy:[[@LINE-11]]:31: error: 'output_tensor' has no parameter 'dtyp'; its parameters are 'shape', 'dtype' [BadKeyword]
# CHECK: fail_keyword_args.hy:[[@LINE-11]]:39: error: parameter 'dtype' of 'allocate' is given twice [DuplicateArgument]
# CHECK: fail_keyword_args.hy:[[@LINE-11]]:33: error: parameter 'shape' of 'allocate' is given twice [DuplicateArgument]
# CHECK: fail_keyword_args.hy:[[@LINE-11]]:9: error: 'output_tensor' needs its parameter 'shape' when a later one is given by keyword [MissingArgument]
# CHECK: fail_keyword_args.hy:[[@LINE-11]]:23: error: 'range' has no parameter 'step'; its parameters are none that can be named [BadKeyword]
# CHECK: fail_keyword_args.hy:[[@LINE-7]]:12: error: 'kw' has no parameter 'b'; its parameters are 'a' [BadKeyword]
# CHECK: 6 errors generated.
