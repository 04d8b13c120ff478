# TVM-style kernels: `return` inside an `if` (relay's shape functions return
# early): the rest of the def runs only when the if did not return; every
# path returns the same tensors.
# RUN: %e2e %s --ref %S/early_return.py --function fill_rows --workdir %t
# RUN: %e2e %s --ref %S/early_return.py --function fill_rows --target aarch64 --workdir %t.a64
# RUN: %e2e %s --ref %S/early_return.py --function clamp_or_copy --workdir %t.c
def fill_rows(n: int32, a: int32[n], fill: int32):
    out = output_tensor((n,), 'int32')
    cnt = output_tensor((1,), 'int32')
    if n == 0:
        cnt[0] = 0
        return out, cnt
    k = 0
    for i in range(n):
        if a[i] == 0:
            out[i] = fill
            k += 1
        else:
            out[i] = a[i]
    cnt[0] = k
    return out, cnt

def clamp_or_copy(a: float32[8], mode: int32):
    out = output_tensor((8,), 'float32')
    if mode == 0:
        for i in range(8):
            out[i] = a[i]
        return out
    elif mode == 1:
        for i in range(8):
            out[i] = max(a[i], 0.0)
        return out
    for i in range(8):
        out[i] = min(max(a[i], -1.0), 1.0)
    return out
