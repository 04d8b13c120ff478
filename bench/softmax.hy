# softmax over each row of a 4096x1024 float32 matrix (kernels.h):
#   y[i, j] = exp(x[i, j] - max_j x[i, :]) / sum_j exp(x[i, j] - max)
# The plain algorithm: a row maximum, the exponentials and their sum, the
# division. The schedule (softmax_<isa>.json) keeps both reductions as one
# vector of partial results across the row (rfactor), vectorizes the three
# passes and runs the rows in parallel.
def softmax(x: float32[4096, 1024]):
    y = output_tensor((4096, 1024), 'float32')
    for i in range(4096):
        m = x[i, 0]
        for j in range(1024):
            m = max(m, x[i, j])
        s = 0.0
        for k in range(1024):
            e = exp(x[i, k] - m)
            y[i, k] = e
            s += e
        for l in range(1024):
            y[i, l] = y[i, l] / s
    return y
