# TVM-style kernels: keyword forms of output_tensor/allocate and of def
# calls, numbers as conditions (Python truthiness: true when not 0).
# RUN: %e2e %s --ref %S/keywords.py --function keywords --workdir %t
# RUN: %e2e %s --ref %S/keywords.py --function keywords --target aarch64 --workdir %t.a64
def scaled(x: float32[16], k: int32):
    out = output_tensor(shape=(16,), dtype='float32')
    for i in range(16):
        out[i] = x[i] * float32(k)
    return out

def keywords(a: int32[16], x: float32[16], flag: int32):
    out = output_tensor((16,), dtype='int32')
    tmp = allocate((16,), scope='local')
    cnt = allocate(shape=(1,), dtype='int32', scope='global')
    s = scaled(k=3, x=x)
    cnt[0] = 0
    for i in range(16):
        tmp[i] = s[i]
        if a[i] % 3:
            cnt[0] += 1
    for i in range(16):
        rem = a[i] % 4
        out[i] = int32(tmp[i]) if flag and rem else cnt[0]
        while rem:
            out[i] += 100
            rem -= 1
        assert out[i] + 1, "never -1"
    return out
