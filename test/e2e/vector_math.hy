# exp, log, tanh, sigmoid and erf in a vectorized loop (16 lanes: the inline
# polynomials of lib/CodeGen/VectorMath.cpp) and unscheduled (scalar libm
# calls), over a wide range of inputs and the edge cases (0, -0, denormals,
# overflow and underflow thresholds, +-inf, nan), against numpy.
# RUN: %e2e %s --schedule %S/Inputs/vector_math.json --ref %S/vector_math.py --function vector_math --workdir %t
# RUN: %e2e %s --schedule %S/Inputs/vector_math.json --ref %S/vector_math.py --function vector_math --target aarch64 --workdir %t.a64
# RUN: %e2e %s --ref %S/vector_math.py --function vector_math --workdir %t.scalar
# RUN: %hybridc %s -s %S/Inputs/vector_math.json --emit-asm=- -o %t.o | FileCheck %s
# CHECK-NOT: {{expf|logf|tanhf|erff}}
# RUN: %e2e %s --schedule %S/Inputs/vector_math.json --ref %S/vector_math_f64.py --function vector_math_f64 --workdir %t.f64
# RUN: %e2e %s --schedule %S/Inputs/vector_math.json --ref %S/vector_math_f64.py --function vector_math_f64 --target aarch64 --workdir %t.f64.a64
# RUN: %e2e %s --schedule %S/Inputs/vector_math.json --ref %S/vector_math_f64.py --function vector_math_f64 --workdir %t.f64.v3 -- --mcpu x86-64-v3
# RUN: %hybridc %s -s %S/Inputs/vector_math.json --function vector_math_f64 --emit-ir=- | FileCheck %s --check-prefix=F64
# F64-NOT: @llvm.{{(exp|exp2|log|log2|log10|sin|cos)}}.v{{[0-9]+}}f64
# F64: fcmp contract ogt <8 x double>
# F64-NOT: @llvm.{{(exp|exp2|log|log2|log10|sin|cos)}}.v{{[0-9]+}}f64
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

# float64 vectors (8 lanes in parallel chunks of 256, and a symbolic tail
# as vectors of 4, 2, 1 lanes; sin and cos's Payne-Hanek block inside the
# parallel loop's outlined body): exp, exp2, log, log2, log10, sigmoid, tanh, sin, cos, erf and
# power by the float64 polynomials (within 1 ulp but sigmoid, 2.5; sin and
# cos of huge arguments reduced by Payne-Hanek), against numpy's libm in
# float64.
def vector_math_f64(x: float64[n], n: int32):
    o = output_tensor((11, n), 'float64')
    for i in range(n):
        o[0, i] = exp(x[i])
        o[1, i] = exp2(x[i])
        o[2, i] = log(x[i])
        o[3, i] = log2(x[i])
        o[4, i] = log10(x[i])
        o[5, i] = sigmoid(x[i])
        o[6, i] = tanh(x[i])
        o[7, i] = sin(x[i])
        o[8, i] = cos(x[i])
        o[9, i] = erf(x[i])
        o[10, i] = power(fabs(x[i]), x[i] * 0.25)
    return o
