# The other kernel of the consumer project: y = alpha * x + y0, with a scalar
# parameter and no schedule.
@script
def saxpy(alpha: float32, x: float32[100], y0: float32[100]):
    y = output_tensor((100,), 'float32')
    for i in range(100):
        y[i] = alpha * x[i] + y0[i]
    return y
