//===- VectorMath.cpp - Vectorizable math: exp, log, sin, pow, ... --------===//
//
// Lane-wise float32 and float64 approximations built from vector
// arithmetic, compares, selects and bit casts only (no libm calls, no
// gathers), so that they run at vector speed on every target (SSE2, AVX2,
// AVX-512, NEON, PTX). Polynomials are evaluated with llvm.fmuladd (an FMA
// where the target has one). float32's reductions and coefficients follow
// Cephes (exp, log, tanh), as Halide's and Eigen's vector math do; erf's
// were fitted here (near-minimax, Lawson); float64's follow fdlibm. The one
// table and the one call: float64 sin and cos of |x| >= 2^20 pi/2 read
// 2/pi's bits from a table in the module, in a function of their own that
// only such lanes reach.
//
// Accuracy: error in ulps of the float result against the double-precision
// libm value, measured over all 2^32 float inputs (x86-64 with FMA, 16
// lanes); test/unit/VectorMathTest.cpp checks the bounds in brackets on
// a sample of every exponent, with and without FMA, and on AArch64:
//   exp      1.01 ulp [2]  Cody-Waite reduction, degree-6 polynomial; results
//                          in the denormal range are rounded once; overflow
//                          -> +inf (x > 88.72), underflow -> +0 (x < -103.97);
//                          exp(+-inf) = +inf / 0; nan -> nan (carried
//                          through, no test). On x86-64 with AVX-512 the
//                          scaling by 2^n is one VSCALEFPS, the same bits
//                          as the integer scaling.
//   exp2     0.98 ulp [2]  (sampled, 1M inputs) x = n + f exactly, e^(f ln 2)
//                          by exp's polynomial; exact at integers, +inf from
//                          x >= 128, +0 below -150.
//   log      0.83 ulp [2]  every positive normal and denormal float;
//                          log(+-0) = -inf, log(x < 0) = nan, log(inf) = inf.
//                          With AVX-512, VGETMANTPS and VGETEXPPS take x
//                          apart (the same bits as the integer code).
//   log2     1.53 ulp [2]  (sampled) e + log(1 + m) log2(e): exact at powers
//                          of two; specials as log.
//   log10    1.72 ulp [3]  (sampled) e log10(2) + log(1 + m) log10(e);
//                          specials as log.
//   tanh     1.33 ulp [3]  |x| < 0.625: odd polynomial; else 1 - 2/(e^2|x|+1);
//                          the sign of x is copied back (tanh(-0) = -0, +-1
//                          for large |x|).
//   sigmoid  2.83 ulp [3]  e = exp(-|x|); 1/(1+e) for x >= 0, e/(1+e) below,
//                          so large negative x give denormals, then 0, rather
//                          than 0 from an overflowing exp(-x) (the scalar path,
//                          1/(1+exp(-x)) with libm, flushes below x = -88.7).
//   erf      2.47 ulp [3]  |x| < 1: x P(x^2); |x| < 3.92: 1 - e^-x^2 Q(1/|x|);
//                          else +-1.
//   sin, cos 0.50 ulp [1]  (sampled, every exponent; a sweep of every 5th
//                          float: see bench/RESULTS.md) in float64: x = j pi/2
//                          + r by Cody-Waite for |x| < 2^28 pi/2 (pi/2 in 25 +
//                          53 bits), else Payne-Hanek with 24-bit chunks of
//                          2/pi (products exact in float64, reduced mod 4 one
//                          at a time); musl's float64 polynomials on |r| <=
//                          pi/4 by quadrant; sin(-0) = -0, inf/nan -> nan.
//   power    0.50 ulp [1]  (sampled: 650K (x, y) pairs) 2^(y log2|x|) in
//                          float64 (log2 by the atanh series, 2^t by Taylor),
//                          rounded once; C99's special cases (pow(x, +-0) = 1,
//                          pow(1, y) = 1, signed zeros and infinities, odd
//                          integer y keep x's sign, nan for x < 0 and y not
//                          an integer), as libm's powf.
// float16 vectors are computed in float32 and rounded once.
//
// float64 (vectors on the CPU, every float64 call on the cuda target),
// against long double libm on ~2M samples (every exponent, dense in
// [-750, 750]; power: ~4M (x, y) pairs), with and without FMA, and on
// AArch64:
//   exp      0.85 ulp [2]  Cody-Waite (ln 2 in fdlibm's two parts), Taylor
//                          to r^13; overflow -> +inf (x > 709.78), underflow
//                          -> +0 (x < -745.13), denormals rounded once.
//   exp2     1.00 ulp [2]  x = n + f exactly, e^(f ln 2).
//   log      0.80 ulp [2]  fdlibm's e_log.c; specials as float32's.
//   log2     0.77 ulp [2]  fdlibm's e_log2.c (1/ln 2 in two parts, the
//   log10    0.69 ulp [2]  high part of log(1 + f) with 32 low bits clear).
//   sigmoid  2.44 ulp [3]  as float32's.
//   tanh     0.91 ulp [1.5] |x| < 1: t / (t + 2), t = e^(2|x|) - 1 by Taylor
//                          as a double-double, the quotient corrected; else
//                          1 - 2 / (e^(2|x|) + 1).
//   sin, cos 0.79 ulp [1.5] fdlibm's kernels (k_sin.c, k_cos.c); x = j pi/2
//                          + r by Cody-Waite in three 33-bit parts below
//                          2^20 pi/2, else Payne-Hanek in integer limbs (a
//                          table of 2/pi's 24-bit chunks in the module), a
//                          function per lane count called from a block
//                          entered only when a lane needs it; exact at the
//                          double nearest a multiple of pi/2.
//   erf      0.94 ulp [1.5] fdlibm's s_erf.c (four intervals, all computed
//                          and selected).
//   power    0.97 ulp [1.5] fdlibm's e_pow.c without branches (log2|x| and
//                          y log2|x| in two parts, 2^n scaled as exp's);
//                          C99's special cases.
//
//===----------------------------------------------------------------------===//
#include "VectorMath.h"

#include "hybridc/Support/InternalError.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/Intrinsics.h"
#include "llvm/IR/IntrinsicsX86.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/TargetParser/Triple.h"

#include <cmath>
#include <initializer_list>
#include <iterator>
#include <vector>

namespace hybridc::codegen {

bool VectorMathTarget::hasX86Avx512(const llvm::Triple &triple, const llvm::MCSubtargetInfo *sti) {
  return triple.isX86() && sti && sti->checkFeatures("+avx512f,+avx512vl");
}

namespace {

using llvm::Value;

/// 2/pi = sum c_k 2^(-24(k+1)): its first 49 chunks of 24 bits (1176 bits:
/// Payne-Hanek for every float64 exponent, sinCosD; float32's use the first
/// nine). Computed from Machin's formula with exact integers.
constexpr uint32_t kTwoOverPi[] = {
    0xa2f983, 0x6e4e44, 0x1529fc, 0x2757d1, 0xf534dd, 0xc0db62, 0x95993c, 0x439041, 0xfe5163,
    0xabdebb, 0xc561b7, 0x246e3a, 0x424dd2, 0xe00649, 0x2eea09, 0xd1921c, 0xfe1deb, 0x1cb129,
    0xa73ee8, 0x8235f5, 0x2ebb44, 0x84e99c, 0x7026b4, 0x5f7e41, 0x3991d6, 0x398353, 0x39f49c,
    0x845f8b, 0xbdf928, 0x3b1ff8, 0x97ffde, 0x05980f, 0xef2f11, 0x8b5a0a, 0x6d1f6d, 0x367ecf,
    0x27cb09, 0xb74f46, 0x3f669e, 0x5fea2d, 0x7527ba, 0xc7ebe5, 0xf17b3d, 0x0739f7, 0x8a5292,
    0xea6bfb, 0x5fb11f, 0x8d5d08, 0x560330};
static_assert(sizeof kTwoOverPi / sizeof kTwoOverPi[0] == 49,
              "k0 + 8 <= 48 for every float64 exponent E <= 971");

/// Builds the lane-wise operations for one vector width.
class VM {
public:
  VM(llvm::IRBuilder<> &b, unsigned lanes, VectorMathTarget target)
      : b_(b), lanes_(lanes), target_(target),
        avx512_(target.x86Avx512 && (lanes == 4 || lanes == 8 || lanes % 16 == 0)),
        avx512d_(target.x86Avx512 && (lanes == 2 || lanes == 4 || lanes % 8 == 0)),
        ft_(llvm::FixedVectorType::get(b.getFloatTy(), lanes)),
        it_(llvm::FixedVectorType::get(b.getInt32Ty(), lanes)),
        dt_(llvm::FixedVectorType::get(b.getDoubleTy(), lanes)),
        lt_(llvm::FixedVectorType::get(b.getInt64Ty(), lanes)) {}

  llvm::Type *floatType() const { return ft_; }

  Value *c(double v) { return llvm::ConstantFP::get(ft_, v); }
  Value *ci(int32_t v) { return llvm::ConstantInt::get(it_, uint64_t(int64_t(v)), true); }
  Value *add(Value *a, Value *x) { return b_.CreateFAdd(a, x); }
  Value *sub(Value *a, Value *x) { return b_.CreateFSub(a, x); }
  Value *mul(Value *a, Value *x) { return b_.CreateFMul(a, x); }
  Value *div(Value *a, Value *x) { return b_.CreateFDiv(a, x); }
  /// a * x + y, fused where the target has an FMA (float32 or float64 lanes).
  Value *fma(Value *a, Value *x, Value *y) {
    return b_.CreateIntrinsic(llvm::Intrinsic::fmuladd, {a->getType()}, {a, x, y});
  }
  /// The constant v in lanes of x's type (float32 or float64).
  Value *like(Value *x, double v) { return llvm::ConstantFP::get(x->getType(), v); }
  Value *fabs(Value *x) { return b_.CreateUnaryIntrinsic(llvm::Intrinsic::fabs, x); }
  Value *copysign(Value *mag, Value *sign) {
    return b_.CreateBinaryIntrinsic(llvm::Intrinsic::copysign, mag, sign);
  }
  Value *select(Value *cond, Value *t, Value *f) { return b_.CreateSelect(cond, t, f); }
  Value *isNan(Value *x) { return b_.CreateFCmpUNO(x, x); }
  Value *toInt(Value *f) { return b_.CreateBitCast(f, it_); }
  Value *toFloat(Value *i) { return b_.CreateBitCast(i, ft_); }

  /// Horner: coeff(0) + t * (coeff(1) + t * (... coeff(n - 1))).
  template <typename Coeff> Value *horner(Value *t, size_t n, Coeff coeff) {
    Value *r = coeff(n - 1);
    for (size_t k = n - 1; k-- > 0;) r = fma(r, t, coeff(k));
    return r;
  }
  /// Horner: coeffs[0] + t * (coeffs[1] + t * (...)), in t's lane type.
  Value *poly(Value *t, std::initializer_list<double> coeffs) {
    return horner(t, coeffs.size(), [&](size_t k) { return like(t, coeffs.begin()[k]); });
  }

  /// 2^k for integer lanes k in [-126, 127] (a float built from its exponent).
  Value *pow2(Value *k) { return toFloat(b_.CreateShl(b_.CreateAdd(k, ci(127)), 23)); }

  Value *exp(Value *x);
  Value *exp2(Value *x);
  Value *log(Value *x);
  Value *log2(Value *x);
  Value *log10(Value *x);
  Value *tanh(Value *x);
  /// 1 / (1 + e^-x) for x >= 0, e^x / (1 + e^x) below (no overflow of
  /// e^-x); float32 or float64 lanes.
  Value *sigmoid(Value *x) {
    Value *nx = b_.CreateFNeg(fabs(x));
    Value *e = x->getType()->getScalarType()->isDoubleTy() ? expD(nx) : exp(nx);
    Value *d = div(like(x, 1.0), add(like(x, 1.0), e));
    return select(b_.CreateFCmpOLT(x, like(x, 0.0)), mul(e, d), d);
  }
  Value *erf(Value *x);
  Value *pow(Value *x, Value *y);
  /// sin(x), or cos(x) when `cosine`.
  Value *sinCos(Value *x, bool cosine);

  // float64 lanes (sigmoid above takes either).
  Value *expD(Value *x);
  Value *exp2D(Value *x);
  Value *logD(Value *x);
  Value *log2D(Value *x);
  Value *log10D(Value *x);
  Value *tanhD(Value *x);
  /// sin(x), or cos(x) when `cosine`, for float64 lanes. Lanes with |x| >=
  /// 2^20 pi/2 are reduced by a call (Payne-Hanek, remPio2Call) in a block
  /// of their own, entered only when a lane needs it: the builder continues
  /// in a new block.
  Value *sinCosD(Value *x, bool cosine);
  Value *erfD(Value *x);
  Value *powD(Value *x, Value *y);
  /// C99's special cases of pow(x, y) (as libm's pow and powf) over `res`,
  /// the value for finite x and y: signed zeros and infinities, odd integer
  /// y keeping x's sign, nan for negative x and y not an integer, pow(x,
  /// +-0) = pow(1, y) = pow(-1, +-inf) = 1. float32 or float64 lanes.
  Value *powSpecials(Value *x, Value *y, Value *res);

private:
  /// e^r * 2^n for |r| <= ln2/2 and integer-valued n in [-151, 129], t =
  /// n + 1.5 * 2^23 (n's integer value in its low bits).
  Value *expReduced(Value *t, Value *n, Value *r);
  /// x = 2^e (1 + m) for positive finite x (denormals included): sets e,
  /// m and z = m^2 and returns y, with log(1 + m) = m + (y - z/2).
  Value *logParts(Value *x, Value *&e, Value *&m, Value *&z);
  /// m^3 P(m) and z = m^2 for m in [sqrt(1/2) - 1, sqrt(2) - 1).
  Value *logPoly(Value *m, Value *&z);
  /// log(1 + m) and e for the base-2 and base-10 logarithms.
  Value *log1pm(Value *x, Value *&e) {
    Value *m, *z;
    Value *y = logParts(x, e, m, z);
    return add(m, fma(z, c(-0.5), y));
  }
  /// The special values of every logarithm (float32 or float64 lanes):
  /// +inf, -inf at +-0, nan below 0.
  Value *logSpecials(Value *x, Value *r);

  /// An AVX-512 instruction on whole vectors: `op` is VSCALEFPS(a, b),
  /// VGETEXPPS(a) or VGETMANTPS(a, imm), 16 lanes at a time (8 or 4 for
  /// narrower vectors).
  enum class X86Op { Scalef, Getexp, Getmant };
  Value *x86(X86Op op, Value *a, Value *b = nullptr, int imm = 0);

  llvm::IRBuilder<> &b_;
  unsigned lanes_;
  VectorMathTarget target_;
  bool avx512_;  // x86 AVX-512 (F, VL) and a lane count x86() takes for float32
  bool avx512d_; // the same for float64 lanes
  llvm::Type *ft_, *it_;
  llvm::Type *dt_, *lt_; // float64 and int64 lanes (pow, sin, cos work in float64)

  Value *cd(double v) { return llvm::ConstantFP::get(dt_, v); }
  Value *cl(int64_t v) { return llvm::ConstantInt::get(lt_, uint64_t(v), true); }
  /// e^(hi - lo) * 2^n for |hi - lo| <= ln2/2 + a little and integer-valued
  /// n in [-1076, 1025], t = n + 1.5 * 2^52 (n's integer value in its low
  /// bits).
  Value *expReducedD(Value *t, Value *n, Value *hi, Value *lo);
  /// e^(hi + lo) for hi + lo in [-746, 710], lo small or null: Cody-Waite
  /// on hi with ln 2 in fdlibm's two parts (n ln2_hi exact), lo carried in
  /// the reduced argument's low part.
  Value *expParts(Value *hi, Value *lo);
  /// x = 2^k (1 + f) for positive finite x (denormals included), f in
  /// [sqrt(1/2) - 1, sqrt(2) - 1): sets k and f and returns log(1 + f)
  /// as f - (hfsq - s (hfsq + R)) in the parts `hfsq` = f^2/2 and `sr` =
  /// s (hfsq + R) (fdlibm's log).
  void logPartsD(Value *x, Value *&k, Value *&f, Value *&hfsq, Value *&sr);
  /// log(1 + f) = hi + lo with hi's low 32 bits zero (fdlibm's e_log2.c,
  /// e_log10.c), so that hi times a constant's 33-bit high part is exact.
  void splitLog1p(Value *f, Value *hfsq, Value *sr, Value *&hi, Value *&lo) {
    hi = clearLow(b_.CreateFSub(f, hfsq));
    lo = b_.CreateFAdd(b_.CreateFSub(b_.CreateFSub(f, hi), hfsq), sr);
  }
  /// 2^n in float64 for int64 lanes n in the normal range [-1022, 1023].
  Value *pow2d(Value *n) {
    return b_.CreateBitCast(b_.CreateShl(b_.CreateAdd(n, cl(1023)), 52), dt_);
  }
  /// a * x + y rounded once, on every target (llvm.fma; fma() may not fuse).
  Value *fused(Value *a, Value *x, Value *y) {
    return b_.CreateIntrinsic(llvm::Intrinsic::fma, {a->getType()}, {a, x, y});
  }
  /// v with the low 32 bits of each float64 lane cleared (fdlibm's
  /// SET_LOW_WORD(v, 0)): a product of two such values is exact.
  Value *clearLow(Value *v) {
    return b_.CreateBitCast(
        b_.CreateAnd(b_.CreateBitCast(v, lt_), cl(int64_t(0xffffffff00000000ull))), dt_);
  }
  /// s + e = a + b exactly (Knuth's TwoSum: any magnitudes).
  void twoSum(Value *a, Value *b, Value *&s, Value *&e) {
    s = b_.CreateFAdd(a, b);
    Value *bb = b_.CreateFSub(s, a);
    e = b_.CreateFAdd(b_.CreateFSub(a, b_.CreateFSub(s, bb)), b_.CreateFSub(b, bb));
  }
  /// x mod pi/2 for |x| >= 2^20 pi/2 (Payne-Hanek): the reduced argument as
  /// r + rr and the quadrant q (int64 lanes, 0..3).
  void remPio2Large(Value *ax, Value *&r, Value *&rr, Value *&q);
  /// remPio2Large as a call of one function per module and lane count
  /// (`hybridc.rem_pio2.vN`, not inlined): the reduction's code once, not
  /// at every sin and cos.
  void remPio2Call(Value *ax, Value *&r, Value *&rr, Value *&q);
  /// The nearest integer, for |v| < 2^51 (1.5 * 2^52 added and taken away).
  Value *rintd(Value *v) {
    Value *magic = cd(6755399441055744.0);
    return b_.CreateFSub(b_.CreateFAdd(v, magic), magic);
  }
};

Value *VM::expReduced(Value *t, Value *n, Value *r) {
  // exp(r) on |r| <= ln2/2: 1 + r + r^2 P(r) (Cephes expf).
  Value *p = poly(r, {5.0000001201E-1, 1.6666665459E-1, 4.1665795894E-2, 8.3334519073E-3,
                      1.3981999507E-3, 1.9875691500E-4});
  Value *e = add(fma(p, mul(r, r), r), c(1.0));
  if (avx512_) return x86(X86Op::Scalef, e, n); // one rounding, +inf on overflow, nan kept
  // Scale by 2^n as 2^n1 * 2^n2: both factors are normal, so denormal
  // results are rounded once and overflow gives +inf. n as an integer is
  // in t's low bits (t = 1.5 * 2^23 + n): no conversion, which would be
  // poison for a nan; a nan's bits give some power of two, and nan times
  // it is a nan.
  Value *ni = b_.CreateSub(toInt(t), ci(0x4b400000));
  Value *n1 = b_.CreateAShr(ni, 1);
  Value *n2 = b_.CreateSub(ni, n1);
  return mul(mul(e, pow2(n1)), pow2(n2));
}

Value *VM::x86(X86Op op, Value *a, Value *b, int imm) {
  // VSCALEFPS: a * 2^floor(b), rounded once (the same value as the two
  // products of expReduced, denormals included); a nan in either gives a
  // nan. VGETEXPPS: floor(log2 |a|) as a float, denormals included.
  // VGETMANTPS: |a|'s significand in the interval imm selects.
  bool dbl = a->getType()->getScalarType()->isDoubleTy(); // VSCALEFPD: 8 lanes a zmm
  unsigned full = dbl ? 8 : 16;
  unsigned piece = lanes_ >= full ? full : lanes_;
  auto one = [&](Value *pa, Value *pb) -> Value * {
    using ID = llvm::Intrinsic::ID;
    namespace I = llvm::Intrinsic;
    auto pick = [&](ID w16, ID w8, ID w4) {
      return piece == full ? w16 : piece * 2 == full ? w8 : w4;
    };
    Value *pass = llvm::PoisonValue::get(pa->getType());
    Value *all = piece == 16 ? b_.getInt16(0xffff) : b_.getInt8(0xff);
    std::vector<Value *> args;
    ID id = I::not_intrinsic; // every X86Op sets it below
    switch (op) {
    case X86Op::Scalef:
      id = dbl ? pick(I::x86_avx512_mask_scalef_pd_512, I::x86_avx512_mask_scalef_pd_256,
                      I::x86_avx512_mask_scalef_pd_128)
               : pick(I::x86_avx512_mask_scalef_ps_512, I::x86_avx512_mask_scalef_ps_256,
                      I::x86_avx512_mask_scalef_ps_128);
      args = {pa, pb, pass, all};
      break;
    case X86Op::Getexp:
      id = pick(I::x86_avx512_mask_getexp_ps_512, I::x86_avx512_mask_getexp_ps_256,
                I::x86_avx512_mask_getexp_ps_128);
      args = {pa, pass, all};
      break;
    case X86Op::Getmant:
      id = pick(I::x86_avx512_mask_getmant_ps_512, I::x86_avx512_mask_getmant_ps_256,
                I::x86_avx512_mask_getmant_ps_128);
      args = {pa, b_.getInt32(imm), pass, all};
      break;
    }
    HY_ASSERT(!dbl || op == X86Op::Scalef, "VectorMath: float64 lanes only scale");
    if (piece == full) args.push_back(b_.getInt32(4)); // the current rounding mode
    return b_.CreateIntrinsic(id, {}, args);
  };
  if (piece == lanes_) return one(a, b);
  auto lanesFrom = [](unsigned first, unsigned count) {
    std::vector<int> m(count);
    for (unsigned k = 0; k < count; ++k) m[k] = int(first + k);
    return m;
  };
  std::vector<Value *> parts;
  for (unsigned at = 0; at < lanes_; at += piece)
    parts.push_back(one(b_.CreateShuffleVector(a, lanesFrom(at, piece)),
                        b ? b_.CreateShuffleVector(b, lanesFrom(at, piece)) : nullptr));
  while (parts.size() > 1) { // concatenate pairwise
    std::vector<Value *> next;
    for (size_t k = 0; k + 1 < parts.size(); k += 2) {
      unsigned w = llvm::cast<llvm::FixedVectorType>(parts[k]->getType())->getNumElements();
      next.push_back(b_.CreateShuffleVector(parts[k], parts[k + 1], lanesFrom(0, 2 * w)));
    }
    if (parts.size() % 2) next.push_back(parts.back());
    parts = std::move(next);
  }
  return parts[0];
}

Value *VM::exp(Value *x) {
  // Clamp to [-104, 89] (past either end the result is already +inf / +0
  // in float) with ordered compares, so that a nan passes (x86's
  // MINPS/MAXPS with x second) and every step after keeps it a nan.
  Value *xc = select(b_.CreateFCmpOGT(x, c(89.0)), c(89.0), x);
  xc = select(b_.CreateFCmpOLT(xc, c(-104.0)), c(-104.0), xc);
  // n = round(x / ln 2) (the 1.5 * 2^23 trick rounds to nearest on every
  // target, no roundps needed); r = x - n ln 2 in two parts (Cody-Waite).
  Value *magic = c(12582912.0);
  Value *t = add(mul(xc, c(1.44269504088896341)), magic);
  Value *n = sub(t, magic);
  Value *r = fma(n, c(-0.693359375), xc);
  r = fma(n, c(2.12194440e-4), r);
  return expReduced(t, n, r);
}

Value *VM::exp2(Value *x) {
  // Clamp to [-151, 129] (+0 and +inf beyond; a nan passes, as in exp);
  // n = round(x), f = x - n is exact and r = f ln 2 is rounded once (ln 2
  // in two parts).
  Value *xc = select(b_.CreateFCmpOGT(x, c(129.0)), c(129.0), x);
  xc = select(b_.CreateFCmpOLT(xc, c(-151.0)), c(-151.0), xc);
  Value *magic = c(12582912.0);
  Value *t = add(xc, magic);
  Value *n = sub(t, magic);
  Value *f = sub(xc, n);
  Value *r = fma(f, c(0.693147182464599609375), mul(f, c(-1.904654323148236e-09)));
  return expReduced(t, n, r);
}

//===--- float64 ------------------------------------------------------===//
// exp: Cody-Waite reduction x = n ln2 + (hi - lo) with ln2 in fdlibm's two
// parts (n ln2_hi exact for |n| < 2^21), e^r by its Taylor series to r^13
// (remainder below 2^-60 on |r| <= ln2/2), summed as 1 + (hi + (r^2 P(r) -
// lo)); scaled as float32's exp. log: fdlibm's e_log.c (s = f / (2 + f),
// R a polynomial in s^2), with x taken apart by bit operations.

Value *VM::expReducedD(Value *t, Value *n, Value *hi, Value *lo) {
  Value *r = b_.CreateFSub(hi, lo);
  Value *p =
      poly(r, {1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040, 1.0 / 40320,
               1.0 / 362880, 1.0 / 3628800, 1.0 / 39916800, 1.0 / 479001600, 1.0 / 6227020800.0});
  Value *q = b_.CreateFSub(b_.CreateFMul(b_.CreateFMul(r, r), p), lo);
  Value *e = b_.CreateFAdd(cd(1.0), b_.CreateFAdd(hi, q));
  if (avx512d_) return x86(X86Op::Scalef, e, n);
  // 2^n as 2^n1 * 2^n2, both normal: denormal results are rounded once,
  // overflow gives +inf; n from t's bits (a nan gives some power of two).
  Value *ni = b_.CreateSub(b_.CreateBitCast(t, lt_), cl(0x4338000000000000ll));
  Value *n1 = b_.CreateAShr(ni, 1);
  Value *n2 = b_.CreateSub(ni, n1);
  return b_.CreateFMul(b_.CreateFMul(e, pow2d(n1)), pow2d(n2));
}

Value *VM::expD(Value *x) {
  // Clamp to [-746, 710] (+0 and +inf beyond); a nan passes, as in exp.
  Value *xc = select(b_.CreateFCmpOGT(x, cd(710.0)), cd(710.0), x);
  xc = select(b_.CreateFCmpOLT(xc, cd(-746.0)), cd(-746.0), xc);
  return expParts(xc, nullptr);
}

Value *VM::expParts(Value *hi, Value *lo) {
  Value *magic = cd(6755399441055744.0); // 1.5 * 2^52
  Value *t = b_.CreateFAdd(
      b_.CreateFMul(lo ? b_.CreateFAdd(hi, lo) : hi, cd(1.44269504088896338700e+00)), magic);
  Value *n = b_.CreateFSub(t, magic);
  Value *rhi = fma(n, cd(-6.93147180369123816490e-01), hi); // exact
  Value *rlo = b_.CreateFMul(n, cd(1.90821492927058770002e-10));
  if (lo) rlo = b_.CreateFSub(rlo, lo);
  return expReducedD(t, n, rhi, rlo);
}

Value *VM::exp2D(Value *x) {
  // Clamp to [-1076, 1025]; n = round(x), f = x - n exact, r = f ln 2 with
  // ln 2 in two parts (rounded once).
  Value *xc = select(b_.CreateFCmpOGT(x, cd(1025.0)), cd(1025.0), x);
  xc = select(b_.CreateFCmpOLT(xc, cd(-1076.0)), cd(-1076.0), xc);
  Value *magic = cd(6755399441055744.0);
  Value *t = b_.CreateFAdd(xc, magic);
  Value *n = b_.CreateFSub(t, magic);
  Value *f = b_.CreateFSub(xc, n);
  Value *r = fma(f, cd(0.6931471805599453), b_.CreateFMul(f, cd(2.3190468138462996e-17)));
  return expReducedD(t, n, r, cd(0.0));
}

void VM::logPartsD(Value *x, Value *&k, Value *&f, Value *&hfsq, Value *&sr) {
  // Denormals: scale into the normal range first.
  Value *tiny = b_.CreateFCmpOLT(x, cd(2.2250738585072014e-308));
  Value *xs = select(tiny, b_.CreateFMul(x, cd(18014398509481984.0)), x); // 2^54
  Value *kAdj = select(tiny, cd(-54.0), cd(0.0));
  // x = m 2^k with m in [sqrt(1/2), sqrt(2)).
  Value *bits = b_.CreateBitCast(xs, lt_);
  Value *ei = b_.CreateSub(b_.CreateLShr(bits, 52), cl(1022));
  Value *m = b_.CreateBitCast(
      b_.CreateOr(b_.CreateAnd(bits, cl(0x000fffffffffffffll)), cl(0x3fe0000000000000ll)),
      dt_); // [0.5, 1)
  Value *small = b_.CreateFCmpOLT(m, cd(0.70710678118654752440));
  k = b_.CreateFAdd(b_.CreateSIToFP(ei, dt_), kAdj);
  k = select(small, b_.CreateFSub(k, cd(1.0)), k);
  f = b_.CreateFSub(select(small, b_.CreateFAdd(m, m), m), cd(1.0));
  // log(1 + f) = f - (hfsq - s (hfsq + R)), s = f / (2 + f) (fdlibm).
  hfsq = b_.CreateFMul(cd(0.5), b_.CreateFMul(f, f));
  Value *s = b_.CreateFDiv(f, b_.CreateFAdd(cd(2.0), f));
  Value *z = b_.CreateFMul(s, s);
  Value *w = b_.CreateFMul(z, z);
  Value *t1 = b_.CreateFMul(
      w, poly(w, {3.999999999940941908e-01, 2.222219843214978396e-01, 1.531383769920937332e-01}));
  Value *t2 = b_.CreateFMul(z, poly(w, {6.666666666666735130e-01, 2.857142874366239149e-01,
                                        1.818357216161805012e-01, 1.479819860511658591e-01}));
  Value *R = b_.CreateFAdd(t2, t1);
  sr = b_.CreateFMul(s, b_.CreateFAdd(hfsq, R));
}

Value *VM::logD(Value *x) {
  // k ln2_hi - ((hfsq - (s (hfsq + R) + k ln2_lo)) - f), fdlibm's order.
  Value *k, *f, *hfsq, *sr;
  logPartsD(x, k, f, hfsq, sr);
  Value *inner = b_.CreateFAdd(sr, b_.CreateFMul(k, cd(1.90821492927058770002e-10)));
  Value *r = b_.CreateFSub(b_.CreateFMul(k, cd(6.93147180369123816490e-01)),
                           b_.CreateFSub(b_.CreateFSub(hfsq, inner), f));
  return logSpecials(x, r);
}

Value *VM::log2D(Value *x) {
  // k + (hi + lo) / ln 2 with 1/ln 2 in two parts, k added with its
  // rounding error carried (exact at powers of two).
  Value *k, *f, *hfsq, *sr, *hi, *lo;
  logPartsD(x, k, f, hfsq, sr);
  splitLog1p(f, hfsq, sr, hi, lo);
  Value *vhi = b_.CreateFMul(hi, cd(1.4426950407214463));
  Value *vlo = b_.CreateFAdd(b_.CreateFMul(b_.CreateFAdd(lo, hi), cd(1.6751713164886512e-10)),
                             b_.CreateFMul(lo, cd(1.4426950407214463)));
  Value *w = b_.CreateFAdd(k, vhi);
  vlo = b_.CreateFAdd(vlo, b_.CreateFAdd(b_.CreateFSub(k, w), vhi));
  return logSpecials(x, b_.CreateFAdd(vlo, w));
}

Value *VM::log10D(Value *x) {
  // k log10(2) + (hi + lo) log10(e), the constants in two parts, as log2.
  Value *k, *f, *hfsq, *sr, *hi, *lo;
  logPartsD(x, k, f, hfsq, sr);
  splitLog1p(f, hfsq, sr, hi, lo);
  Value *vhi = b_.CreateFMul(hi, cd(0.4342944818781689));
  Value *k2 = b_.CreateFMul(k, cd(0.30102999566361177));
  Value *vlo =
      b_.CreateFAdd(b_.CreateFAdd(b_.CreateFMul(k, cd(3.694239077158931e-13)),
                                  b_.CreateFMul(b_.CreateFAdd(lo, hi), cd(2.5082946711645275e-11))),
                    b_.CreateFMul(lo, cd(0.4342944818781689)));
  Value *w = b_.CreateFAdd(k2, vhi);
  vlo = b_.CreateFAdd(vlo, b_.CreateFAdd(b_.CreateFSub(k2, w), vhi));
  return logSpecials(x, b_.CreateFAdd(vlo, w));
}

Value *VM::tanhD(Value *x) {
  // |x| < 1: t / (t + 2) with t = e^(2|x|) - 1 by its Taylor series (to
  // u^26 on u < 2: remainder below 2^-60 of t; all terms positive), t kept
  // as a double-double; tiny x give |x| exactly. Otherwise 1 - 2 /
  // (e^(2|x|) + 1) (1 once e^(2|x|) is large or +inf). The sign of x is
  // copied back.
  Value *ax = fabs(x);
  Value *u = b_.CreateFAdd(ax, ax);
  std::vector<double> inv; // 1/2!, 1/3!, ..., 1/26!
  double f = 1.0;
  for (int k = 2; k <= 26; ++k) inv.push_back(1.0 / (f *= k));
  Value *p = horner(u, inv.size(), [&](size_t k) { return cd(inv[k]); });
  Value *t, *tl; // t + tl = u + u^2 P(u)
  twoSum(u, b_.CreateFMul(b_.CreateFMul(u, u), p), t, tl);
  // The quotient corrected for t's low part, the rounding of t + 2 (d + de
  // exactly) and of the division (fma's residual).
  Value *d = b_.CreateFAdd(t, cd(2.0));
  Value *de = b_.CreateFAdd(b_.CreateFSub(t, b_.CreateFSub(d, cd(2.0))), tl);
  Value *q0 = b_.CreateFDiv(t, d);
  Value *res = fused(b_.CreateFNeg(q0), d, t);
  Value *small = b_.CreateFAdd(
      q0, b_.CreateFDiv(b_.CreateFSub(b_.CreateFAdd(res, tl), b_.CreateFMul(q0, de)), d));
  Value *e = expD(u);
  Value *large = b_.CreateFSub(cd(1.0), b_.CreateFDiv(cd(2.0), b_.CreateFAdd(e, cd(1.0))));
  // A nan fails the compare and goes through `large` (exp of nan is nan).
  return copysign(select(b_.CreateFCmpOLT(ax, cd(1.0)), small, large), x);
}

void VM::remPio2Large(Value *ax, Value *&r, Value *&rr, Value *&q) {
  // |x| = M 2^E (M < 2^53 an integer) times 2/pi = sum c_k 2^(-24(k+1))
  // (24-bit chunks c_k, a table in the module) modulo 4, in integers: the
  // chunks from k0 = ceil((E - 25) / 24) on (earlier ones give multiples of
  // 4; two zero chunks stand before c_0 for small E), nine of them (the
  // rest is below 2^-135), times M's three 24-bit limbs. With s = E -
  // 24(k0 + 1) in [-22, 1], |x| 2/pi = 2^s sum_p A_p 2^(24p) mod 4, where
  // only the low 2 - s bits of A_0 and the fraction limbs A_-1..A_-8
  // matter. The fraction is then centred ([-1/2, 1/2]) in float64 and
  // carried as a double-double to r + rr = f pi/2 (the nearest multiples
  // of pi/2 of doubles leave |r| >= 2^-61 or so, so ~2^-115 is needed).
  // Two zero chunks before c_0 (small E), then 2/pi's.
  std::vector<uint32_t> chunks = {0, 0};
  chunks.insert(chunks.end(), std::begin(kTwoOverPi), std::end(kTwoOverPi));
  llvm::Module *m = b_.GetInsertBlock()->getModule();
  auto *tableTy = llvm::ArrayType::get(b_.getInt32Ty(), chunks.size());
  llvm::GlobalVariable *table = m->getNamedGlobal("hybridc.two_over_pi");
  if (!table)
    table = new llvm::GlobalVariable(
        *m, tableTy, true, llvm::GlobalValue::PrivateLinkage,
        llvm::ConstantDataArray::get(m->getContext(), llvm::ArrayRef<uint32_t>(chunks)),
        "hybridc.two_over_pi");

  Value *bits = b_.CreateBitCast(ax, lt_);
  Value *e = b_.CreateSub(b_.CreateLShr(bits, 52), cl(1075)); // in [-32, 971]
  Value *mant = b_.CreateOr(b_.CreateAnd(bits, cl(0x000fffffffffffffll)), cl(1ll << 52));
  Value *idx = b_.CreateUDiv(b_.CreateAdd(e, cl(46)), cl(24)); // k0 + 2
  Value *s = b_.CreateSub(b_.CreateAdd(e, cl(24)), b_.CreateMul(idx, cl(24)));
  Value *mj[3] = {b_.CreateAnd(mant, cl(0xffffff)),
                  b_.CreateAnd(b_.CreateLShr(mant, 24), cl(0xffffff)), b_.CreateLShr(mant, 48)};
  // c_{k0+i}, lane by lane (no gathers: this block is rare).
  Value *c[9];
  for (int i = 0; i < 9; ++i) {
    Value *v = llvm::PoisonValue::get(lt_);
    for (unsigned l = 0; l < lanes_; ++l) {
      Value *k = b_.CreateAdd(b_.CreateExtractElement(idx, uint64_t(l)), b_.getInt64(i));
      Value *ptr = b_.CreateInBoundsGEP(tableTy, table, {b_.getInt64(0), k});
      Value *word = b_.CreateZExt(b_.CreateLoad(b_.getInt32Ty(), ptr), b_.getInt64Ty());
      v = b_.CreateInsertElement(v, word, uint64_t(l));
    }
    c[i] = v;
  }
  // A_p = sum over j - i = p of M_j c_i (each product < 2^48), p = 0..-8.
  Value *a[9];
  for (int p = 0; p < 9; ++p) {
    Value *acc = cl(0);
    for (int j = 0; j < 3; ++j)
      if (j + p < 9) acc = b_.CreateAdd(acc, b_.CreateMul(mj[j], c[j + p]));
    a[p] = acc;
  }
  for (int p = 8; p > 0; --p) { // carries into A_0
    a[p - 1] = b_.CreateAdd(a[p - 1], b_.CreateLShr(a[p], 24));
    a[p] = b_.CreateAnd(a[p], cl(0xffffff));
  }
  Value *a0 = b_.CreateAnd(a[0], b_.CreateSub(b_.CreateShl(cl(1), b_.CreateSub(cl(2), s)), cl(1)));
  // Two limbs as one exact float64 (48 bits), scaled by 2^(s + shift).
  auto pair = [&](Value *hi, Value *lo, int shift) {
    Value *v = b_.CreateSIToFP(b_.CreateOr(b_.CreateShl(hi, 24), lo), dt_);
    return b_.CreateFMul(v, pow2d(b_.CreateAdd(s, cl(shift))));
  };
  Value *head = pair(a0, a[1], -24); // in [0, 4)
  Value *j = rintd(head);
  Value *f0 = b_.CreateFSub(head, j); // exact, in [-1/2, 1/2]
  Value *lhi = pair(a[2], a[3], -72);
  Value *llo = b_.CreateFAdd(
      pair(a[4], a[5], -120),
      b_.CreateFAdd(pair(a[6], a[7], -168),
                    b_.CreateFMul(b_.CreateSIToFP(a[8], dt_), pow2d(b_.CreateSub(s, cl(192))))));
  Value *fs, *fe;
  twoSum(f0, lhi, fs, fe);
  Value *fl = b_.CreateFAdd(fe, llo);
  Value *fh = b_.CreateFAdd(fs, fl);
  fl = b_.CreateFSub(fl, b_.CreateFSub(fh, fs));
  // r + rr = (fh + fl) pi/2, the product's error by a fused multiply-add.
  Value *pio2 = cd(1.5707963267948966), *pio2lo = cd(6.123233995736766e-17);
  Value *rh = b_.CreateFMul(fh, pio2);
  Value *err = fused(fh, pio2, b_.CreateFNeg(rh));
  Value *rl = b_.CreateFAdd(err, b_.CreateFAdd(b_.CreateFMul(fh, pio2lo), b_.CreateFMul(fl, pio2)));
  r = b_.CreateFAdd(rh, rl);
  rr = b_.CreateFSub(rl, b_.CreateFSub(r, rh));
  q = b_.CreateAnd(b_.CreateFPToSI(j, lt_), cl(3));
}

void VM::remPio2Call(Value *ax, Value *&r, Value *&rr, Value *&q) {
  llvm::Function *caller = b_.GetInsertBlock()->getParent();
  llvm::Module *m = caller->getParent();
  llvm::LLVMContext &ctx = m->getContext();
  auto *resultTy = llvm::StructType::get(ctx, {dt_, dt_, lt_});
  std::string name = "hybridc.rem_pio2.v" + std::to_string(lanes_);
  llvm::Function *fn = m->getFunction(name);
  if (!fn) {
    fn = llvm::Function::Create(llvm::FunctionType::get(resultTy, {dt_}, false),
                                llvm::GlobalValue::PrivateLinkage, name, m);
    fn->addFnAttr(llvm::Attribute::NoInline);
    fn->setDoesNotThrow();
    fn->setOnlyReadsMemory(); // the table of 2/pi
    // The caller's CPU and features: the same vector registers on both
    // sides of the call.
    for (const char *attr : {"target-cpu", "target-features"})
      if (caller->hasFnAttribute(attr)) fn->addFnAttr(caller->getFnAttribute(attr));
    llvm::IRBuilder<> fb(llvm::BasicBlock::Create(ctx, "entry", fn));
    VM inner(fb, lanes_, target_);
    Value *ir, *irr, *iq;
    inner.remPio2Large(fn->getArg(0), ir, irr, iq);
    Value *ret = llvm::PoisonValue::get(resultTy);
    ret = fb.CreateInsertValue(ret, ir, 0);
    ret = fb.CreateInsertValue(ret, irr, 1);
    fb.CreateRet(fb.CreateInsertValue(ret, iq, 2));
  }
  Value *res = b_.CreateCall(fn, {ax});
  r = b_.CreateExtractValue(res, 0);
  rr = b_.CreateExtractValue(res, 1);
  q = b_.CreateExtractValue(res, 2);
}

Value *VM::sinCosD(Value *x, bool cosine) {
  // |x| = j pi/2 + (r + rr), |r| <= pi/4 (about), then fdlibm's kernels by
  // quadrant; sin is odd and cos even, so |x| is reduced and the sign fixed.
  Value *ax = fabs(x);
  Value *inf = cd(INFINITY);
  Value *limit = cd(1647099.0); // < 2^20 pi/2: j < 2^20
  // Cody-Waite (fdlibm's medium case): pi/2 in three 33-bit parts p1, p2,
  // p3 (j pi is exact in each) and a tail; ax - j p1 is exact, the next two
  // subtractions keep their errors (TwoSum), so the cancellation near a
  // multiple of pi/2 loses nothing.
  Value *axm = select(b_.CreateFCmpOLT(ax, limit), ax, cd(0.0));
  Value *jm = rintd(b_.CreateFMul(axm, cd(0.63661977236758134308)));
  Value *y0 = b_.CreateFSub(axm, b_.CreateFMul(jm, cd(1.57079632673412561417e+00)));
  Value *s1, *e1, *s2, *e2;
  twoSum(y0, b_.CreateFNeg(b_.CreateFMul(jm, cd(6.07710050630396597660e-11))), s1, e1);
  twoSum(s1, b_.CreateFNeg(b_.CreateFMul(jm, cd(2.02226624871116645580e-21))), s2, e2);
  Value *lo =
      b_.CreateFSub(b_.CreateFAdd(e1, e2), b_.CreateFMul(jm, cd(8.47842766036889956997e-32)));
  Value *r = b_.CreateFAdd(s2, lo);
  Value *rr = b_.CreateFSub(lo, b_.CreateFSub(r, s2));
  Value *q = b_.CreateAnd(b_.CreateFPToSI(jm, lt_), cl(3));

  // Larger finite |x|: Payne-Hanek (one function per module and lane
  // count), called from a block entered only when some lane needs it. Frozen, so that the lanes a
  // caller left poison (the cuda target's scalars are lane 0 of two) branch and index the table
  // safely.
  Value *axf = b_.CreateFreeze(ax);
  Value *large = b_.CreateAnd(b_.CreateFCmpOGE(axf, limit), b_.CreateFCmpOLT(axf, inf));
  llvm::BasicBlock *from = b_.GetInsertBlock();
  llvm::Function *fn = from->getParent();
  llvm::LLVMContext &ctx = fn->getContext();
  auto *slow = llvm::BasicBlock::Create(ctx, cosine ? "cos.large" : "sin.large", fn);
  auto *join = llvm::BasicBlock::Create(ctx, cosine ? "cos.join" : "sin.join", fn);
  b_.CreateCondBr(b_.CreateOrReduce(large), slow, join);
  b_.SetInsertPoint(slow);
  Value *rl, *rrl, *ql;
  remPio2Call(select(large, axf, limit), rl, rrl, ql);
  Value *rs = select(large, rl, r), *rrs = select(large, rrl, rr), *qs = select(large, ql, q);
  llvm::BasicBlock *slowEnd = b_.GetInsertBlock();
  b_.CreateBr(join);
  b_.SetInsertPoint(join);
  auto merge = [&](Value *fast, Value *slowV) {
    llvm::PHINode *phi = b_.CreatePHI(fast->getType(), 2);
    phi->addIncoming(fast, from);
    phi->addIncoming(slowV, slowEnd);
    return phi;
  };
  r = merge(r, rs);
  rr = merge(rr, rrs);
  q = merge(q, qs);
  if (cosine) q = b_.CreateAnd(b_.CreateAdd(q, cl(1)), cl(3)); // cos x = sin(x + pi/2)

  // fdlibm's __kernel_sin(r, rr) and __kernel_cos(r, rr) (musl's form).
  Value *z = b_.CreateFMul(r, r);
  Value *w = b_.CreateFMul(z, z);
  Value *v = b_.CreateFMul(z, r);
  Value *sp =
      poly(z, {8.33333333332248946124e-03, -1.98412698298579493134e-04, 2.75573137070700676789e-06,
               -2.50507602534068634195e-08, 1.58969099521155010221e-10});
  Value *sinr = b_.CreateFSub(
      r, b_.CreateFSub(b_.CreateFSub(b_.CreateFMul(z, b_.CreateFSub(b_.CreateFMul(cd(0.5), rr),
                                                                    b_.CreateFMul(v, sp))),
                                     rr),
                       b_.CreateFMul(v, cd(-1.66666666666666324348e-01))));
  Value *cp = b_.CreateFAdd(
      b_.CreateFMul(z, poly(z, {4.16666666666666019037e-02, -1.38888888888741095749e-03,
                                2.48015872894767294178e-05})),
      b_.CreateFMul(b_.CreateFMul(w, w),
                    poly(z, {-2.75573143513906633035e-07, 2.08757232129817482790e-09,
                             -1.13596475577881948265e-11})));
  Value *hz = b_.CreateFMul(cd(0.5), z);
  Value *cw = b_.CreateFSub(cd(1.0), hz);
  Value *cosr =
      b_.CreateFAdd(cw, b_.CreateFAdd(b_.CreateFSub(b_.CreateFSub(cd(1.0), cw), hz),
                                      b_.CreateFSub(b_.CreateFMul(z, cp), b_.CreateFMul(r, rr))));
  // quadrant 0: sin r, 1: cos r, 2: -sin r, 3: -cos r
  Value *odd = b_.CreateICmpNE(b_.CreateAnd(q, cl(1)), cl(0));
  Value *res = b_.CreateSelect(odd, cosr, sinr);
  Value *flip = b_.CreateICmpUGE(q, cl(2));
  if (!cosine) flip = b_.CreateXor(flip, b_.CreateICmpSLT(b_.CreateBitCast(x, lt_), cl(0)));
  res = b_.CreateSelect(flip, b_.CreateFNeg(res), res);
  // inf and nan: nan.
  return select(b_.CreateFCmpUEQ(ax, inf), cd(NAN), res);
}

Value *VM::erfD(Value *x) {
  // fdlibm's s_erf.c with its intervals as lane selects: |x| < 0.84375:
  // x + x P(x^2)/Q(x^2); < 1.25: erx + P(s)/Q(s), s = |x| - 1 (one rational
  // for both, its coefficients selected per lane); < 6: 1 - e^(-z^2 - 0.5625
  // + (z - |x|)(z + |x|) + R/S) / |x| with z = |x| with its low 32 bits
  // clear (so -z^2 - 0.5625 is exact and the exponential takes it and the
  // rest as two parts) and R/S rational in 1/x^2 (fdlibm's two fits, below
  // and above 1/0.35, selected per lane); beyond, 1. The sign of x is copied
  // back (erf(-0) = -0).
  Value *ax = fabs(x);
  // A polynomial whose coefficients are a[k] where `first`, else b[k].
  auto poly2 = [&](Value *t, Value *first, std::initializer_list<double> a,
                   std::initializer_list<double> b) {
    HY_ASSERT(a.size() == b.size(), "erfD: coefficient lists of one length");
    return horner(t, a.size(),
                  [&](size_t k) { return select(first, cd(a.begin()[k]), cd(b.begin()[k])); });
  };
  Value *isSmall = b_.CreateFCmpOLT(ax, cd(0.84375));
  Value *t = select(isSmall, b_.CreateFMul(x, x), b_.CreateFSub(ax, cd(1.0)));
  Value *pq = b_.CreateFDiv(
      poly2(t, isSmall,
            {1.28379167095512558561e-01, -3.25042107247001499370e-01, -2.84817495755985104766e-02,
             -5.77027029648944159157e-03, -2.37630166566501626084e-05, 0.0, 0.0},
            {-2.36211856075265944077e-03, 4.14856118683748331666e-01, -3.72207876035701323847e-01,
             3.18346619901161753674e-01, -1.10894694282396677476e-01, 3.54783043256182359371e-02,
             -2.16637559486879084300e-03}),
      poly2(
          t, isSmall,
          {1.0, 3.97917223959155352819e-01, 6.50222499887672944485e-02, 5.08130628187576562776e-03,
           1.32494738004321644526e-04, -3.96022827877536812320e-06, 0.0},
          {1.0, 1.06420880400844228286e-01, 5.40397917702171048937e-01, 7.18286544141962662868e-02,
           1.26171219808761642112e-01, 1.36370839120290507362e-02, 1.19844998467991074170e-02}));
  Value *small = fma(x, pq, x);
  Value *mid = b_.CreateFAdd(cd(8.45062911510467529297e-01), pq);

  Value *axc = select(b_.CreateFCmpOLT(ax, cd(6.0)), ax, cd(6.0)); // no overflow below
  Value *w = b_.CreateFDiv(cd(1.0), b_.CreateFMul(axc, axc));
  Value *isA = b_.CreateFCmpOLT(axc, cd(1.0 / 0.35));
  Value *rs = b_.CreateFDiv(
      poly2(w, isA,
            {-9.86494403484714822705e-03, -6.93858572707181764372e-01, -1.05586262253232909814e01,
             -6.23753324503260060396e01, -1.62396669462573470355e02, -1.84605092906711035994e02,
             -8.12874355063065934246e01, -9.81432934416914548592e00},
            {-9.86494292470009928597e-03, -7.99283237680523006574e-01, -1.77579549177547519889e01,
             -1.60636384855821916062e02, -6.37566443368389627722e02, -1.02509513161107724954e03,
             -4.83519191608651397019e02, 0.0}),
      poly2(w, isA,
            {1.0, 1.96512716674392571292e01, 1.37657754143519042600e02, 4.34565877475229228821e02,
             6.45387271733267880336e02, 4.29008140027567833386e02, 1.08635005541779435134e02,
             6.57024977031928170135e00, -6.04244152148580987438e-02},
            {1.0, 3.03380607434824582924e01, 3.25792512996573918826e02, 1.53672958608443695994e03,
             3.19985821950859553908e03, 2.55305040643316442583e03, 4.74528541206955367215e02,
             -2.24409524465858183362e01, 0.0}));
  Value *zh = clearLow(axc);
  Value *hi = b_.CreateFSub(b_.CreateFNeg(b_.CreateFMul(zh, zh)), cd(0.5625));
  Value *lo = b_.CreateFAdd(b_.CreateFMul(b_.CreateFSub(zh, axc), b_.CreateFAdd(zh, axc)), rs);
  Value *e = expParts(hi, lo);
  Value *tail = b_.CreateFSub(cd(1.0), b_.CreateFDiv(e, axc));
  tail = select(b_.CreateFCmpOLT(ax, cd(6.0)), tail, cd(1.0));
  Value *large = select(b_.CreateFCmpOLT(ax, cd(1.25)), mid, tail);
  // A nan fails the compares: `large` with ax clamped gives 1; keep the nan.
  large = select(isNan(x), x, large);
  return select(isSmall, small, copysign(large, x));
}

Value *VM::powD(Value *x, Value *y) {
  // fdlibm's e_pow.c without its branches: log2|x| = t1 + t2 (t1 with its
  // low 32 bits clear) from s = (m - bp) / (m + bp), bp = 1 or 1.5, kept
  // in two parts; y (t1 + t2) = p_h + p_l, p_h = y1 t1 exact (y1: y's low
  // 32 bits clear); 2^(p_h + p_l) by fdlibm's rational exp on the
  // remainder after the nearest integer n, scaled by 2^n (rounded once
  // below the normal range). C99's special cases at the end.
  auto hiWord = [&](Value *hw, Value *low) { // the float64 with high word hw, low word low
    return b_.CreateBitCast(b_.CreateOr(b_.CreateShl(hw, 32), low), dt_);
  };
  Value *ax = fabs(x);
  Value *tiny = b_.CreateFCmpOLT(ax, cd(2.2250738585072014e-308));
  Value *axs = select(tiny, b_.CreateFMul(ax, cd(9007199254740992.0)), ax); // 2^53
  Value *bits = b_.CreateBitCast(axs, lt_);
  Value *ix = b_.CreateLShr(bits, 32);
  Value *n =
      b_.CreateAdd(b_.CreateSub(b_.CreateLShr(ix, 20), cl(0x3ff)), select(tiny, cl(-53), cl(0)));
  Value *j = b_.CreateAnd(ix, cl(0xfffff));
  Value *big = b_.CreateICmpSGE(j, cl(0xBB67A));                                 // m >= sqrt(3)
  Value *k1 = b_.CreateAnd(b_.CreateICmpSGT(j, cl(0x3988E)), b_.CreateNot(big)); // bp = 1.5
  n = select(big, b_.CreateAdd(n, cl(1)), n);
  Value *ixn = b_.CreateSub(b_.CreateOr(j, cl(0x3ff00000)), select(big, cl(0x100000), cl(0)));
  Value *m = hiWord(ixn, b_.CreateAnd(bits, cl(0xffffffff)));
  Value *bp = select(k1, cd(1.5), cd(1.0));
  Value *dph = select(k1, cd(5.84962487220764160156e-01), cd(0.0));
  Value *dpl = select(k1, cd(1.35003920212974897128e-08), cd(0.0));
  // ss = s_h + s_l = (m - bp) / (m + bp)
  Value *u = b_.CreateFSub(m, bp);
  Value *v = b_.CreateFDiv(cd(1.0), b_.CreateFAdd(m, bp));
  Value *ss = b_.CreateFMul(u, v);
  Value *sh = clearLow(ss);
  Value *th = hiWord(
      b_.CreateAdd(b_.CreateAdd(b_.CreateOr(b_.CreateLShr(ixn, 1), cl(0x20000000)), cl(0x00080000)),
                   select(k1, cl(1 << 18), cl(0))),
      cl(0)); // m + bp's high part
  Value *tl = b_.CreateFSub(m, b_.CreateFSub(th, bp));
  Value *sl = b_.CreateFMul(
      v, b_.CreateFSub(b_.CreateFSub(u, b_.CreateFMul(sh, th)), b_.CreateFMul(sh, tl)));
  // log(m / bp) = 2 ss + 2/3 ss^3 + ..., in two parts
  Value *s2 = b_.CreateFMul(ss, ss);
  Value *r = b_.CreateFMul(b_.CreateFMul(s2, s2),
                           poly(s2, {5.99999999999994648725e-01, 4.28571428578550184252e-01,
                                     3.33333329818377432918e-01, 2.72728123808534006489e-01,
                                     2.30660745775561754067e-01, 2.06975017800338417784e-01}));
  r = b_.CreateFAdd(r, b_.CreateFMul(sl, b_.CreateFAdd(sh, ss)));
  s2 = b_.CreateFMul(sh, sh);
  th = clearLow(b_.CreateFAdd(b_.CreateFAdd(cd(3.0), s2), r));
  tl = b_.CreateFSub(r, b_.CreateFSub(b_.CreateFSub(th, cd(3.0)), s2));
  u = b_.CreateFMul(sh, th);
  v = b_.CreateFAdd(b_.CreateFMul(sl, th), b_.CreateFMul(tl, ss));
  Value *ph = clearLow(b_.CreateFAdd(u, v));
  Value *pl = b_.CreateFSub(v, b_.CreateFSub(ph, u));
  // log2|x| = n + dp_h + z_h + z_l, z = (ss + ...) 2 / (3 ln 2)
  Value *zh = b_.CreateFMul(cd(9.61796700954437255859e-01), ph);
  Value *zl = b_.CreateFAdd(b_.CreateFAdd(b_.CreateFMul(cd(-7.02846165095275826516e-09), ph),
                                          b_.CreateFMul(pl, cd(9.61796693925975554329e-01))),
                            dpl);
  Value *t = b_.CreateSIToFP(n, dt_);
  Value *t1 = clearLow(b_.CreateFAdd(b_.CreateFAdd(b_.CreateFAdd(zh, zl), dph), t));
  Value *t2 = b_.CreateFSub(zl, b_.CreateFSub(b_.CreateFSub(b_.CreateFSub(t1, t), dph), zh));
  // y log2|x| = p_h + p_l
  Value *y1 = clearLow(y);
  pl = b_.CreateFAdd(b_.CreateFMul(b_.CreateFSub(y, y1), t1), b_.CreateFMul(y, t2));
  ph = b_.CreateFMul(y1, t1);
  Value *z = b_.CreateFAdd(pl, ph);
  Value *over =
      b_.CreateOr(b_.CreateFCmpOGT(z, cd(1024.0)),
                  b_.CreateAnd(b_.CreateFCmpOEQ(z, cd(1024.0)),
                               b_.CreateFCmpOGT(b_.CreateFAdd(pl, cd(8.0085662595372944372e-17)),
                                                b_.CreateFSub(z, ph))));
  Value *under = b_.CreateOr(
      b_.CreateFCmpOLT(z, cd(-1075.0)),
      b_.CreateAnd(b_.CreateFCmpOEQ(z, cd(-1075.0)), b_.CreateFCmpOLE(pl, b_.CreateFSub(z, ph))));
  // 2^(p_h + p_l), with p_h kept where the result is finite and nonzero
  Value *inRange = b_.CreateFCmpOLT(fabs(ph), cd(1100.0));
  ph = select(inRange, ph, cd(0.0));
  pl = select(inRange, pl, cd(0.0));
  Value *nn = rintd(b_.CreateFAdd(ph, pl));
  ph = b_.CreateFSub(ph, nn);
  t = clearLow(b_.CreateFAdd(pl, ph));
  u = b_.CreateFMul(t, cd(6.93147182464599609375e-01));
  v = b_.CreateFAdd(
      b_.CreateFMul(b_.CreateFSub(pl, b_.CreateFSub(t, ph)), cd(6.93147180559945286227e-01)),
      b_.CreateFMul(t, cd(-1.90465429995776804525e-09)));
  Value *zz = b_.CreateFAdd(u, v);
  Value *w = b_.CreateFSub(v, b_.CreateFSub(zz, u));
  Value *tt = b_.CreateFMul(zz, zz);
  t1 = b_.CreateFSub(
      zz, b_.CreateFMul(tt, poly(tt, {1.66666666666666019037e-01, -2.77777777770155933842e-03,
                                      6.61375632143793436117e-05, -1.65339022054652515390e-06,
                                      4.13813679705723846039e-08})));
  r = b_.CreateFDiv(b_.CreateFMul(zz, t1), b_.CreateFSub(b_.CreateFSub(t1, cd(2.0)),
                                                         b_.CreateFAdd(w, b_.CreateFMul(zz, w))));
  zz = b_.CreateFSub(cd(1.0), b_.CreateFSub(r, zz));
  Value *res; // zz 2^n, rounded once (as exp's scaling)
  if (avx512d_) {
    res = x86(X86Op::Scalef, zz, nn);
  } else {
    Value *ni = b_.CreateFPToSI(select(isNan(nn), cd(0.0), nn), lt_);
    Value *n1 = b_.CreateAShr(ni, 1);
    res = b_.CreateFMul(b_.CreateFMul(zz, pow2d(n1)), pow2d(b_.CreateSub(ni, n1)));
  }
  res = select(over, cd(INFINITY), select(under, cd(0.0), res));
  return powSpecials(x, y, res);
}

Value *VM::powSpecials(Value *x, Value *y, Value *res) {
  Value *ax = fabs(x);
  Value *inf = like(x, INFINITY), *zero = like(x, 0.0), *one = like(x, 1.0);
  Value *yNeg = b_.CreateFCmpOLT(y, zero);
  auto trunc = [&](Value *v) { return b_.CreateUnaryIntrinsic(llvm::Intrinsic::trunc, v); };
  Value *yInt = b_.CreateFCmpOEQ(y, trunc(y)); // +-inf too
  Value *half = mul(y, like(y, 0.5));
  Value *yOdd = b_.CreateAnd(yInt, b_.CreateFCmpONE(half, trunc(half)));
  // |y| = inf: |x| < 1 gives 0 for +inf and inf for -inf, |x| > 1 the opposite
  Value *yInf = b_.CreateFCmpOEQ(fabs(y), inf);
  res = select(yInf, select(b_.CreateXor(b_.CreateFCmpOLT(ax, one), yNeg), zero, inf), res);
  res = select(b_.CreateFCmpOEQ(ax, zero), select(yNeg, inf, zero), res);
  res = select(b_.CreateFCmpOEQ(ax, inf), select(yNeg, zero, inf), res);
  auto *intTy = llvm::VectorType::getInteger(llvm::cast<llvm::VectorType>(x->getType()));
  Value *xSign = b_.CreateICmpSLT(b_.CreateBitCast(x, intTy), llvm::Constant::getNullValue(intTy));
  res = select(b_.CreateAnd(xSign, yOdd), b_.CreateFNeg(res), res);
  Value *negFinite =
      b_.CreateAnd(b_.CreateFCmpOLT(x, zero), b_.CreateFCmpONE(x, like(x, -INFINITY)));
  res = select(b_.CreateAnd(negFinite, b_.CreateNot(yInt)), like(x, NAN), res);
  res = select(b_.CreateOr(isNan(x), isNan(y)), like(x, NAN), res);
  res = select(b_.CreateAnd(b_.CreateFCmpOEQ(ax, one), yInf), one, res);
  res = select(b_.CreateFCmpOEQ(x, one), one, res);
  return select(b_.CreateFCmpOEQ(y, zero), one, res);
}

Value *VM::logParts(Value *x, Value *&e, Value *&m, Value *&z) {
  if (avx512_) {
    // x = m1 2^e1 with m1 in [1, 2) by VGETMANTPS and VGETEXPPS (denormals
    // included), then m and e as below: the same values.
    Value *m1 = x86(X86Op::Getmant, x, nullptr, 0); // interval [1, 2), sign of x
    Value *e1 = x86(X86Op::Getexp, x);
    Value *small = b_.CreateFCmpOLT(m1, c(2 * 0.707106781186547524));
    e = select(small, e1, add(e1, c(1.0)));
    m = sub(select(small, m1, mul(m1, c(0.5))), c(1.0));
    return logPoly(m, z);
  }
  // Denormals: scale into the normal range first.
  Value *sub_ = b_.CreateFCmpOLT(x, c(1.17549435e-38));
  Value *xs = select(sub_, mul(x, c(8388608.0)), x);
  Value *eAdj = select(sub_, c(-23.0), c(0.0));
  // x = m 2^e with m in [sqrt(1/2), sqrt(2)).
  Value *bits = toInt(xs);
  Value *ei = b_.CreateSub(b_.CreateLShr(bits, 23), ci(126));
  m = toFloat(b_.CreateOr(b_.CreateAnd(bits, ci(0x007fffff)), ci(0x3f000000))); // [0.5, 1)
  Value *small = b_.CreateFCmpOLT(m, c(0.707106781186547524));
  e = add(b_.CreateSIToFP(ei, ft_), eAdj);
  e = select(small, sub(e, c(1.0)), e);
  m = sub(select(small, add(m, m), m), c(1.0));
  return logPoly(m, z);
}

Value *VM::logPoly(Value *m, Value *&z) {
  // log(1 + m) = m - m^2/2 + m^3 P(m) (Cephes logf).
  z = mul(m, m);
  Value *p = poly(m, {3.3333331174E-1, -2.4999993993E-1, 2.0000714765E-1, -1.6668057665E-1,
                      1.4249322787E-1, -1.2420140846E-1, 1.1676998740E-1, -1.1514610310E-1,
                      7.0376836292E-2});
  return mul(mul(p, m), z);
}

Value *VM::logSpecials(Value *x, Value *r) {
  auto k = [&](double v) { return llvm::ConstantFP::get(x->getType(), v); }; // float32 or 64
  r = select(b_.CreateFCmpOEQ(x, k(INFINITY)), k(INFINITY), r);
  r = select(b_.CreateFCmpOEQ(x, k(0.0)), k(-INFINITY), r);
  return select(b_.CreateFCmpULT(x, k(0.0)), k(NAN), r); // nan too
}

Value *VM::log(Value *x) {
  // Cephes' order: m + (y - e * 2.12e-4 - z/2) + e * 0.693... (ln 2 in two
  // parts, the small one added first).
  Value *e, *m, *z;
  Value *y = logParts(x, e, m, z);
  y = fma(e, c(-2.12194440e-4), y);
  y = fma(z, c(-0.5), y);
  Value *r = add(m, y);
  r = fma(e, c(0.693359375), r);
  return logSpecials(x, r);
}

Value *VM::log2(Value *x) {
  // e + log(1 + m) log2(e), log2(e) in two parts: exact at powers of two.
  Value *e;
  Value *l = log1pm(x, e);
  Value *r = add(e, fma(l, c(1.44269502162933349609375), mul(l, c(1.92596298909109e-08))));
  return logSpecials(x, r);
}

Value *VM::log10(Value *x) {
  // e log10(2) + log(1 + m) log10(e), each constant in two parts.
  Value *e;
  Value *l = log1pm(x, e);
  Value *s = fma(l, c(0.4342944920063019), mul(l, c(-1.010305006321488e-08)));
  Value *r = fma(e, c(0.3010300099849701), fma(e, c(-1.432098889475597e-08), s));
  return logSpecials(x, r);
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

Value *VM::pow(Value *x, Value *y) {
  // |x|^y = 2^(y log2|x|), computed in double: log2 by the atanh series
  // (error ~2^-35, plenty for y log2|x| in [-150, 128] to float
  // precision), the product, and 2^t by a degree-9 Taylor polynomial of
  // e^(f ln 2) on |f| <= 1/2, scaled by 2^n in double; one rounding to float
  // at the end (denormals and overflow included).
  Value *ax = fabs(x);
  Value *d = b_.CreateFPExt(ax, dt_);
  // d = 2^e m, m in [sqrt(1/2), sqrt(2)) (float's denormals are normal doubles).
  Value *bits = b_.CreateBitCast(d, lt_);
  Value *e = b_.CreateSub(b_.CreateLShr(bits, 52), cl(1023));
  Value *m = b_.CreateBitCast(
      b_.CreateOr(b_.CreateAnd(bits, cl(0x000fffffffffffffLL)), cl(0x3ff0000000000000LL)),
      dt_); // [1, 2)
  Value *big = b_.CreateFCmpOGT(m, cd(1.4142135623730951));
  m = b_.CreateSelect(big, b_.CreateFMul(m, cd(0.5)), m);
  e = b_.CreateSelect(big, b_.CreateAdd(e, cl(1)), e);
  // ln m = 2 atanh(s), s = (m - 1) / (m + 1), |s| <= 0.1716.
  Value *s = b_.CreateFDiv(b_.CreateFSub(m, cd(1.0)), b_.CreateFAdd(m, cd(1.0)));
  Value *s2 = b_.CreateFMul(s, s);
  Value *p = cd(1.0 / 13);
  for (double k : {11.0, 9.0, 7.0, 5.0, 3.0, 1.0}) p = fma(p, s2, cd(1.0 / k));
  Value *lnm = b_.CreateFMul(b_.CreateFMul(s, cd(2.0)), p);
  Value *log2x = fma(lnm, cd(1.4426950408889634), b_.CreateSIToFP(e, dt_));
  Value *t = b_.CreateFMul(b_.CreateFPExt(y, dt_), log2x);
  // Past +-200 the float result is inf or 0 either way (nan stays nan).
  t = b_.CreateSelect(b_.CreateFCmpOGT(t, cd(200.0)), cd(200.0), t);
  t = b_.CreateSelect(b_.CreateFCmpOLT(t, cd(-200.0)), cd(-200.0), t);
  Value *n = rintd(t);
  Value *r = b_.CreateFMul(b_.CreateFSub(t, n), cd(0.6931471805599453));
  Value *q = cd(1.0 / 362880);
  for (double f : {40320.0, 5040.0, 720.0, 120.0, 24.0, 6.0, 2.0, 1.0, 1.0})
    q = fma(q, r, cd(1.0 / f));
  Value *ni = b_.CreateFPToSI(b_.CreateSelect(isNan(n), cd(0.0), n), lt_);
  Value *scale = pow2d(ni);
  Value *res = b_.CreateFPTrunc(b_.CreateFMul(q, scale), ft_);
  return powSpecials(x, y, res);
}

Value *VM::sinCos(Value *x, bool cosine) {
  // In float64: x = j pi/2 + r, |r| <= pi/4 (about), then the sine or cosine
  // polynomial of r (musl's __sindf/__cosdf, error < 2^-34) by quadrant.
  Value *d = b_.CreateFPExt(x, dt_);

  // |x| < 2^28 pi/2 (musl's medium case): j = rintd(x 2/pi), r = x - j p1 - j
  // p1t with p1 the first 25 bits of pi/2, so that j p1 is exact.
  Value *jm = rintd(b_.CreateFMul(d, cd(0.63661977236758134308)));
  Value *rm = b_.CreateFSub(b_.CreateFSub(d, b_.CreateFMul(jm, cd(1.57079631090164184570e+00))),
                            b_.CreateFMul(jm, cd(1.58932547735281966916e-08)));

  // Larger |x| (Payne-Hanek): x = M 2^E (M < 2^24 an integer, E <= 104)
  // times 2/pi = sum c_k 2^(-24(k+1)) (24-bit chunks c_k), modulo 4: the
  // terms from the first chunk k0 whose product is not a multiple of 4, five
  // of them, each exact in float64 (48-bit products), reduced mod 4 one at a
  // time so that the fraction keeps ~2^-52.
  Value *ax = fabs(x);
  Value *bits = toInt(ax);
  Value *ef = b_.CreateSExt(b_.CreateLShr(bits, 23), lt_); // biased float exponent (>= 1 here)
  Value *mant = b_.CreateSIToFP(b_.CreateOr(b_.CreateAnd(bits, ci(0x7fffff)), ci(0x800000)), dt_);
  Value *e = b_.CreateSub(ef, cl(150)); // x = mant 2^e
  // k0 = max(0, ceil((e - 25) / 24)) in 0..4, as lane selects.
  Value *k0 = cl(0);
  for (int k = 1; k <= 4; ++k) // e - 24k - 24 >= 2 means chunk k-1's term is 0 mod 4
    k0 = b_.CreateSelect(b_.CreateICmpSGE(e, cl(24 * k + 2)), cl(k), k0);
  auto chunk = [&](int i) { // c_{k0 + i}
    Value *c = cd(double(kTwoOverPi[i]));
    for (int k = 1; k <= 4; ++k)
      c = b_.CreateSelect(b_.CreateICmpEQ(k0, cl(k)), cd(double(kTwoOverPi[k + i])), c);
    return c;
  };
  auto term = [&](int i) { // mant c_{k0+i} 2^(e - 24(k0 + i + 1)), exact
    Value *sh = b_.CreateSub(e, b_.CreateMul(cl(24), b_.CreateAdd(k0, cl(i + 1))));
    return b_.CreateFMul(b_.CreateFMul(mant, chunk(i)), pow2d(sh));
  };
  auto mod4 = [&](Value *t) { // t - 4 floor(t / 4) for 0 <= t < 2^52
    Value *q = b_.CreateFMul(t, cd(0.25));
    Value *rq = rintd(q);
    rq = b_.CreateSelect(b_.CreateFCmpOGT(rq, q), b_.CreateFSub(rq, cd(1.0)), rq);
    return b_.CreateFSub(t, b_.CreateFMul(rq, cd(4.0)));
  };
  Value *a = b_.CreateFAdd(mod4(term(0)), mod4(term(1))); // exact, < 8
  Value *ja = rintd(a);
  Value *bsum = b_.CreateFAdd(b_.CreateFSub(a, ja), term(2)); // term 2 < 2
  Value *jb = rintd(bsum);
  Value *f = b_.CreateFAdd(b_.CreateFAdd(b_.CreateFSub(bsum, jb), term(3)), term(4));
  Value *jl = b_.CreateFAdd(ja, jb);
  Value *rl = b_.CreateFMul(f, cd(1.57079632679489661923));
  // The sign of x: sin is odd, cos even, so reduce |x| and fix the sign.
  Value *neg = b_.CreateFCmpOLT(x, c(0.0));
  rl = b_.CreateSelect(neg, b_.CreateFNeg(rl), rl);
  jl = b_.CreateSelect(neg, b_.CreateFNeg(jl), jl);

  Value *large = b_.CreateFCmpOGE(ax, c(421657428.0)); // 2^28 pi/2
  Value *r = b_.CreateSelect(large, rl, rm);
  Value *j = b_.CreateSelect(large, jl, jm);
  Value *q = b_.CreateAnd(b_.CreateFPToSI(j, lt_), cl(3));     // quadrant (two's complement)
  if (cosine) q = b_.CreateAnd(b_.CreateAdd(q, cl(1)), cl(3)); // cos x = sin(x + pi/2)

  Value *z = b_.CreateFMul(r, r);
  Value *w = b_.CreateFMul(z, z);
  // sin r (musl __sindf)
  Value *s3 = fma(z, cd(2.71831149398982190640e-06), cd(-1.98393348360966317347e-04));
  Value *s = b_.CreateFMul(z, r);
  Value *sinr = b_.CreateFAdd(
      fma(s, fma(z, cd(8.33332938588946318930e-03), cd(-1.66666666416265235595e-01)), r),
      b_.CreateFMul(b_.CreateFMul(s, w), s3));
  // cos r (musl __cosdf)
  Value *c3 = fma(z, cd(2.43904487962774090654e-05), cd(-1.38867637746099294692e-03));
  Value *cosr = b_.CreateFAdd(
      fma(w, cd(4.16666233237390631894e-02), fma(z, cd(-4.99999997251031003120e-01), cd(1.0))),
      b_.CreateFMul(b_.CreateFMul(w, z), c3));
  // quadrant 0: sin r, 1: cos r, 2: -sin r, 3: -cos r
  Value *odd = b_.CreateICmpNE(b_.CreateAnd(q, cl(1)), cl(0));
  Value *v = b_.CreateSelect(odd, cosr, sinr);
  v = b_.CreateSelect(b_.CreateICmpUGE(q, cl(2)), b_.CreateFNeg(v), v);
  Value *res = b_.CreateFPTrunc(v, ft_);
  // Tiny |x|: sin x = x (keeps -0), cos x = 1; inf and nan: nan.
  res = select(b_.CreateFCmpOLT(ax, c(0x1p-12)), cosine ? c(1.0) : x, res);
  return select(b_.CreateFCmpUEQ(ax, c(INFINITY)), c(NAN), res);
}

} // namespace

bool hasVectorMath(llvm::Type *ty, VectorMathFn fn) {
  auto *vt = llvm::dyn_cast<llvm::FixedVectorType>(ty);
  if (!vt || vt->getNumElements() < 2 || fn == VectorMathFn::None) return false;
  llvm::Type *et = vt->getElementType();
  return et->isFloatTy() || et->isHalfTy() || et->isDoubleTy();
}

llvm::Value *emitVectorMath(llvm::IRBuilder<> &b, VectorMathFn fn, llvm::Value *x, llvm::Value *y,
                            VectorMathTarget target) {
  auto *vt = llvm::cast<llvm::FixedVectorType>(x->getType());
  VM vm(b, vt->getNumElements(), target);
  if (vt->getElementType()->isDoubleTy()) {
    HY_ASSERT(!y == (fn != VectorMathFn::Pow), "emitVectorMath: wrong argument count");
    switch (fn) {
    case VectorMathFn::Exp: return vm.expD(x);
    case VectorMathFn::Exp2: return vm.exp2D(x);
    case VectorMathFn::Log: return vm.logD(x);
    case VectorMathFn::Log2: return vm.log2D(x);
    case VectorMathFn::Log10: return vm.log10D(x);
    case VectorMathFn::Tanh: return vm.tanhD(x);
    case VectorMathFn::Sin: return vm.sinCosD(x, false);
    case VectorMathFn::Cos: return vm.sinCosD(x, true);
    case VectorMathFn::Erf: return vm.erfD(x);
    case VectorMathFn::Pow: return vm.powD(x, y);
    case VectorMathFn::Sigmoid: return vm.sigmoid(x);
    case VectorMathFn::None: break;
    }
    HY_UNREACHABLE("emitVectorMath without a function");
  }
  bool half = vt->getElementType()->isHalfTy();
  Value *in = half ? b.CreateFPExt(x, vm.floatType()) : x;
  Value *in2 = y && half ? b.CreateFPExt(y, vm.floatType()) : y;
  HY_ASSERT(!in2 == (fn != VectorMathFn::Pow), "emitVectorMath: wrong argument count");
  Value *r = nullptr;
  switch (fn) {
  case VectorMathFn::Exp: r = vm.exp(in); break;
  case VectorMathFn::Exp2: r = vm.exp2(in); break;
  case VectorMathFn::Log: r = vm.log(in); break;
  case VectorMathFn::Log2: r = vm.log2(in); break;
  case VectorMathFn::Log10: r = vm.log10(in); break;
  case VectorMathFn::Tanh: r = vm.tanh(in); break;
  case VectorMathFn::Sigmoid: r = vm.sigmoid(in); break;
  case VectorMathFn::Erf: r = vm.erf(in); break;
  case VectorMathFn::Pow: r = vm.pow(in, in2); break;
  case VectorMathFn::Sin: r = vm.sinCos(in, false); break;
  case VectorMathFn::Cos: r = vm.sinCos(in, true); break;
  case VectorMathFn::None: HY_UNREACHABLE("emitVectorMath without a function");
  }
  return half ? b.CreateFPTrunc(r, vt) : r;
}

} // namespace hybridc::codegen
