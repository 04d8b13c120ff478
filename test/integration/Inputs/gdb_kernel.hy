# A kernel for the gdb test: line numbers matter (the test breaks at line 7).
def scale_add(a: float32[16]):
    c = output_tensor((16,), 'float32')
    for i in range(16):
        t = 0.0
        # the next line is line 7
        t = a[i] * 2.0
        c[i] = t + 1.0
    return c
