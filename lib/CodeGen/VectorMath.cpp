//===- VectorMath.cpp - Vectorizable exp/log/tanh/sigmoid/erf -------------===//
//
// Lane-wise float32 approximations built from vector arithmetic, compares,
// selects and bit casts only (no calls, no tables, no gathers), so that they
// run at vector speed on every target (SSE2, AVX2, AVX-512, NEON). Polynomials
// are evaluated with llvm.fmuladd (an FMA where the target has one). The
// reductions and coefficients follow Cephes (exp, log, tanh), as Halide's and
// Eigen's vector math do; erf's were fitted here (near-minimax, Lawson).
//
// Accuracy: error in ulps of the float result against the double-precision
// libm value, measured over all 2^32 float inputs (x86-64 with FMA, 16
// lanes); test/unit/VectorMathTest.cpp checks the bounds in brackets on
// a sample of every exponent, with and without FMA, and on AArch64:
//   exp      1.01 ulp [2]  Cody-Waite reduction, degree-6 polynomial; results
//                          in the denormal range are rounded once; overflow
//                          -> +inf (x > 88.72), underflow -> +0 (x < -103.97);
//                          exp(+-inf) = +inf / 0; nan -> nan.
//   log      0.83 ulp [2]  every positive normal and denormal float;
//                          log(+-0) = -inf, log(x < 0) = nan, log(inf) = inf.
//   tanh     1.33 ulp [3]  |x| < 0.625: odd polynomial; else 1 - 2/(e^2|x|+1);
//                          the sign of x is copied back (tanh(-0) = -0, +-1
//                          for large |x|).
//   sigmoid  2.83 ulp [3]  e = exp(-|x|); 1/(1+e) for x >= 0, e/(1+e) below,
//                          so large negative x give denormals, then 0, rather
//                          than 0 from an overflowing exp(-x) (the scalar path,
//                          1/(1+exp(-x)) with libm, flushes below x = -88.7).
//   erf      2.47 ulp [3]  |x| < 1: x P(x^2); |x| < 3.92: 1 - e^-x^2 Q(1/|x|);
//                          else +-1.
// float16 vectors are computed in float32 and rounded once.
//
//===----------------------------------------------------------------------===//
#include "VectorMath.h"

#include "hybridc/Support/InternalError.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/Intrinsics.h"
#include "llvm/IR/Module.h"

#include <cmath>
#include <initializer_list>

namespace hybridc::codegen {
namespace {

using llvm::Value;

/// Builds the lane-wise operations for one vector width.
class VM {
public:
  VM(llvm::IRBuilder<> &b, unsigned lanes)
      : b_(b), lanes_(lanes), ft_(llvm::FixedVectorType::get(b.getFloatTy(), lanes)),
        it_(llvm::FixedVectorType::get(b.getInt32Ty(), lanes)) {}

  llvm::Type *floatType() const { return ft_; }

  Value *c(double v) { return llvm::ConstantFP::get(ft_, v); }
  Value *ci(int32_t v) { return llvm::ConstantInt::get(it_, uint64_t(int64_t(v)), true); }
  Value *add(Value *a, Value *x) { return b_.CreateFAdd(a, x); }
  Value *sub(Value *a, Value *x) { return b_.CreateFSub(a, x); }
  Value *mul(Value *a, Value *x) { return b_.CreateFMul(a, x); }
  Value *div(Value *a, Value *x) { return b_.CreateFDiv(a, x); }
  /// a * x + y, fused where the target has an FMA.
  Value *fma(Value *a, Value *x, Value *y) {
    return b_.CreateIntrinsic(llvm::Intrinsic::fmuladd, {ft_}, {a, x, y});
  }
  Value *fabs(Value *x) { return b_.CreateUnaryIntrinsic(llvm::Intrinsic::fabs, x); }
  Value *copysign(Value *mag, Value *sign) {
    return b_.CreateBinaryIntrinsic(llvm::Intrinsic::copysign, mag, sign);
  }
  Value *select(Value *cond, Value *t, Value *f) { return b_.CreateSelect(cond, t, f); }
  Value *isNan(Value *x) { return b_.CreateFCmpUNO(x, x); }
  Value *toInt(Value *f) { return b_.CreateBitCast(f, it_); }
  Value *toFloat(Value *i) { return b_.CreateBitCast(i, ft_); }

  /// Horner: coeffs[0] + t * (coeffs[1] + t * (...)).
  Value *poly(Value *t, std::initializer_list<double> coeffs) {
    const double *cs = coeffs.begin();
    size_t n = coeffs.size();
    Value *r = c(cs[n - 1]);
    for (size_t k = n - 1; k-- > 0;) r = fma(r, t, c(cs[k]));
    return r;
  }

  /// 2^k for integer lanes k in [-126, 127] (a float built from its exponent).
  Value *pow2(Value *k) { return toFloat(b_.CreateShl(b_.CreateAdd(k, ci(127)), 23)); }

  Value *exp(Value *x);
  Value *log(Value *x);
  Value *tanh(Value *x);
  /// 1 / (1 + e^-x) for x >= 0, e^x / (1 + e^x) below (no overflow of e^-x).
  Value *sigmoid(Value *x) {
    Value *e = exp(b_.CreateFNeg(fabs(x)));
    Value *d = div(c(1.0), add(c(1.0), e));
    return select(b_.CreateFCmpOLT(x, c(0.0)), mul(e, d), d);
  }
  Value *erf(Value *x);

private:
  llvm::IRBuilder<> &b_;
  unsigned lanes_;
  llvm::Type *ft_, *it_;
};

Value *VM::exp(Value *x) {
  // Clamp to [-104, 89] (a nan goes to 89 and is put back at the end): past
  // either end the result is already +inf / +0 in float.
  Value *xc = select(b_.CreateFCmpUGE(x, c(89.0)), c(89.0), x);
  xc = select(b_.CreateFCmpULE(xc, c(-104.0)), c(-104.0), xc);
  // n = round(x / ln 2) (the 1.5 * 2^23 trick rounds to nearest on every
  // target, no roundps needed); r = x - n ln 2 in two parts (Cody-Waite).
  Value *magic = c(12582912.0);
  Value *n = sub(add(mul(xc, c(1.44269504088896341)), magic), magic);
  Value *r = fma(n, c(-0.693359375), xc);
  r = fma(n, c(2.12194440e-4), r);
  // exp(r) on |r| <= ln2/2: 1 + r + r^2 P(r) (Cephes expf).
  Value *p = poly(r, {5.0000001201E-1, 1.6666665459E-1, 4.1665795894E-2, 8.3334519073E-3,
                      1.3981999507E-3, 1.9875691500E-4});
  Value *e = add(fma(p, mul(r, r), r), c(1.0));
  // Scale by 2^n as 2^n1 * 2^n2 (n in [-150, 129]): both factors are normal,
  // so denormal results are rounded once and overflow gives +inf.
  Value *ni = b_.CreateFPToSI(n, it_);
  Value *n1 = b_.CreateAShr(ni, 1);
  Value *n2 = b_.CreateSub(ni, n1);
  Value *res = mul(mul(e, pow2(n1)), pow2(n2));
  return select(isNan(x), x, res);
}

Value *VM::log(Value *x) {
  // Denormals: scale into the normal range first.
  Value *sub_ = b_.CreateFCmpOLT(x, c(1.17549435e-38));
  Value *xs = select(sub_, mul(x, c(8388608.0)), x);
  Value *eAdj = select(sub_, c(-23.0), c(0.0));
  // x = m 2^e with m in [sqrt(1/2), sqrt(2)).
  Value *bits = toInt(xs);
  Value *ei = b_.CreateSub(b_.CreateLShr(bits, 23), ci(126));
  Value *m = toFloat(b_.CreateOr(b_.CreateAnd(bits, ci(0x007fffff)), ci(0x3f000000))); // [0.5, 1)
  Value *small = b_.CreateFCmpOLT(m, c(0.707106781186547524));
  Value *e = add(b_.CreateSIToFP(ei, ft_), eAdj);
  e = select(small, sub(e, c(1.0)), e);
  m = sub(select(small, add(m, m), m), c(1.0));
  // log(1 + m) = m - m^2/2 + m^3 P(m) (Cephes logf).
  Value *z = mul(m, m);
  Value *p = poly(m, {3.3333331174E-1, -2.4999993993E-1, 2.0000714765E-1, -1.6668057665E-1,
                      1.4249322787E-1, -1.2420140846E-1, 1.1676998740E-1, -1.1514610310E-1,
                      7.0376836292E-2});
  Value *y = mul(mul(p, m), z);
  y = fma(e, c(-2.12194440e-4), y);
  y = fma(z, c(-0.5), y);
  Value *r = add(m, y);
  r = fma(e, c(0.693359375), r);
  // Special values: +inf, +-0, negative numbers and nan.
  Value *inf = c(INFINITY);
  r = select(b_.CreateFCmpOEQ(x, inf), inf, r);
  r = select(b_.CreateFCmpOEQ(x, c(0.0)), c(-INFINITY), r);
  return select(b_.CreateFCmpULT(x, c(0.0)), c(NAN), r);
}

Value *VM::tanh(Value *x) {
  Value *ax = fabs(x);
  // |x| < 0.625: x + x^3 P(x^2) (Cephes tanhf).
  Value *z = mul(x, x);
  Value *p = poly(z, {-3.33332819422E-1, 1.33314422036E-1, -5.37397155531E-2, 2.06390887954E-2,
                      -5.70498872745E-3});
  Value *small = fma(mul(x, z), p, x);
  // Otherwise 1 - 2 / (e^(2|x|) + 1), which tends to 1 as e^(2|x|) overflows.
  Value *e = exp(add(ax, ax));
  Value *large = sub(c(1.0), div(c(2.0), add(e, c(1.0))));
  // tanh is odd: the sign of x for both (also makes tanh(-0) = -0).
  return copysign(select(b_.CreateFCmpOLT(ax, c(0.625)), small, large), x);
}

Value *VM::erf(Value *x) {
  Value *ax = fabs(x);
  Value *z = mul(x, x);
  // |x| < 1: x P(x^2).
  Value *small =
      mul(x, poly(z, {1.128379107e+00, -3.761262596e-01, 1.128358543e-01, -2.685381286e-02,
                      5.188329611e-03, -8.010208840e-04, 7.853907300e-05}));
  // 1 <= |x| < 3.92: 1 - e^(-x^2) Q(1/|x|), Q ~ erfc(x) e^(x^2); beyond, 1.
  Value *t = div(c(1.0), ax);
  Value *q =
      poly(t, {2.649843809e-04, 5.591316819e-01, 4.136701301e-02, -4.690492153e-01, 4.905794859e-01,
               -2.322503626e-01, 1.498460397e-02, 3.292719275e-02, -1.037183870e-02});
  Value *mid = sub(c(1.0), mul(exp(b_.CreateFNeg(z)), q));
  mid = select(b_.CreateFCmpOGE(ax, c(3.92)), c(1.0), mid);
  Value *large = copysign(mid, x);
  // A nan fails both compares and goes through `large`: exp(-nan) is nan.
  return select(b_.CreateFCmpOLT(ax, c(1.0)), small, large);
}

} // namespace

bool hasVectorMath(llvm::Type *ty) {
  auto *vt = llvm::dyn_cast<llvm::FixedVectorType>(ty);
  if (!vt || vt->getNumElements() < 2) return false;
  llvm::Type *et = vt->getElementType();
  return et->isFloatTy() || et->isHalfTy();
}

llvm::Value *emitVectorMath(llvm::IRBuilder<> &b, VectorMathFn fn, llvm::Value *x) {
  auto *vt = llvm::cast<llvm::FixedVectorType>(x->getType());
  VM vm(b, vt->getNumElements());
  bool half = vt->getElementType()->isHalfTy();
  Value *in = half ? b.CreateFPExt(x, vm.floatType()) : x;
  Value *r = nullptr;
  switch (fn) {
  case VectorMathFn::Exp: r = vm.exp(in); break;
  case VectorMathFn::Log: r = vm.log(in); break;
  case VectorMathFn::Tanh: r = vm.tanh(in); break;
  case VectorMathFn::Sigmoid: r = vm.sigmoid(in); break;
  case VectorMathFn::Erf: r = vm.erf(in); break;
  case VectorMathFn::None: HY_UNREACHABLE("emitVectorMath without a function");
  }
  return half ? b.CreateFPTrunc(r, vt) : r;
}

} // namespace hybridc::codegen
