# Row-wise softmax with the usual max subtraction for numerical stability:
# out[i, j] = exp(x[i, j] - max_j x[i, :]) / sum_j exp(x[i, j] - max_j x[i, :]).
@script
def softmax(x: float32[64, 128]):
    out = output_tensor((64, 128), 'float32')
    for i in range(x.shape[0]):
        m = x[i, 0]
        for j in range(1, 128):
            m = max(m, x[i, j])
        s = 0.0
        for j in range(128):
            out[i, j] = exp(x[i, j] - m)
            s += out[i, j]
        for j in range(128):
            out[i, j] = out[i, j] / s
    return out
