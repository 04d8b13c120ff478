# while / break / continue, if / elif / else, conditional expressions,
# and / or / not, chained comparisons, scalars declared in a loop and used
# after an if (if opens no scope).
# RUN: %e2e %s --ref %S/control.py --function control --workdir %t
# RUN: %e2e %s --ref %S/control.py --function control --target aarch64 --workdir %t.a64
def control(a: int32[50], x: float32[50]):
    out = output_tensor((50,), 'int32')
    f = output_tensor((50,), 'float32')
    for i in range(50):
        steps = 0
        v = a[i]
        while v != 1 and steps < 200:
            if v % 2 == 0:
                v = v // 2
            else:
                v = 3 * v + 1
            steps += 1
        if 0 < a[i] < 10:
            kind = 1
        elif a[i] >= 10 and not a[i] > 40:
            kind = 2
        else:
            kind = 3
        out[i] = steps * 10 + kind
        f[i] = x[i] if x[i] > 0.0 else -x[i] * 2.0
    for i in range(50):
        s = 0
        for j in range(50):
            if j > i:
                break
            if a[j] % 3 == 0:
                continue
            s += a[j]
        out[i] = out[i] + s * 1000
    return out, f
