# exp, log, tanh, sigmoid and erf in a vectorized loop (16 lanes: the inline
# polynomials of lib/CodeGen/VectorMath.cpp) and unscheduled (scalar libm
# calls), over a wide range of inputs and the edge cases (0, -0, denormals,
# overflow and underflow thresholds, +-inf, nan), against numpy.
# RUN: %e2e %s --schedule %S/Inputs/vector_math.json --ref %S/vector_math.py --function vector_math --workdir %t
# RUN: %e2e %s --schedule %S/Inputs/vector_math.json --ref %S/vector_math.py --function vector_math --target aarch64 --workdir %t.a64
# RUN: %e2e %s --ref %S/vector_math.py --function vector_math --workdir %t.scalar
# RUN: %hybridc %s -s %S/Inputs/vector_math.json --emit-asm=- -o %t.o | FileCheck %s
# CHECK-NOT: {{expf|logf|tanhf|erff}}
# With AVX-512 (F and VL), exp (also inside tanh, sigmoid and erf) scales by
# 2^n with VSCALEFPS instead of building powers of two from integer lanes
# (shifted left by 23), and log takes x's significand and exponent with
# VGETMANTPS and VGETEXPPS instead of bit operations (shifted right by 23);
# the results are the same bits (unit test "vector math: AVX-512's
# instructions ..."), and the runs above take this code on an AVX-512 host.
# AVX2 keeps the integer code.
# RUN: %hybridc %s -s %S/Inputs/vector_math.json --mcpu x86-64-v4 --emit-asm=- | FileCheck %s --check-prefix=V4
# V4-NOT: {{vpslld|vpsrld}} $23
# V4: vgetmantps $0, %zmm
# V4: vgetexpps %zmm
# V4: vscalefps %zmm
# V4-NOT: {{vpslld|vpsrld}} $23
# RUN: %hybridc %s -s %S/Inputs/vector_math.json --mcpu x86-64-v3 --emit-asm=- | FileCheck %s --check-prefix=V3
# V3-NOT: {{vscalef|vgetmant|vgetexp}}
# V3: vpsrld $23
# V3: vpslld $23
# V3-NOT: {{vscalef|vgetmant|vgetexp}}
def vector_math(x: float32[4096]):
    o = output_tensor((5, 4096), 'float32')
    for i in range(4096):
        o[0, i] = exp(x[i])
        o[1, i] = log(x[i])
        o[2, i] = tanh(x[i])
        o[3, i] = sigmoid(x[i])
        o[4, i] = erf(x[i])
    return o
