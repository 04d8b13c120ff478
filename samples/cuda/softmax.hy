# Row softmax on the GPU: one block per row, one thread per element; the
# row's maximum and sum are tree reductions in shared memory (ping-pong
# between two buffers). hybridc inserts the __syncthreads barriers between
# the steps (TVM's storage-sync rule); `halves` is a constant array from
# softmax.json (128, 64, ..., 1), indexed by the const_range variable.
def softmax_rows(x: float32[64, 256], halves):
    y = output_tensor((64, 256), 'float32')
    for row in bind('blockIdx.x', 64):
        red = allocate((256,), 'float32', 'shared')
        tmp = allocate((256,), 'float32', 'shared')
        for tx in bind('threadIdx.x', 256):
            red[tx] = x[row, tx]
        for s in const_range(8):
            for tx in bind('threadIdx.x', 256):
                if tx < halves[s]:
                    tmp[tx] = max(red[tx], red[tx + halves[s]])
            for tx in bind('threadIdx.x', 256):
                if tx < halves[s]:
                    red[tx] = tmp[tx]
        # red[0] is the maximum; now the sum of the exponentials, in tmp.
        for tx in bind('threadIdx.x', 256):
            tmp[tx] = exp(x[row, tx] - red[0])
        for s in const_range(8):
            for tx in bind('threadIdx.x', 256):
                if tx < halves[s]:
                    red[tx + 1] = tmp[tx] + tmp[tx + halves[s]]
            for tx in bind('threadIdx.x', 256):
                if tx < halves[s]:
                    tmp[tx] = red[tx + 1]
        for tx in bind('threadIdx.x', 256):
            y[row, tx] = exp(x[row, tx] - red[0]) / tmp[0]
    return y
