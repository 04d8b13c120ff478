# softmax with Halide's anchor arithmetic: 16 partial maxima and sums (one
# AVX-512 vector; Halide's rfactor into 16 lanes), and a division by the sum
# for every element (../softmax.hy multiplies by its reciprocal instead).
def softmax(x: float32[4096, 1024]):
    y = output_tensor((4096, 1024), 'float32')
    for i in range(4096):
        mp = allocate((16,), 'float32', 'local')
        mr = allocate((4,), 'float32', 'local')
        sp = allocate((16,), 'float32', 'local')
        sr = allocate((4,), 'float32', 'local')
        for l0 in range(16):
            mp[l0] = x[i, l0]
        for jm in range(1, 64):
            for l1 in range(16):
                mp[l1] = max(mp[l1], x[i, jm * 16 + l1])
        for l3 in range(4):
            mr[l3] = max(max(mp[l3], mp[l3 + 4]), max(mp[l3 + 8], mp[l3 + 12]))
        m = max(max(mr[0], mr[1]), max(mr[2], mr[3]))
        for l4 in range(16):
            sp[l4] = 0.0
        for je in range(64):
            for l5 in range(16):
                e = exp(x[i, je * 16 + l5] - m)
                y[i, je * 16 + l5] = e
                sp[l5] += e
        for l7 in range(4):
            sr[l7] = (sp[l7] + sp[l7 + 4]) + (sp[l7 + 8] + sp[l7 + 12])
        s = (sr[0] + sr[1]) + (sr[2] + sr[3])
        for js in range(1024):
            y[i, js] = y[i, js] / s
    return y
