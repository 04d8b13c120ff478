import math
import numpy as np
# Vector results are within 3 ulp of libm (VectorMath.cpp); scalar ones are
# libm's. Below FLT_MIN only the absolute error counts: the scalar sigmoid,
# 1/(1+exp(-x)) in float, flushes to 0 where the vector one gives denormals.
RTOL = 1e-6
ATOL = 1.2e-38
SPECIAL = [0.0, -0.0, 1.0, -1.0, np.inf, -np.inf, np.nan, 1.17549435e-38, -1.17549435e-38,
           1.4e-45, -1.4e-45, 5.9e-39, 3.4028235e38, -3.4028235e38, 88.7228, 88.7229, 89.0,
           100.0, -87.33, -87.34, -100.0, -103.9, -104.0, -200.0, 0.625, -0.625, 0.62499,
           3.92, -3.92, 3.9199, 1e-20, -1e-20, 0.5, 2.0, 9.0, 17.0, -17.0, 20.0, -20.0, -90.0]
def inputs(rng):
    n = 4096 - len(SPECIAL)
    mag = np.exp(rng.uniform(math.log(1e-30), math.log(120.0), n))
    x = mag * rng.choice([-1.0, 1.0], n)
    x[: n // 4] = rng.uniform(-6, 6, n // 4)  # the interesting range of tanh/erf/sigmoid
    return {"x": np.concatenate([np.array(SPECIAL), x]).astype(np.float32)}
def reference(x):
    v = x.astype(np.float64)
    with np.errstate(all="ignore"):
        e = np.exp(v)
        lg = np.log(v)
        th = np.tanh(v)
        sg = 1.0 / (1.0 + np.exp(-v))
    er = np.array([math.erf(t) if not math.isnan(t) else math.nan for t in v])
    return np.stack([e, lg, th, sg, er]).astype(np.float32)
