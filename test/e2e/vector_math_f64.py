import math
import numpy as np
# float64 vector exp, exp2, log, log2, log10, tanh, sin, cos, erf and power
# (|x|^(x/4)): within 1 ulp of the exact value, so within 2 of numpy's libm;
# sigmoid 2.5 ulp (numpy computes 1/(1+exp(-x)) in float64, itself off by up
# to ~2 ulp). Below the smallest normal only the absolute error counts.
RTOL = 1.5e-15
ATOL = 1e-307
SPECIAL = [0.0, -0.0, 1.0, -1.0, np.inf, -np.inf, np.nan, 2.2250738585072014e-308,
           5e-324, -5e-324, 1.7976931348623157e308, 709.782712893384, 709.7827128933841,
           710.0, -745.1332191019411, -745.1332191019412, -708.39, -720.0, -1074.0, -1075.0,
           -1076.0, 1023.0, 1024.0, 1e-300, 0.5, 2.0, 10.0, 1e-20, -1e-20, 100.0, 0.1, 1e300,
           0.625, -0.999, 1.0, 1e22, -1e22, 1647099.0, 1647100.0, 1e10, 1e100, -1e200,
           3.141592653589793, 1.5707963267948966]
def inputs(rng):
    n = 4099 - len(SPECIAL)
    mag = np.exp(rng.uniform(math.log(1e-300), math.log(750.0), n))
    x = mag * rng.choice([-1.0, 1.0], n)
    x[: n // 4] = rng.uniform(-40, 40, n // 4)
    # sin and cos of large arguments (Payne-Hanek past 2^20 pi/2)
    x[n // 4: n // 3] = np.exp(rng.uniform(math.log(1e5), math.log(1e308), n // 3 - n // 4))
    return {"x": np.concatenate([np.array(SPECIAL), x]), "n": np.int32(4099)}
def reference(x, n):
    with np.errstate(all="ignore"):
        return (np.stack([np.exp(x), np.exp2(x), np.log(x), np.log2(x), np.log10(x),
                          np.where(x >= 0, 1.0 / (1.0 + np.exp(-x)), np.exp(x) / (1.0 + np.exp(x))),
                          np.tanh(x), np.sin(x), np.cos(x), np.array([math.erf(v) for v in x]),
                          np.power(np.abs(x), x * 0.25)]),)
