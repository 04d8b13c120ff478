//===- VectorMathTest.cpp - Vector exp/log/tanh/sigmoid/erf vs libm -------===//
//
// Compiles kernels whose loops are explicit vector IR calling exp, log,
// tanh, sigmoid, erf, exp2, log2 and log10 (the polynomial path of lib/CodeGen/VectorMath.cpp),
// runs them on the host and on AArch64 under qemu over inputs spread over
// every float exponent plus the edge cases (0, -0, denormals, FLT_MIN,
// FLT_MAX, the overflow and underflow thresholds, +-inf, nan), and checks
// the worst error in ulps against libm in double precision, and the exact
// results of the special cases. Also checks that the vector code calls no
// libm function while scalar calls still do.
//
//===----------------------------------------------------------------------===//
#include "CodeGenTestUtil.h"

#include <map>

using namespace cgtest;

namespace {

const DType F32 = DType::f32();

const std::vector<std::pair<const char *, Intrinsic>> kFns = {
    {"exp", Intrinsic::Exp},         {"log", Intrinsic::Log},     {"tanh", Intrinsic::Tanh},
    {"sigmoid", Intrinsic::Sigmoid}, {"erf", Intrinsic::Erf},     {"exp2", Intrinsic::Exp2},
    {"log2", Intrinsic::Log2},       {"log10", Intrinsic::Log10}, {"sin", Intrinsic::Sin},
    {"cos", Intrinsic::Cos},
};

/// The C harnesses' error measure: `got`'s distance from `r` in units in
/// the last place of the float nearest `r` (nan only matches nan).
const char *const kUlpsC =
    R"(/* Error of `got` in units in the last place of the float nearest `r`. */
static double ulps(float got, double r) {
  if (isnan(r)) return isnan(got) ? 0 : 1e30;
  if (isnan(got)) return 1e30;
  float rf = (float)r;
  if (got == rf) return 0;
  if (isinf(rf)) rf = copysignf(3.40282347e38f, rf);
  double u = fabsf(rf) < 1.17549435e-38f ? 1.40129846e-45 : (double)nextafterf(fabsf(rf), INFINITY) - fabsf(rf);
  return fabs((double)got - r) / u;
})";

/// The same for float64 results against a long double reference.
const char *const kUlpsD =
    R"(/* Error of `got` in units in the last place of the double nearest `r`. */
static double ulps(double got, long double r) {
  if (isnan(r)) return isnan(got) ? 0 : 1e30;
  if (isnan(got)) return 1e30;
  double rf = (double)r;
  if (got == rf) return 0;
  if (isinf(rf)) rf = copysign(1.7976931348623157e308, rf);
  long double u = fabs(rf) < 2.2250738585072014e-308 ? 4.9406564584124654e-324L
                                                       : (long double)nextafter(fabs(rf), INFINITY) - fabs(rf);
  return (double)(fabsl((long double)got - r) / u);
})";

/// `harness` with its ULPS_C line replaced by kUlpsC (float32 results) or
/// kUlpsD (float64).
std::string withUlps(std::string harness, bool f64 = false) {
  return harness.replace(harness.find("ULPS_C"), 6, f64 ? kUlpsD : kUlpsC);
}

/// o[f, i] = fn_f(x[i]) for i in [0, n), `lanes` lanes at a time, fn_f
/// the f-th of `fns`.
LoweredFunc vectorKernel(const std::string &name, int n, int lanes, DType elem = F32,
                         const std::vector<std::pair<const char *, Intrinsic>> &fns = kFns) {
  Buffer x = buffer("x", elem, {n}, BufferNode::Input);
  Buffer o = buffer("o", elem, {int(fns.size()), n}, BufferNode::Output);
  Expr io = var("io");
  Expr idx = lanes == 1 ? io : Ramp::make(io * lanes, 1, lanes);
  std::vector<Stmt> body;
  for (size_t f = 0; f < fns.size(); ++f)
    body.push_back(
        Store::make(o, {int(f), idx},
                    Call::make(elem.withLanes(lanes), fns[f].second, {Load::make(x, {idx})})));
  return kernel(name, {inArg(x), outArg(o)}, loop("io", n / lanes, Block::make(body)));
}

/// The C harness: sweeps inputs with bit patterns `step` apart, then the
/// special values; prints "<fn> <max ulp> <worst input>" per function and
/// one "bad <fn> <input> <got>" line per wrong special result.
std::string harness(unsigned step, int n) {
  std::string h = R"(
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "k.h"
#define N NVAL
#define NF NFVAL
static float x[N], o[NF * N];
static double ref(int f, double d) {
  switch (f) {
  case 0: return exp(d);
  case 1: return log(d);
  case 2: return tanh(d);
  case 3: return 1.0 / (1.0 + exp(-d));
  case 4: return erf(d);
  case 5: return exp2(d);
  case 6: return log2(d);
  case 7: return log10(d);
  case 8: return sin(d);
  default: return cos(d);
  }
}
ULPS_C
static const char *names[NF] = {"exp", "log", "tanh", "sigmoid", "erf", "exp2", "log2", "log10", "sin", "cos"};
static double worst[NF];
static float worstX[NF];
static void run(int n) {
  for (int k = n; k < N; ++k) x[k] = 1.0f;
  if (vmath(x, o) != 0) { printf("kernel failed\n"); return; }
  for (int f = 0; f < NF; ++f)
    for (int k = 0; k < n; ++k) {
      double e = ulps(o[f * N + k], ref(f, x[k]));
      if (!(e <= worst[f])) { worst[f] = e; worstX[f] = x[k]; }
    }
}
static int same(float a, float b) { return (isnan(a) && isnan(b)) || (a == b && signbit(a) == signbit(b)); }
int main(void) {
  const uint64_t step = STEP;
  int n = 0;
  for (uint64_t b = 0; b < (1ull << 32); b += step) {
    uint32_t u = (uint32_t)b;
    memcpy(&x[n++], &u, 4);
    if (n == N) { run(n); n = 0; }
  }
  run(n);
  /* Edge cases, each with its exact expected result where there is one. */
  static const float sp[] = {0.0f, -0.0f, 1.0f, -1.0f, INFINITY, -INFINITY, NAN, -NAN,
      1.17549435e-38f, -1.17549435e-38f, 1.4e-45f, -1.4e-45f, 5.9e-39f, 3.40282347e38f,
      -3.40282347e38f, 88.7228f, 88.7229f, 89.0f, 100.0f, -87.33f, -87.34f, -100.0f,
      -103.9f, -104.0f, -200.0f, 0.625f, -0.625f, 0.62499f, 3.92f, 3.9199f, -3.92f, 1e-20f,
      -1e-20f, 0.5f, 2.0f, 9.0f, 17.0f, -17.0f, 20.0f, -20.0f, -90.0f, 127.99f, 128.0f, -149.0f,
      -149.5f, -150.0f, -151.0f, 3.0f, 8.0f, 10.0f, 1000.0f, 0.1f, 3.14159274f, 1.57079637f,
      -1.57079637f, 421657428.0f, 421657400.0f, 1e30f, -1e38f, 102940.4f, 0x1.921fb6p+20f,
      0x1.921fb6p+100f};
  int ns = sizeof sp / sizeof sp[0];
  memcpy(x, sp, sizeof sp);
  run(ns);
  float inf = INFINITY;
  struct { int f; float in, want; } ex[] = {
      {0, 0.0f, 1.0f}, {0, -0.0f, 1.0f}, {0, inf, inf}, {0, -inf, 0.0f}, {0, 100.0f, inf},
      {0, 89.0f, inf}, {0, -104.0f, 0.0f}, {0, -200.0f, 0.0f},
      {1, 1.0f, 0.0f}, {1, 0.0f, -inf}, {1, -0.0f, -inf}, {1, inf, inf}, {1, -1.0f, NAN},
      {1, -inf, NAN}, {1, -1.4e-45f, NAN},
      {2, 0.0f, 0.0f}, {2, -0.0f, -0.0f}, {2, inf, 1.0f}, {2, -inf, -1.0f}, {2, 20.0f, 1.0f},
      {2, -20.0f, -1.0f},
      {3, 0.0f, 0.5f}, {3, inf, 1.0f}, {3, -inf, 0.0f}, {3, 20.0f, 1.0f}, {3, -200.0f, 0.0f},
      {4, 0.0f, 0.0f}, {4, -0.0f, -0.0f}, {4, inf, 1.0f}, {4, -inf, -1.0f}, {4, 3.92f, 1.0f},
      {4, -9.0f, -1.0f},
      {5, 0.0f, 1.0f}, {5, -0.0f, 1.0f}, {5, inf, inf}, {5, -inf, 0.0f}, {5, 128.0f, inf},
      {5, 3.0f, 8.0f}, {5, -1.0f, 0.5f}, {5, -149.0f, 1.4e-45f}, {5, -151.0f, 0.0f},
      {6, 1.0f, 0.0f}, {6, 0.0f, -inf}, {6, inf, inf}, {6, -1.0f, NAN}, {6, 8.0f, 3.0f},
      {6, 0.5f, -1.0f}, {6, 1.4e-45f, -149.0f},
      {7, 1.0f, 0.0f}, {7, 0.0f, -inf}, {7, -0.0f, -inf}, {7, inf, inf}, {7, -1.0f, NAN},
      {8, 0.0f, 0.0f}, {8, -0.0f, -0.0f}, {8, inf, NAN}, {8, -inf, NAN}, {8, 1e-20f, 1e-20f},
      {9, 0.0f, 1.0f}, {9, -0.0f, 1.0f}, {9, inf, NAN}, {9, -inf, NAN}};
  for (int f = 0; f < NF; ++f) {
    x[0] = NAN; x[1] = -NAN;
    run(2);
    if (!isnan(o[f * N]) || !isnan(o[f * N + 1])) printf("bad %s nan %g\n", names[f], o[f * N]);
  }
  for (unsigned k = 0; k < sizeof ex / sizeof ex[0]; ++k) {
    x[0] = ex[k].in;
    run(1);
    float got = o[ex[k].f * N];
    if (!same(got, ex[k].want)) printf("bad %s %a %a\n", names[ex[k].f], ex[k].in, got);
  }
  for (int f = 0; f < NF; ++f) printf("%s %.4f %a\n", names[f], worst[f], worstX[f]);
  return 0;
}
)";
  h.replace(h.find("STEP"), 4, std::to_string(step) + "ull");
  h.replace(h.find("NFVAL"), 5, std::to_string(kFns.size()));
  return withUlps(h.replace(h.find("NVAL"), 4, std::to_string(n)));
}

/// Runs the kernel and returns the worst ulp error per function; fails on
/// any wrong special value.
std::map<std::string, double> measure(int lanes, const std::string &target, unsigned step,
                                      const std::string &mcpu = "") {
  int n = 4096 - 4096 % lanes;
  RunResult r = runKernels({vectorKernel("vmath", n, lanes)}, harness(step, n), target, 3, mcpu);
  INFO("output:\n" << r.out << r.err);
  REQUIRE(r.exitCode == 0);
  std::map<std::string, double> worst;
  std::istringstream is(r.out);
  std::string line;
  while (std::getline(is, line)) {
    INFO(line);
    CHECK(line.rfind("bad ", 0) != 0);
    CHECK(line != "kernel failed");
    std::istringstream ls(line);
    std::string name;
    double e;
    if (ls >> name >> e) worst[name] = e;
  }
  REQUIRE(worst.size() == kFns.size());
  return worst;
}

} // namespace

TEST_CASE("vector math: accuracy against libm, edge cases", "[codegen][vectormath]") {
  // 16 lanes (one zmm, two ymm, four NEON registers), 8 and 4 (one ymm /
  // xmm: AVX-512's 256- and 128-bit VSCALEFPS), 32 (two zmm) and an odd
  // width (no VSCALEFPS: the integer scaling).
  for (int lanes : {16, 8, 4, 32, 3}) {
    for (const std::string &target : e2eTargets()) {
      INFO("target " << target << ", " << lanes << " lanes");
      // About 1M inputs on the host, 130K under qemu.
      unsigned step = target == "host" ? 4099 : 32771;
      if (lanes != 16) step *= 8;
      auto worst = measure(lanes, target, step);
      CHECK(worst["exp"] <= 2.0);
      CHECK(worst["log"] <= 2.0);
      CHECK(worst["tanh"] <= 3.0);
      CHECK(worst["sigmoid"] <= 3.0);
      CHECK(worst["erf"] <= 3.0);
      CHECK(worst["exp2"] <= 2.0);
      CHECK(worst["log2"] <= 2.0);
      CHECK(worst["log10"] <= 3.0);
      CHECK(worst["sin"] <= 1.0);
      CHECK(worst["cos"] <= 1.0);
    }
  }
  // The baseline x86-64 CPU (SSE2, no FMA): polynomials round after every
  // multiply and add; x86-64-v3 (AVX2 and FMA, no AVX-512: the integer
  // scaling where the host has AVX-512 and takes VSCALEFPS above).
  for (const char *mcpu : {"x86-64", "x86-64-v3"}) {
    INFO("host, --mcpu " << mcpu);
    auto worst = measure(16, "host", 4099, mcpu);
    CHECK(worst["exp"] <= 2.0);
    CHECK(worst["log"] <= 2.0);
    CHECK(worst["tanh"] <= 3.0);
    CHECK(worst["sigmoid"] <= 3.0);
    CHECK(worst["erf"] <= 3.0);
    CHECK(worst["exp2"] <= 2.0);
    CHECK(worst["log2"] <= 2.0);
    CHECK(worst["log10"] <= 3.0);
    CHECK(worst["sin"] <= 1.0);
    CHECK(worst["cos"] <= 1.0);
  }
}

TEST_CASE("vector math: AVX-512's instructions give the integer code's bits",
          "[codegen][vectormath]") {
  // Where the CPU has AVX-512, exp (and exp2, tanh, sigmoid, erf, which use
  // it) scales by 2^n with one VSCALEFPS and log (log2, log10) splits x with
  // VGETMANTPS and VGETEXPPS; elsewhere integer lanes build the powers of
  // two and take the float apart. Both compute the same values, so the
  // results must be the same bits. Every 61st float through the host's code
  // (AVX-512 on an AVX-512 host, with the nans and the clamps' ordered
  // compares) and through x86-64-v3's (AVX2 and FMA: the integer code), as
  // hashes. An AVX2-only host runs the integer code twice here: its AVX-512
  // code is checked by the FileCheck lines of test/e2e/vector_math.hy.
  std::string h = R"(
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "k.h"
#define N 4096
#define NF NFVAL
static float x[N], o[NF * N];
int main(void) {
  uint64_t hash[NF];
  for (int f = 0; f < NF; ++f) hash[f] = 1469598103934665603ull;
  int n = 0;
  for (uint64_t b = 0; b < (1ull << 32); b += 61) {
    uint32_t u = (uint32_t)b;
    memcpy(&x[n++], &u, 4);
    if (n < N && b + 61 < (1ull << 32)) continue;
    if (vmath(x, o) != 0) { printf("kernel failed\n"); return 1; }
    for (int f = 0; f < NF; ++f)
      for (int k = 0; k < n; ++k) {
        uint32_t r;
        memcpy(&r, &o[f * N + k], 4);
        if ((r & 0x7fffffffu) > 0x7f800000u) r = 0x7fc00000u; /* one nan */
        hash[f] = (hash[f] ^ r) * 1099511628211ull;
      }
    n = 0;
  }
  for (int f = 0; f < NF; ++f) printf("%016llx\n", (unsigned long long)hash[f]);
  return 0;
}
)";
  h.replace(h.find("NFVAL"), 5, std::to_string(kFns.size()));
  std::map<std::string, std::vector<std::string>> hashes;
  for (const char *mcpu : {"", "x86-64-v3"}) {
    RunResult r = runKernels({vectorKernel("vmath", 4096, 16)}, h, "host", 3, mcpu);
    INFO("--mcpu '" << mcpu << "' output:\n" << r.out << r.err);
    REQUIRE(r.exitCode == 0);
    std::istringstream is(r.out);
    std::string line;
    while (std::getline(is, line)) hashes[mcpu].push_back(line);
    REQUIRE(hashes[mcpu].size() == kFns.size());
  }
  for (size_t f = 0; f < kFns.size(); ++f) {
    INFO(kFns[f].first);
    CHECK(hashes[""][f] == hashes["x86-64-v3"][f]);
  }
}

TEST_CASE("vector math: float64 exp, exp2, log, log2, log10, sigmoid, tanh, sin, cos, erf "
          "against long double",
          "[codegen][vectormath]") {
  // The float64 polynomials (vector loops on the CPU, every float64 call on
  // the cuda target) against libm's long double functions (x86-64: 64-bit
  // significand; AArch64: quad precision), over bit patterns spread over
  // every exponent, dense samples of [-750, 750] and [0, 4], and the
  // special values with their exact results (sin and cos also at the double
  // nearest a multiple of pi/2, 6381956970095103 * 2^797). 8 lanes (one zmm: VSCALEFPD
  // on an AVX-512 host), 2 (one xmm) and 5 (no VSCALEFPD: the integer
  // scaling); the baseline x86-64 (no FMA) and x86-64-v3 too.
  const std::vector<std::pair<const char *, Intrinsic>> fns = {
      {"exp", Intrinsic::Exp},   {"exp2", Intrinsic::Exp2},   {"log", Intrinsic::Log},
      {"log2", Intrinsic::Log2}, {"log10", Intrinsic::Log10}, {"sigmoid", Intrinsic::Sigmoid},
      {"tanh", Intrinsic::Tanh}, {"sin", Intrinsic::Sin},     {"cos", Intrinsic::Cos},
      {"erf", Intrinsic::Erf}};
  std::string h = R"(
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "k.h"
#define N NVAL
#define NF 10
static double x[N], o[NF * N];
static const char *names[NF] = {"exp", "exp2", "log", "log2", "log10", "sigmoid", "tanh", "sin", "cos", "erf"};
static long double ref(int f, long double v) {
  switch (f) {
  case 0: return expl(v);
  case 1: return exp2l(v);
  case 2: return logl(v);
  case 3: return log2l(v);
  case 4: return log10l(v);
  case 5: return 1.0L / (1.0L + expl(-v));
  case 6: return tanhl(v);
  case 7: return sinl(v);
  case 8: return cosl(v);
  default: return erfl(v);
  }
}
ULPS_C
static double worst[NF];
static double worstX[NF];
static void run(int n) {
  for (int k = n; k < N; ++k) x[k] = 1.0;
  if (vmath(x, o) != 0) { printf("kernel failed\n"); return; }
  for (int f = 0; f < NF; ++f)
    for (int k = 0; k < n; ++k) {
      double e = ulps(o[f * N + k], ref(f, x[k]));
      if (!(e <= worst[f])) { worst[f] = e; worstX[f] = x[k]; }
    }
}
static int same(double a, double b) { return (isnan(a) && isnan(b)) || (a == b && signbit(a) == signbit(b)); }
int main(void) {
  int n = 0;
  for (uint64_t b = 0; b < 0xfff0000000000000ull; b += STEP) {
    memcpy(&x[n++], &b, 8);
    if (n == N) { run(n); n = 0; }
  }
  run(n);
  uint32_t seed = 1;
  for (int r = 0; r < DENSE; ++r) {
    for (int k = 0; k < N; ++k) {
      seed = seed * 1103515245u + 12345u;
      double u = (seed >> 1) / 2147483648.0;
      x[k] = r % 2 ? (u - 0.5) * 1500 : u * 4;
    }
    run(N);
  }
  static const double sp[] = {0.0, -0.0, 1.0, -1.0, INFINITY, -INFINITY, NAN, 2.2250738585072014e-308,
      4.9406564584124654e-324, -4.9406564584124654e-324, 1.7976931348623157e308, 709.782712893384,
      709.7827128933841, 710.0, -745.1332191019411, -745.1332191019412, -708.39, -720.0, -1074.0,
      -1075.0, -1076.0, 1023.0, 1024.0, 1e-300, 0.5, 2.0, 10.0, 1e-20, -1e-20, 100.0, 0.1, 1e300,
      0.625, -0.625, 1e22, -1e22, 1647099.0, 1647100.0, 1.5707963267948966, 3.141592653589793,
      1048576.0, 1e15, 6381956970095103.0 * 0x1p797, -6381956970095103.0 * 0x1p797, 0x1p1023};
  int ns = sizeof sp / sizeof sp[0];
  memcpy(x, sp, sizeof sp);
  run(ns);
  double inf = INFINITY;
  struct { int f; double in, want; } ex[] = {
      {0, 0.0, 1.0}, {0, -0.0, 1.0}, {0, inf, inf}, {0, -inf, 0.0}, {0, 710.0, inf},
      {0, -746.0, 0.0}, {0, NAN, NAN}, {0, -745.1332191019411, 4.9406564584124654e-324},
      {1, 1024.0, inf}, {1, 1023.0, 8.98846567431158e307}, {1, -1074.0, 4.9406564584124654e-324},
      {1, -1076.0, 0.0}, {1, 3.0, 8.0}, {1, -inf, 0.0}, {1, NAN, NAN},
      {2, 1.0, 0.0}, {2, 0.0, -inf}, {2, -0.0, -inf}, {2, inf, inf}, {2, -1.0, NAN},
      {2, -inf, NAN}, {2, -4.9406564584124654e-324, NAN}, {2, NAN, NAN},
      {3, 8.0, 3.0}, {3, 4.9406564584124654e-324, -1074.0}, {3, 0.5, -1.0}, {3, 0.0, -inf},
      {4, 1.0, 0.0}, {4, 10.0, 1.0}, {4, 0.0, -inf}, {4, -2.0, NAN},
      {5, 0.0, 0.5}, {5, inf, 1.0}, {5, -inf, 0.0}, {5, NAN, NAN},
      {6, 0.0, 0.0}, {6, -0.0, -0.0}, {6, inf, 1.0}, {6, -inf, -1.0}, {6, 30.0, 1.0}, {6, NAN, NAN},
      {6, 4.9406564584124654e-324, 4.9406564584124654e-324},
      {7, 0.0, 0.0}, {7, -0.0, -0.0}, {7, inf, NAN}, {7, -inf, NAN}, {7, NAN, NAN},
      {7, -4.9406564584124654e-324, -4.9406564584124654e-324}, {7, 1e22, -0x1.b453ab76bf397p-1},
      {8, 0.0, 1.0}, {8, -0.0, 1.0}, {8, inf, NAN}, {8, NAN, NAN}, {8, 1e22, 0x1.0be2cef01c8f4p-1},
      {9, 0.0, 0.0}, {9, -0.0, -0.0}, {9, inf, 1.0}, {9, -inf, -1.0}, {9, NAN, NAN}, {9, 6.0, 1.0},
      {9, -30.0, -1.0}, {9, 4.9406564584124654e-324, 4.9406564584124654e-324}};
  for (unsigned k = 0; k < sizeof ex / sizeof ex[0]; ++k) {
    x[0] = ex[k].in;
    run(1);
    double got = o[ex[k].f * N];
    if (!same(got, ex[k].want)) printf("bad %s %a %a\n", names[ex[k].f], ex[k].in, got);
  }
  for (int f = 0; f < NF; ++f) printf("%s %.4f %a\n", names[f], worst[f], worstX[f]);
  return 0;
}
)";
  struct Run {
    std::string target, mcpu;
    int lanes;
  };
  std::vector<Run> runs = {{"host", "", 8},
                           {"host", "", 2},
                           {"host", "", 5},
                           {"host", "x86-64", 8},
                           {"host", "x86-64-v3", 8}};
  for (const std::string &target : e2eTargets())
    if (target != "host") runs.push_back({target, "", 8});
  for (const Run &r : runs) {
    INFO(r.target << " --mcpu '" << r.mcpu << "', " << r.lanes << " lanes");
    int n = 4096 - 4096 % r.lanes;
    bool qemu = r.target != "host";
    std::string hr = withUlps(h, true);
    hr.replace(hr.find("NVAL"), 4, std::to_string(n));
    // About 0.5M bit patterns and 0.4M dense samples on the host; under
    // qemu (quad-precision references in software) 32K and 25K.
    hr.replace(hr.find("STEP"), 4, qemu ? "0x2000000000001ull" : "0x0020000000001ull");
    hr.replace(hr.find("DENSE"), 5, qemu ? "6" : "100");
    RunResult res =
        runKernels({vectorKernel("vmath", n, r.lanes, DType::f64(), fns)}, hr, r.target, 3, r.mcpu);
    INFO("output:\n" << res.out << res.err);
    REQUIRE(res.exitCode == 0);
    CHECK(res.out.find("bad ") == std::string::npos);
    CHECK(res.out.find("kernel failed") == std::string::npos);
    std::map<std::string, double> worst;
    std::istringstream is(res.out);
    std::string name;
    double e;
    std::string rest;
    while (is >> name >> e && std::getline(is, rest)) worst[name] = e;
    REQUIRE(worst.size() == fns.size());
    CHECK(worst["exp"] <= 2.0);
    CHECK(worst["exp2"] <= 2.0);
    CHECK(worst["log"] <= 2.0);
    CHECK(worst["log2"] <= 2.0);
    CHECK(worst["log10"] <= 2.0);
    CHECK(worst["sigmoid"] <= 3.0);
    CHECK(worst["tanh"] <= 1.5);
    CHECK(worst["sin"] <= 1.5);
    CHECK(worst["cos"] <= 1.5);
    CHECK(worst["erf"] <= 1.5);
  }
}

TEST_CASE("vector math: vectors call no libm, scalars still do", "[codegen][vectormath]") {
  auto assembly = [](const LoweredFunc &f, const std::string &target) {
    TargetOptions to;
    to.target = target;
    std::string asmText;
    CodeGenRequest req;
    req.assembly = &asmText;
    auto err = generateFlat({f}, "k", to, req);
    INFO(err.value_or(""));
    REQUIRE(!err);
    return asmText;
  };
  for (const char *target : {"x86_64", "aarch64"}) {
    INFO(target);
    std::string vec = assembly(vectorKernel("vmath", 64, 16), target);
    for (const char *fn :
         {"expf", "logf", "tanhf", "erff", "exp2f", "log2f", "log10f", "sinf", "cosf"}) {
      INFO(fn);
      CHECK(vec.find(fn) == std::string::npos);
    }
    std::string scalar = assembly(vectorKernel("vmath", 64, 1), target);
    // (LLVM merges sinf and cosf of one argument into sincosf.)
    for (const char *fn : {"expf", "logf", "tanhf", "erff", "exp2f", "log2f", "log10f", "sin"}) {
      INFO(fn);
      CHECK(scalar.find(fn) != std::string::npos);
    }
  }
}

TEST_CASE("vector math: float16 vectors go through float32", "[codegen][vectormath]") {
  const DType F16{DType::Float, 16};
  LoweredFunc f = vectorKernel("vh", 16, 8, F16);
  const char *h = R"(
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "k.h"
static float half2f(uint16_t h) {
  int e = (h >> 10) & 31, m = h & 1023; float v;
  if (e == 0) v = ldexpf((float)m, -24); else if (e == 31) v = m ? NAN : INFINITY;
  else v = ldexpf((float)(m | 1024), e - 25);
  return (h & 0x8000) ? -v : v;
}
int main(void) {
  /* 0.5, -1, 2, 0, 0.25, -0.25, 1, -2, then 1.5 ... (half bit patterns) */
  uint16_t x[16] = {0x3800, 0xBC00, 0x4000, 0x0000, 0x3400, 0xB400, 0x3C00, 0xC000,
                    0x3E00, 0x3E00, 0x3E00, 0x3E00, 0x3E00, 0x3E00, 0x3E00, 0x3E00}, o[16 * 10];
  if (vh(x, o) != 0) return 1;
  for (int f = 0; f < 5; ++f)
    for (int k = 0; k < 8; ++k) printf("%.6g %.6g\n", half2f(x[k]), half2f(o[f * 16 + k]));
  return 0;
}
)";
  for (const std::string &target : e2eTargets()) {
    INFO(target);
    RunResult r = runKernels({f}, h, target);
    REQUIRE(r.exitCode == 0);
    std::vector<double> v = numbers(r.out);
    REQUIRE(v.size() == 80);
    for (int fi = 0; fi < 5; ++fi)
      for (int k = 0; k < 8; ++k) {
        double in = v[2 * (fi * 8 + k)], got = v[2 * (fi * 8 + k) + 1];
        double want = fi == 0   ? std::exp(in)
                      : fi == 1 ? std::log(in)
                      : fi == 2 ? std::tanh(in)
                      : fi == 3 ? 1 / (1 + std::exp(-in))
                                : std::erf(in);
        INFO(kFns[fi].first << "(" << in << ")");
        if (std::isinf(want) || std::isnan(want))
          CHECK((std::isnan(want) ? std::isnan(got) : got == want));
        else
          CHECK(got == Approx(want).epsilon(1e-3).margin(1e-4));
      }
  }
}

/// o[i] = power(x[i], y[i]) for float32 (16 lanes) or float64 (8 lanes)
/// vectors, and a C harness that checks it against the double (float32) or
/// long double (float64) pow: positive x over every exponent (denormals
/// included) with y that keep many results finite, overflow and underflow
/// included; negative x with integer y; mid-range x with y swept; x near 1
/// with large y; results near the overflow threshold; C99's special cases
/// (shared, and the type's own thresholds). Prints "pow <worst ulps> x y".
std::pair<LoweredFunc, std::string> powerKernel(bool f64, bool qemu) {
  const int n = 4096, lanes = f64 ? 8 : 16;
  DType elem = f64 ? DType::f64() : F32;
  Buffer x = buffer("x", elem, {n}, BufferNode::Input);
  Buffer y = buffer("y", elem, {n}, BufferNode::Input);
  Buffer o = buffer("o", elem, {n}, BufferNode::Output);
  Expr idx = Ramp::make(var("io") * lanes, 1, lanes);
  Stmt body = Store::make(o, {idx},
                          Call::make(elem.withLanes(lanes), Intrinsic::Power,
                                     {Load::make(x, {idx}), Load::make(y, {idx})}));
  LoweredFunc f = kernel("vpow", {inArg(x), inArg(y), outArg(o)}, loop("io", n / lanes, body));
  std::string h = R"(
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "k.h"
#define N 4096
typedef REAL real;
static real x[N], y[N], o[N];
static double worst; static real wx, wy;
ULPS_C
static int same(real a, real b) { return (isnan(a) && isnan(b)) || (a == b && signbit(a) == signbit(b)); }
static void run(int n) {
  for (int k = n; k < N; ++k) x[k] = y[k] = 1;
  if (vpow(x, y, o) != 0) { printf("kernel failed\n"); return; }
  for (int k = 0; k < n; ++k) {
    double e = ulps(o[k], REF(x[k], y[k]));
    if (!(e <= worst)) { worst = e; wx = x[k]; wy = y[k]; }
  }
}
int main(void) {
  static const real ys[] = {0.5, -0.5, 2.0, -2.0, 3.0, 1.5, 0.1, -7.25, 10.0, 1.0 / 3, 37.0, -1.0,
                            0.0078125, 1.0001, -0.9999};
  int n = 0;
  for (UINT b = 0; b < INFBITS; b += STEP)
    for (unsigned j = 0; j < sizeof ys / sizeof ys[0]; ++j) {
      memcpy(&x[n], &b, sizeof b); y[n++] = ys[j];
      if (n == N) { run(n); n = 0; }
    }
  uint32_t seed = 7;
  for (int k = -40; k <= 40; ++k)
    for (int j = -40; j <= 40; ++j) {
      seed = seed * 1103515245u + 12345u;
      double u = (seed >> 1) / 2147483648.0;
      x[n] = -(1.0 + k * 0.37) * (k < 0 ? -1 : 1); y[n++] = j;
      x[n] = 0.75 + k * 0.02 + u * 1e-3; y[n++] = j * 13.7 + u;
      x[n] = 1.0 + (k + u) * 0x1p-30; y[n++] = j * 1e9 + u;
      x[n] = 2.0 + u; y[n++] = (MAXEXP + j * 2.0 + u) / log2(2.0 + u);
      if (n >= N - 4) { run(n); n = 0; }
    }
  run(n);
  real inf = INFINITY;
  struct { real x, y, want; } ex[] = {
      {2.0, 0.0, 1.0}, {NAN, 0.0, 1.0}, {NAN, -0.0, 1.0}, {1.0, NAN, 1.0}, {1.0, inf, 1.0},
      {-1.0, inf, 1.0}, {-1.0, -inf, 1.0}, {0.0, -1.0, inf}, {-0.0, -1.0, -inf},
      {-0.0, -2.0, inf}, {0.0, 3.0, 0.0}, {-0.0, 3.0, -0.0}, {-0.0, 2.0, 0.0},
      {0.0, -inf, inf}, {0.0, inf, 0.0}, {0.5, inf, 0.0}, {0.5, -inf, inf}, {2.0, inf, inf},
      {2.0, -inf, 0.0}, {-2.0, inf, inf}, {-0.5, inf, 0.0}, {inf, 2.0, inf}, {inf, -2.0, 0.0},
      {-inf, 3.0, -inf}, {-inf, 2.0, inf}, {-inf, -3.0, -0.0}, {-inf, 0.5, inf},
      {-inf, -0.5, 0.0}, {-2.0, 0.5, NAN}, {-2.0, 3.0, -8.0}, {-2.0, -3.0, -0.125},
      {-2.0, 2.0, 4.0}, {NAN, 1.0, NAN}, {2.0, NAN, NAN}, {10.0, 3.0, 1000.0}, {4.0, 0.5, 2.0},
      {-1.0, 1e30, 1.0}, EXTRA};
  for (unsigned k = 0; k < sizeof ex / sizeof ex[0]; ++k) {
    x[0] = ex[k].x; y[0] = ex[k].y;
    run(1);
    if (!same(o[0], ex[k].want)) printf("bad %a %a %a\n", ex[k].x, ex[k].y, o[0]);
  }
  printf("pow %.4f %a %a\n", worst, wx, wy);
  return 0;
}
)";
  auto put = [&](const std::string &key, const std::string &value) {
    h.replace(h.find(key), key.size(), value);
  };
  put("REAL", f64 ? "double" : "float");
  put("REF", f64 ? "powl" : "pow");
  put("UINT", f64 ? "uint64_t" : "uint32_t");
  put("INFBITS", f64 ? "0x7ff0000000000000ull" : "0x7f800000u");
  // float32: ~54K x; float64: ~262K x on the host, 4K under qemu (quad
  // precision references in software).
  put("STEP", !f64 ? "40009u" : qemu ? "0x8000000000001ull" : "0x0200000000001ull");
  put("MAXEXP", f64 ? "1000.0" : "100.0");
  put("EXTRA", f64 ? "{2.0, 1024.0, inf}, {2.0, 1023.0, 0x1p1023}, {2.0, -1074.0, 0x1p-1074}, "
                     "{2.0, -1076.0, 0.0}, {-3.0, 9007199254740992.0, inf}, "
                     "{-0.5, 9007199254740993.0 * 2, 0.0}, {0x1p-1074, 0.5, 0x1p-537}"
                   : "{2.0, 128.0, inf}, {2.0, -149.0, 0x1p-149}, {2.0, -151.0, 0.0}, "
                     "{-3.0, 16777216.0, inf}, {-0.5, 33554433.0, 0.0}");
  return {f, withUlps(h, f64)};
}

/// Runs powerKernel on `runs` (target, --mcpu) and checks its special
/// cases and that the worst error is at most `bound` ulps.
void checkPower(bool f64, const std::vector<std::pair<std::string, std::string>> &runs,
                double bound) {
  for (auto &[target, mcpu] : runs) {
    INFO(target << " " << mcpu);
    auto [f, h] = powerKernel(f64, target != "host");
    RunResult r = runKernels({f}, h, target, 3, mcpu);
    INFO("output:\n" << r.out << r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("bad ") == std::string::npos);
    CHECK(r.out.find("kernel failed") == std::string::npos);
    std::vector<double> v = numbers(r.out);
    REQUIRE(!v.empty());
    CHECK(v[0] <= bound);
  }
}

TEST_CASE("vector math: power against libm, C99 special cases", "[codegen][vectormath]") {
  // float32, 16 lanes: the host's baseline CPU (no FMA) and every e2e
  // target (the host, AArch64 under qemu); rounded once from double.
  std::vector<std::pair<std::string, std::string>> runs = {{"host", "x86-64"}};
  for (const std::string &target : e2eTargets()) runs.push_back({target, ""});
  checkPower(false, runs, 1.0);
}

TEST_CASE("vector math: float64 power against long double, C99 special cases",
          "[codegen][vectormath]") {
  // float64, 8 lanes: the host (FMA), its baseline CPU (no FMA) and AArch64.
  std::vector<std::pair<std::string, std::string>> runs = {{"host", ""}, {"host", "x86-64"}};
  for (const std::string &target : e2eTargets())
    if (target != "host") runs.push_back({target, ""});
  checkPower(true, runs, 1.5);
}
