# softmax over each row of a 4096x1024 float32 matrix (kernels.h):
#   y[i, j] = exp(x[i, j] - max_j x[i, :]) / sum_j exp(x[i, j] - max)
# Fused per row, one read of x from memory. The row max and the row sum are
# kept as 64 partial results (mp, sp: small local buffers that the schedule
# vectorizes and the compiler holds in registers), then folded 64 -> 16 ->
# 4 -> 1 (into fresh buffers: the legality check does not yet see that
# mp[l] and mp[l + 16] never overlap for l < 16). exp is stored into y and
# y is scaled in place while the row is still in L1.
def softmax(x: float32[4096, 1024]):
    y = output_tensor((4096, 1024), 'float32')
    for i in range(4096):
        mp = allocate((64,), 'float32', 'local')
        mq = allocate((16,), 'float32', 'local')
        mr = allocate((4,), 'float32', 'local')
        sp = allocate((64,), 'float32', 'local')
        sq = allocate((16,), 'float32', 'local')
        sr = allocate((4,), 'float32', 'local')
        for l0 in range(64):
            mp[l0] = x[i, l0]
        for jm in range(1, 16):
            for l1 in range(64):
                mp[l1] = max(mp[l1], x[i, jm * 64 + l1])
        for l2 in range(16):
            mq[l2] = max(max(mp[l2], mp[l2 + 16]), max(mp[l2 + 32], mp[l2 + 48]))
        for l3 in range(4):
            mr[l3] = max(max(mq[l3], mq[l3 + 4]), max(mq[l3 + 8], mq[l3 + 12]))
        m = max(max(mr[0], mr[1]), max(mr[2], mr[3]))
        for l4 in range(64):
            sp[l4] = 0.0
        for je in range(16):
            for l5 in range(64):
                e = exp(x[i, je * 64 + l5] - m)
                y[i, je * 64 + l5] = e
                sp[l5] += e
        for l6 in range(16):
            sq[l6] = (sp[l6] + sp[l6 + 16]) + (sp[l6 + 32] + sp[l6 + 48])
        for l7 in range(4):
            sr[l7] = (sq[l7] + sq[l7 + 4]) + (sq[l7 + 8] + sq[l7 + 12])
        r = 1.0 / ((sr[0] + sr[1]) + (sr[2] + sr[3]))
        for js in range(1024):
            y[i, js] = y[i, js] * r
    return y
