//===- CodeGenTest.cpp - Loop IR -> object -> C harness -> results ---------===//
//
// Each test builds LoweredFuncs by hand with the IR API, compiles them with
// generateCode, links the object into a small C harness (which includes
// the generated header), runs it on the host and on AArch64 under qemu,
// and compares what it prints with values computed here. Outputs are
// pre-filled with garbage so a kernel relying on zeroed memory fails.
//
//===----------------------------------------------------------------------===//
#include "CodeGenTestUtil.h"

#include <climits>
#include <cmath>
#include <cstring>

using namespace cgtest;

namespace {

const DType F32 = DType::f32(), I32 = DType::i32(), I64 = DType::i64();
const DType I8{DType::Int, 8}, U8{DType::UInt, 8}, U32{DType::UInt, 32}, F16{DType::Float, 16},
    F64 = DType::f64(), BOOL = DType::boolean();

Expr ld(const Buffer &b, std::vector<Expr> idx) { return Load::make(b, std::move(idx)); }
Stmt st(const Buffer &b, std::vector<Expr> idx, Expr v) {
  return Store::make(b, std::move(idx), std::move(v));
}
Expr bin(BinOp op, Expr a, Expr b) { return Binary::make(op, std::move(a), std::move(b)); }
Expr cmp(CmpOp op, Expr a, Expr b) { return Cmp::make(op, std::move(a), std::move(b)); }
Expr call(DType t, Intrinsic f, std::vector<Expr> a) { return Call::make(t, f, std::move(a)); }
Stmt block(std::vector<Stmt> s) { return Block::make(std::move(s)); }

/// Tracks heap buffers of the runtime (posix_memalign/free), and fails
/// allocations above 1 GiB so that out-of-memory paths can be tested.
const char *kTrackAlloc = R"(
#include <stddef.h>
extern void *__libc_memalign(size_t, size_t);
extern void __libc_free(void *);
static void *tracked[64];
static int live;
int posix_memalign(void **p, size_t al, size_t sz) {
  if (sz > ((size_t)1 << 30)) return 12;
  *p = __libc_memalign(al, sz);
  if (!*p) return 12;
  for (int i = 0; i < 64; ++i) if (!tracked[i]) { tracked[i] = *p; break; }
  ++live;
  return 0;
}
void free(void *p) {
  for (int i = 0; p && i < 64; ++i) if (tracked[i] == p) { tracked[i] = 0; --live; }
  __libc_free(p);
}
)";

/// Captures the last error reported through the handler.
const char *kHandler = R"(
#include <string.h>
static char lastKernel[256], lastMsg[256];
static int lastCode = -1;
static void handler(const char *k, int32_t code, const char *m) {
  strncpy(lastKernel, k, 255); strncpy(lastMsg, m, 255); lastCode = code;
}
)";

int64_t pyFloorDiv(int64_t a, int64_t b) {
  if (b == 0) return 0;
  if (b == -1) return -a;
  int64_t q = a / b, r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) --q;
  return q;
}
int64_t pyFloorMod(int64_t a, int64_t b) {
  if (b == 0 || b == -1) return 0;
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

/// c[i, j] = a[i] * b[j], with the loop kinds given.
LoweredFunc outerProduct(const std::string &name, ForKind outer, ForKind inner) {
  Buffer a = buffer("a", F32, {4}, BufferNode::Input);
  Buffer b = buffer("b", F32, {3}, BufferNode::Input);
  Buffer c = buffer("c", F32, {4, 3}, BufferNode::Output);
  Expr i = var("i"), j = var("j");
  Stmt body = loop("i", 4, loop("j", 3, st(c, {i, j}, ld(a, {i}) * ld(b, {j})), inner), outer);
  LoweredFunc f = kernel(name, {inArg(a), inArg(b), outArg(c)}, body);
  f.signatureComment = "a: float32[4], b: float32[3] -> c: float32[4, 3]";
  return f;
}

const char *kOuterHarness = R"(
#include <stdio.h>
#include "k.h"
int main(void) {
  float a[4] = {1, 2, 3, 4}, b[3] = {0.5f, -1, 2}, c[12];
  for (int i = 0; i < 12; ++i) c[i] = -12345.f;
  int r = KERNEL(a, b, c);
  printf("%d", r);
  for (int i = 0; i < 12; ++i) printf(" %.9g", c[i]);
#ifdef __aarch64__
  printf(" 64\n");
#else
  printf(" 86\n");
#endif
  return 0;
}
)";

std::string withKernel(std::string harness, const std::string &name) {
  size_t p = harness.find("KERNEL");
  return harness.replace(p, 6, name);
}

// The LLVM IR of `f` for x86-64 before optimisation.
std::string x86IRAtO0(const LoweredFunc &f) {
  std::string ir;
  CodeGenRequest req;
  req.llvmIR = &ir;
  TargetOptions to;
  to.target = "x86_64";
  to.optLevel = 0;
  REQUIRE(!generateFlat({f}, "k", to, req));
  return ir;
}

void checkOuter(const std::string &out, const std::string &target = "host") {
  std::vector<double> v = numbers(out);
  REQUIRE(v.size() == 14);
  CHECK(v[13] == (target == "aarch64" ? 64 : 86)); // it ran where it should
  CHECK(v[0] == 0);
  float a[4] = {1, 2, 3, 4}, b[3] = {0.5f, -1, 2};
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 3; ++j) CHECK(v[1 + i * 3 + j] == a[i] * b[j]);
}

} // namespace

TEST_CASE("codegen: outer product with serial loops", "[codegen]") {
  for (const std::string &target : e2eTargets()) {
    INFO("target " << target);
    for (int opt : {0, 3}) {
      RunResult r = runKernels({outerProduct("outer", ForKind::Serial, ForKind::Serial)},
                               withKernel(kOuterHarness, "outer"), target, opt);
      REQUIRE(r.exitCode == 0);
      checkOuter(r.out, target);
    }
  }
}

TEST_CASE("codegen: every loop kind runs (parallel, vectorized, unrolled, bound)", "[codegen]") {
  std::vector<std::pair<ForKind, ForKind>> kinds = {{ForKind::Parallel, ForKind::Vectorized},
                                                    {ForKind::Unrolled, ForKind::Unrolled},
                                                    {ForKind::ThreadBinding, ForKind::Serial}};
  for (auto [outer, inner] : kinds) {
    RunResult r =
        runKernels({outerProduct("outer", outer, inner)}, withKernel(kOuterHarness, "outer"));
    REQUIRE(r.exitCode == 0);
    checkOuter(r.out);
  }
}

TEST_CASE("codegen: floordiv and floormod round toward minus infinity", "[codegen]") {
  const int N = 10;
  Buffer a = buffer("a", I32, {N}, BufferNode::Input);
  Buffer b = buffer("b", I32, {N}, BufferNode::Input);
  Buffer q = buffer("q", I32, {N}, BufferNode::Output);
  Buffer r = buffer("r", I32, {N}, BufferNode::Output);
  Buffer q3 = buffer("q3", I32, {N}, BufferNode::Output);
  Buffer r3 = buffer("r3", I32, {N}, BufferNode::Output);
  Buffer qm3 = buffer("qm3", I32, {N}, BufferNode::Output);
  Buffer rm3 = buffer("rm3", I32, {N}, BufferNode::Output);
  Buffer fa = buffer("fa", F32, {4}, BufferNode::Input);
  Buffer fb = buffer("fb", F32, {4}, BufferNode::Input);
  Buffer fq = buffer("fq", F32, {4}, BufferNode::Output);
  Buffer fr = buffer("fr", F32, {4}, BufferNode::Output);
  Expr i = var("i");
  Stmt body = block({
      loop("i", N,
           block({st(q, {i}, bin(BinOp::FloorDiv, ld(a, {i}), ld(b, {i}))),
                  st(r, {i}, bin(BinOp::FloorMod, ld(a, {i}), ld(b, {i}))),
                  st(q3, {i}, bin(BinOp::FloorDiv, ld(a, {i}), 3)),
                  st(r3, {i}, bin(BinOp::FloorMod, ld(a, {i}), 3)),
                  st(qm3, {i}, bin(BinOp::FloorDiv, ld(a, {i}), -3)),
                  st(rm3, {i}, bin(BinOp::FloorMod, ld(a, {i}), -3))})),
      loop("k", 4,
           block(
               {st(fq, {var("k")}, bin(BinOp::FloorDiv, ld(fa, {var("k")}), ld(fb, {var("k")}))),
                st(fr, {var("k")}, bin(BinOp::FloorMod, ld(fa, {var("k")}), ld(fb, {var("k")})))})),
  });
  LoweredFunc f = kernel("divmod",
                         {inArg(a), inArg(b), inArg(fa), inArg(fb), outArg(q), outArg(r),
                          outArg(q3), outArg(r3), outArg(qm3), outArg(rm3), outArg(fq), outArg(fr)},
                         body);
  int32_t av[N] = {-7, 7, -7, 7, 0, -1, 5, INT_MIN, INT_MIN, 9};
  int32_t bv[N] = {2, -2, -2, 2, 3, 3, 0, -1, 1, 3};
  const char *harness = R"(
#include <stdio.h>
#include <limits.h>
#include "k.h"
int main(void) {
  int32_t a[10] = {-7, 7, -7, 7, 0, -1, 5, INT_MIN, INT_MIN, 9};
  int32_t b[10] = {2, -2, -2, 2, 3, 3, 0, -1, 1, 3};
  float fa[4] = {-7.5f, 7.5f, -7.5f, 7.5f}, fb[4] = {2, -2, -2, 2};
  int32_t out[6][10]; float fq[4], fr[4];
  for (int k = 0; k < 6; ++k) for (int i = 0; i < 10; ++i) out[k][i] = 77777;
  int r = divmod(a, b, fa, fb, out[0], out[1], out[2], out[3], out[4], out[5], fq, fr);
  printf("%d\n", r);
  for (int k = 0; k < 6; ++k) { for (int i = 0; i < 10; ++i) printf("%d ", out[k][i]); printf("\n"); }
  for (int i = 0; i < 4; ++i) printf("%g %g ", fq[i], fr[i]);
  printf("\n");
  return 0;
}
)";
  for (const std::string &target : e2eTargets()) {
    INFO("target " << target);
    RunResult res = runKernels({f}, harness, target);
    REQUIRE(res.exitCode == 0);
    std::vector<double> v = numbers(res.out);
    REQUIRE(v.size() == 1 + 60 + 8);
    CHECK(v[0] == 0);
    for (int k = 0; k < N; ++k) {
      INFO("a = " << av[k] << ", b = " << bv[k]);
      CHECK(v[1 + k] == int32_t(pyFloorDiv(av[k], bv[k])));
      CHECK(v[11 + k] == int32_t(pyFloorMod(av[k], bv[k])));
      CHECK(v[21 + k] == pyFloorDiv(av[k], 3));
      CHECK(v[31 + k] == pyFloorMod(av[k], 3));
      CHECK(v[41 + k] == pyFloorDiv(av[k], -3));
      CHECK(v[51 + k] == pyFloorMod(av[k], -3));
    }
    // Python: -7.5 // 2 == -4, -7.5 % 2 == 0.5, 7.5 % -2 == -0.5, ...
    std::vector<double> expect = {-4, 0.5, -4, -0.5, 3, -1.5, 3, 1.5};
    for (int k = 0; k < 8; ++k) CHECK(v[61 + k] == expect[k]);
  }
}

namespace {

/// n: int32, a: float32[n] -> out: float32[n]; a heap temporary of n
/// elements, an assert on it, and the argument check n >= 0.
LoweredFunc assertKernel() {
  Expr n = var("n");
  Buffer a = buffer("a", F32, {n}, BufferNode::Input);
  Buffer out = buffer("out", F32, {n}, BufferNode::Output);
  Buffer tmp = buffer("tmp", F32, {n});
  Expr i = var("i");
  Stmt body = Allocate::make(
      tmp, block({loop("i", n, st(tmp, {i}, ld(a, {i}) * f32(2))),
                  AssertStmt::make(cmp(CmpOp::LT, ld(tmp, {0}), f32(100)), "tmp[0] too large"),
                  loop("i", n, st(out, {i}, ld(tmp, {n - 1 - i})))}));
  LoweredFunc f = kernel("chk", {scalarArg("n", I32), inArg(a), outArg(out)}, body);
  f.argChecks.push_back({cmp(CmpOp::GE, n, 0), "n must be >= 0"});
  return f;
}

} // namespace

TEST_CASE("codegen: asserts, bad arguments and out of memory return their codes", "[codegen]") {
  std::string harness = std::string(kTrackAlloc) + R"(
#include <stdio.h>
#include "k.h"
)" + kHandler + R"(
int main(void) {
  float a[5] = {1, 2, 3, 4, 5}, out[5];
  for (int i = 0; i < 5; ++i) out[i] = -1;
  hybridc_set_error_handler(handler);
  int r = chk(5, a, out);
  printf("ok %d %d", r, live);
  for (int i = 0; i < 5; ++i) printf(" %g", out[i]);
  printf("\n");
  a[0] = 1000;
  r = chk(5, a, out);
  printf("assert %d %d %d [%s] [%s]\n", r, live, lastCode, lastKernel, lastMsg);
  r = chk(5, NULL, out);
  printf("null %d %d %d [%s]\n", r, live, lastCode, lastMsg);
  r = chk(-1, a, out);
  printf("neg %d %d %d [%s]\n", r, live, lastCode, lastMsg);
  r = chk(1 << 29, a, out);
  printf("oom %d %d %d [%s]\n", r, live, lastCode, lastMsg);
  hybridc_set_error_handler(NULL);
  r = chk(5, a, out);
  printf("default %d %d\n", r, live);
  return 0;
}
)";
  for (const std::string &target : e2eTargets()) {
    INFO("target " << target);
    RunResult r = runKernels({assertKernel()}, harness, target);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out == "ok 0 0 10 8 6 4 2\n"
                   "assert 1 0 1 [chk] [tmp[0] too large]\n"
                   "null 2 0 2 [argument 'a' is null]\n"
                   "neg 2 0 2 [n must be >= 0]\n"
                   "oom 3 0 3 [out of memory allocating 'tmp']\n"
                   "default 1 0\n");
    CHECK(r.err == "hybridc: chk: tmp[0] too large\n");
  }
}

TEST_CASE("codegen: heap buffers are freed on break and continue", "[codegen]") {
  // for i in range(6):
  //   t = allocate((n,), 'int32')   # symbolic: heap
  //   t[0] = i
  //   if i == 1: continue
  //   if i == 4: break
  //   out[i] = t[0]
  Expr n = var("n"), i = var("i");
  Buffer out = buffer("out", I32, {6}, BufferNode::Output);
  Buffer t = buffer("t", I32, {n});
  Stmt body =
      loop("i", 6,
           Allocate::make(
               t, block({st(t, {0}, i), IfThenElse::make(cmp(CmpOp::EQ, i, 1), Continue::make()),
                         IfThenElse::make(cmp(CmpOp::EQ, i, 4), Break::make()),
                         st(out, {i}, ld(t, {0}))})));
  LoweredFunc f = kernel("brk", {scalarArg("n", I32), outArg(out)}, body);
  std::string harness = std::string(kTrackAlloc) + R"(
#include <stdio.h>
#include "k.h"
int main(void) {
  int32_t out[6] = {-1, -1, -1, -1, -1, -1};
  int r = brk(3, out);
  printf("%d %d", r, live);
  for (int i = 0; i < 6; ++i) printf(" %d", out[i]);
  printf("\n");
  return 0;
}
)";
  expectOutput({f}, harness, "0 0 0 -1 2 3 -1 -1\n");
}

TEST_CASE("codegen: strided inputs", "[codegen]") {
  Buffer a = stridedInput("a", F32, {3, 4});
  Buffer out = buffer("out", F32, {3, 4}, BufferNode::Output);
  Expr i = var("i"), j = var("j");
  LoweredFunc f = kernel("strided", {inArg(a), outArg(out)},
                         loop("i", 3, loop("j", 4, st(out, {i, j}, ld(a, {i, j}) + f32(0.5)))));
  const char *harness = R"(
#include <stdio.h>
#include "k.h"
int main(void) {
  float s[64], out[12];
  for (int k = 0; k < 64; ++k) s[k] = (float)k;
  for (int k = 0; k < 12; ++k) out[k] = -1;
  int r = strided(s, 9, 2, out);
  printf("%d", r);
  for (int k = 0; k < 12; ++k) printf(" %g", out[k]);
  printf("\n");
  return 0;
}
)";
  for (const std::string &target : e2eTargets()) {
    INFO("target " << target);
    RunResult r = runKernels({f}, harness, target);
    REQUIRE(r.exitCode == 0);
    std::vector<double> v = numbers(r.out);
    REQUIRE(v.size() == 13);
    CHECK(v[0] == 0);
    for (int x = 0; x < 3; ++x)
      for (int y = 0; y < 4; ++y) CHECK(v[1 + x * 4 + y] == x * 9 + y * 2 + 0.5);
  }
}

TEST_CASE("codegen: while, break, continue and mutable variables", "[codegen]") {
  // x = 0; cnt = 0
  // while True:
  //   if x >= n: break
  //   x = x + 1
  //   if x % 2 == 1: continue
  //   out[cnt] = x * x; cnt = cnt + 1
  // count[0] = cnt
  // for i in range(10):
  //   if i == 3: break
  //   first[i] = i
  Expr n = var("n"), x = var("x"), cnt = var("cnt"), i = var("i");
  Buffer out = buffer("out", I32, {8}, BufferNode::Output);
  Buffer count = buffer("count", I32, {1}, BufferNode::Output);
  Buffer first = buffer("first", I32, {10}, BufferNode::Output);
  Stmt w = While::make(
      IntImm::make(BOOL, 1),
      block({IfThenElse::make(cmp(CmpOp::GE, x, n), Break::make()), Assign::make("x", x + 1),
             IfThenElse::make(cmp(CmpOp::EQ, bin(BinOp::FloorMod, x, 2), 1), Continue::make()),
             st(out, {cnt}, x * x), Assign::make("cnt", cnt + 1)}));
  Stmt body = VarDecl::make(
      "x", I32,
      VarDecl::make("cnt", I32,
                    block({Assign::make("x", 0), Assign::make("cnt", 0), w, st(count, {0}, cnt),
                           loop("i", 10,
                                block({IfThenElse::make(cmp(CmpOp::EQ, i, 3), Break::make()),
                                       st(first, {i}, i)}))})));
  LoweredFunc f =
      kernel("loops", {scalarArg("n", I32), outArg(out), outArg(count), outArg(first)}, body);
  const char *harness = R"(
#include <stdio.h>
#include "k.h"
int main(void) {
  int32_t out[8], count[1] = {-1}, first[10];
  for (int k = 0; k < 8; ++k) out[k] = -1;
  for (int k = 0; k < 10; ++k) first[k] = -1;
  int r = loops(9, out, count, first);
  printf("%d %d |", r, count[0]);
  for (int k = 0; k < 8; ++k) printf(" %d", out[k]);
  printf(" |");
  for (int k = 0; k < 10; ++k) printf(" %d", first[k]);
  printf("\n");
  return 0;
}
)";
  expectOutput({f}, harness, "0 4 | 4 16 36 64 -1 -1 -1 -1 | 0 1 2 -1 -1 -1 -1 -1 -1 -1\n", {0, 2});
}

TEST_CASE("codegen: casts", "[codegen]") {
  Buffer fa = buffer("fa", F32, {6}, BufferNode::Input);
  Buffer ia = buffer("ia", I8, {4}, BufferNode::Input);
  Buffer ua = buffer("ua", U8, {4}, BufferNode::Input);
  Buffer toInt = buffer("to_int", I32, {6}, BufferNode::Output);
  Buffer toBool = buffer("to_bool", BOOL, {6}, BufferNode::Output);
  Buffer toF64 = buffer("to_f64", F64, {6}, BufferNode::Output);
  Buffer wide = buffer("wide", I32, {8}, BufferNode::Output);
  Buffer toU32 = buffer("to_u32", U32, {4}, BufferNode::Output);
  Buffer fromInt = buffer("from_int", F32, {8}, BufferNode::Output);
  Buffer half = buffer("half", F16, {2}, BufferNode::Output);
  Buffer misc = buffer("misc", F32, {3}, BufferNode::Output);
  Expr i = var("i");
  Expr h = var("h", F16), flag = var("flag", BOOL);
  Stmt body = block({
      loop("i", 6,
           block({st(toInt, {i}, Cast::make(I32, ld(fa, {i}))),
                  st(toBool, {i}, Cast::make(BOOL, ld(fa, {i}))),
                  st(toF64, {i}, Cast::make(F64, ld(fa, {i})))})),
      loop("i", 4,
           block({st(wide, {i}, Cast::make(I32, ld(ia, {i}))),
                  st(wide, {i + 4}, Cast::make(I32, ld(ua, {i}))),
                  st(toU32, {i}, Cast::make(U32, ld(ia, {i}))),
                  st(fromInt, {i}, Cast::make(F32, ld(ia, {i}))),
                  st(fromInt, {i + 4}, Cast::make(F32, ld(ua, {i})))})),
      st(half, {0}, Cast::make(F16, ld(fa, {2}))),
      st(half, {1}, Cast::make(F16, ld(fa, {1}))),
      st(misc, {0}, Cast::make(F32, h) * f32(2)),
      st(misc, {1}, Select::make(flag, f32(10), f32(20))),
      st(misc, {2}, Cast::make(F32, Cast::make(BOOL, ld(ia, {0})))),
  });
  LoweredFunc f = kernel("casts",
                         {inArg(fa), inArg(ia), inArg(ua), scalarArg("h", F16),
                          scalarArg("flag", BOOL), outArg(toInt), outArg(toBool), outArg(toF64),
                          outArg(wide), outArg(toU32), outArg(fromInt), outArg(half), outArg(misc)},
                         body);
  const char *harness = R"(
#include <stdio.h>
#include "k.h"
int main(void) {
  float fa[6] = {-2.7f, 2.7f, 0.5f, 0.0f, 300.9f, -0.0f};
  int8_t ia[4] = {-1, 127, -128, 5};
  uint8_t ua[4] = {255, 0, 128, 1};
  int32_t to_int[6], wide[8]; uint8_t to_bool[6]; double to_f64[6]; uint32_t to_u32[4];
  float from_int[8], misc[3]; uint16_t half[2];
  for (int k = 0; k < 6; ++k) { to_int[k] = 99; to_bool[k] = 99; to_f64[k] = 99; }
  int r = casts(fa, ia, ua, 0x3E00, 1, to_int, to_bool, to_f64, wide, to_u32, from_int, half, misc);
  printf("%d\n", r);
  for (int k = 0; k < 6; ++k) printf("%d ", to_int[k]);
  printf("\n");
  for (int k = 0; k < 6; ++k) printf("%d ", to_bool[k]);
  printf("\n");
  for (int k = 0; k < 6; ++k) printf("%.17g ", to_f64[k]);
  printf("\n");
  for (int k = 0; k < 8; ++k) printf("%d ", wide[k]);
  printf("\n");
  for (int k = 0; k < 4; ++k) printf("%u ", to_u32[k]);
  printf("\n");
  for (int k = 0; k < 8; ++k) printf("%g ", from_int[k]);
  printf("\n%d %d\n%g %g %g\n", half[0], half[1], misc[0], misc[1], misc[2]);
  r = casts(fa, ia, ua, 0x3E00, 0, to_int, to_bool, to_f64, wide, to_u32, from_int, half, misc);
  printf("%g\n", misc[1]);
  return 0;
}
)";
  std::string expect = "0\n"
                       "-2 2 0 0 300 0 \n"
                       "1 1 1 0 1 0 \n";
  float faValues[6] = {-2.7f, 2.7f, 0.5f, 0.0f, 300.9f, -0.0f};
  for (float x : faValues) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g ", double(x));
    expect += buf;
  }
  expect += "\n-1 127 -128 5 255 0 128 1 \n"
            "4294967295 127 4294967168 5 \n"
            "-1 127 -128 5 255 0 128 1 \n"
            "14336 16742\n" // half(0.5) = 0x3800, half(2.7f) = 0x4166
            "3 10 1\n"
            "20\n";
  expectOutput({f}, harness, expect);
}

TEST_CASE("codegen: math intrinsics", "[codegen]") {
  const int N = 4;
  Buffer x = buffer("x", F32, {N}, BufferNode::Input);
  Buffer p = buffer("p", F32, {N}, BufferNode::Input);
  Buffer d = buffer("d", F64, {N}, BufferNode::Input);
  Buffer iv = buffer("iv", I32, {N}, BufferNode::Input);
  Buffer uv = buffer("uv", U32, {N}, BufferNode::Input);
  std::vector<Intrinsic> onX = {Intrinsic::Exp,     Intrinsic::Sin,  Intrinsic::Cos,
                                Intrinsic::Floor,   Intrinsic::Ceil, Intrinsic::Round,
                                Intrinsic::Fabs,    Intrinsic::Tanh, Intrinsic::Erf,
                                Intrinsic::Sigmoid, Intrinsic::Abs};
  std::vector<Intrinsic> onP = {Intrinsic::Log,  Intrinsic::Log2,  Intrinsic::Log10,
                                Intrinsic::Sqrt, Intrinsic::Rsqrt, Intrinsic::Exp2};
  int nf = int(onX.size() + onP.size()) + 1;
  Buffer fo = buffer("fo", F32, {nf, N}, BufferNode::Output);
  Buffer dout = buffer("dout", F64, {3, N}, BufferNode::Output);
  Buffer io = buffer("io", I32, {3, N}, BufferNode::Output);
  Expr i = var("i");
  std::vector<Stmt> s;
  int row = 0;
  for (Intrinsic fn : onX) s.push_back(st(fo, {row++, i}, call(F32, fn, {ld(x, {i})})));
  for (Intrinsic fn : onP) s.push_back(st(fo, {row++, i}, call(F32, fn, {ld(p, {i})})));
  s.push_back(st(fo, {row++, i}, call(F32, Intrinsic::Power, {ld(p, {i}), f32(1.5)})));
  s.push_back(st(dout, {0, i}, call(F64, Intrinsic::Tanh, {ld(d, {i})})));
  s.push_back(st(dout, {1, i}, call(F64, Intrinsic::Exp, {ld(d, {i})})));
  s.push_back(st(dout, {2, i}, call(F64, Intrinsic::Erf, {ld(d, {i})})));
  s.push_back(st(io, {0, i}, call(I32, Intrinsic::Abs, {ld(iv, {i})})));
  s.push_back(st(io, {1, i}, call(I32, Intrinsic::Popcount, {ld(uv, {i})})));
  s.push_back(st(io, {2, i}, call(I32, Intrinsic::BitNot, {ld(iv, {i})})));
  LoweredFunc f = kernel(
      "math",
      {inArg(x), inArg(p), inArg(d), inArg(iv), inArg(uv), outArg(fo), outArg(dout), outArg(io)},
      loop("i", N, block(s)));
  float xv[N] = {0.3f, 1.7f, 2.5f, -2.5f}, pv[N] = {0.3f, 1.7f, 2.5f, 4.0f};
  double dv[N] = {0.3, -1.7, 2.5, 0.01};
  int32_t ivv[N] = {-5, 3, INT_MIN + 1, 0};
  uint32_t uvv[N] = {0, 1, 0xFFFFFFFFu, 0x1234};
  const char *harness = R"(
#include <stdio.h>
#include <limits.h>
#include "k.h"
int main(void) {
  float x[4] = {0.3f, 1.7f, 2.5f, -2.5f}, p[4] = {0.3f, 1.7f, 2.5f, 4.0f};
  double d[4] = {0.3, -1.7, 2.5, 0.01};
  int32_t iv[4] = {-5, 3, INT_MIN + 1, 0};
  uint32_t uv[4] = {0, 1, 0xFFFFFFFFu, 0x1234};
  float fo[18 * 4]; double dout[12]; int32_t io[12];
  int r = math(x, p, d, iv, uv, fo, dout, io);
  printf("%d\n", r);
  for (int k = 0; k < 18 * 4; ++k) printf("%.9g ", fo[k]);
  for (int k = 0; k < 12; ++k) printf("%.17g ", dout[k]);
  for (int k = 0; k < 12; ++k) printf("%d ", io[k]);
  printf("\n");
  return 0;
}
)";
  REQUIRE(nf == 18);
  auto ref = [](Intrinsic fn, double v) -> double {
    switch (fn) {
    case Intrinsic::Exp: return std::exp(v);
    case Intrinsic::Sin: return std::sin(v);
    case Intrinsic::Cos: return std::cos(v);
    case Intrinsic::Floor: return std::floor(v);
    case Intrinsic::Ceil: return std::ceil(v);
    case Intrinsic::Round: return std::round(v); // halves away from zero
    case Intrinsic::Fabs: return std::fabs(v);
    case Intrinsic::Abs: return std::fabs(v);
    case Intrinsic::Tanh: return std::tanh(v);
    case Intrinsic::Erf: return std::erf(v);
    case Intrinsic::Sigmoid: return 1 / (1 + std::exp(-v));
    case Intrinsic::Log: return std::log(v);
    case Intrinsic::Log2: return std::log2(v);
    case Intrinsic::Log10: return std::log10(v);
    case Intrinsic::Sqrt: return std::sqrt(v);
    case Intrinsic::Rsqrt: return 1 / std::sqrt(v);
    case Intrinsic::Exp2: return std::exp2(v);
    default: return NAN;
    }
  };
  for (const std::string &target : e2eTargets()) {
    INFO("target " << target);
    RunResult r = runKernels({f}, harness, target);
    REQUIRE(r.exitCode == 0);
    std::vector<double> v = numbers(r.out);
    REQUIRE(v.size() == 1 + 72 + 12 + 12);
    CHECK(v[0] == 0);
    int k = 1;
    for (Intrinsic fn : onX)
      for (int j = 0; j < N; ++j, ++k) {
        INFO(spelling(fn) << "(" << xv[j] << ")");
        CHECK(v[k] == Approx(ref(fn, xv[j])).epsilon(1e-6).margin(1e-7));
      }
    for (Intrinsic fn : onP)
      for (int j = 0; j < N; ++j, ++k) {
        INFO(spelling(fn) << "(" << pv[j] << ")");
        CHECK(v[k] == Approx(ref(fn, pv[j])).epsilon(1e-6).margin(1e-7));
      }
    for (int j = 0; j < N; ++j, ++k)
      CHECK(v[k] == Approx(std::pow(double(pv[j]), 1.5)).epsilon(1e-6));
    for (int j = 0; j < N; ++j, ++k) CHECK(v[k] == Approx(std::tanh(dv[j])).epsilon(1e-14));
    for (int j = 0; j < N; ++j, ++k) CHECK(v[k] == Approx(std::exp(dv[j])).epsilon(1e-14));
    for (int j = 0; j < N; ++j, ++k) CHECK(v[k] == Approx(std::erf(dv[j])).epsilon(1e-14));
    for (int j = 0; j < N; ++j, ++k) CHECK(v[k] == std::abs(ivv[j]));
    for (int j = 0; j < N; ++j, ++k) CHECK(v[k] == __builtin_popcount(uvv[j]));
    for (int j = 0; j < N; ++j, ++k) CHECK(v[k] == ~ivv[j]);
  }
}

TEST_CASE("codegen: vectors (ramp, broadcast, gather, scatter, reduce)", "[codegen]") {
  Buffer a = buffer("a", F32, {16}, BufferNode::Input);
  Buffer out = buffer("out", F32, {16}, BufferNode::Output);
  Buffer g = buffer("g", F32, {4}, BufferNode::Output);
  Buffer s = buffer("s", F32, {3}, BufferNode::Output);
  Buffer sc = buffer("sc", I32, {8}, BufferNode::Output);
  Buffer m = buffer("m", BOOL, {8}, BufferNode::Output);
  Expr r8 = Ramp::make(0, 1, 8);
  Stmt body = block({
      st(out, {r8}, ld(a, {r8}) * Broadcast::make(f32(2), 8)),
      st(out, {Ramp::make(8, 1, 8)}, ld(a, {Ramp::make(8, 1, 8)}) + Broadcast::make(ld(a, {2}), 8)),
      st(g, {Ramp::make(0, 1, 4)}, ld(a, {Ramp::make(0, 4, 4)})),
      st(s, {0}, Shuffle::reduce(Shuffle::ReduceAdd, ld(a, {r8}))),
      st(s, {1}, Shuffle::reduce(Shuffle::ReduceMax, ld(a, {r8}))),
      st(s, {2}, Shuffle::extract(ld(a, {Ramp::make(4, 1, 8)}), 3)),
      st(sc, {Ramp::make(0, 2, 4)}, Ramp::make(0, 1, 4)),
      st(m, {r8}, cmp(CmpOp::GT, ld(a, {r8}), Broadcast::make(f32(3.5), 8))),
  });
  LoweredFunc f =
      kernel("vec", {inArg(a), outArg(out), outArg(g), outArg(s), outArg(sc), outArg(m)}, body);
  const char *harness = R"(
#include <stdio.h>
#include "k.h"
int main(void) {
  float a[16], out[16], g[4], s[3]; int32_t sc[8]; uint8_t m[8];
  for (int k = 0; k < 16; ++k) { a[k] = (float)(k * 0.5); out[k] = -1; }
  for (int k = 0; k < 8; ++k) { sc[k] = -1; m[k] = 7; }
  int r = vec(a, out, g, s, sc, m);
  printf("%d", r);
  for (int k = 0; k < 16; ++k) printf(" %g", out[k]);
  for (int k = 0; k < 4; ++k) printf(" %g", g[k]);
  for (int k = 0; k < 3; ++k) printf(" %g", s[k]);
  for (int k = 0; k < 8; ++k) printf(" %d", sc[k]);
  for (int k = 0; k < 8; ++k) printf(" %d", m[k]);
  printf("\n");
  return 0;
}
)";
  std::string expect = "0";
  auto add = [&](double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, " %g", v);
    expect += buf;
  };
  for (int k = 0; k < 8; ++k) add(k * 0.5 * 2);
  for (int k = 8; k < 16; ++k) add(k * 0.5 + 1); // + a[2]
  for (int k = 0; k < 4; ++k) add(k * 4 * 0.5);
  add(0.5 * 28), add(3.5), add(3.5);
  for (int v : {0, -1, 1, -1, 2, -1, 3, -1}) add(v);
  for (int k = 0; k < 8; ++k) add(k * 0.5 > 3.5);
  expect += "\n";
  expectOutput({f}, harness, expect, {0, 3});
  // A contiguous access is one vector load; a strided one a gather.
  std::string ir = x86IRAtO0(f);
  CHECK(ir.find("load <8 x float>") != std::string::npos);
  CHECK(ir.find("llvm.masked.gather") != std::string::npos);
  CHECK(ir.find("llvm.masked.scatter") != std::string::npos);
  CHECK(ir.find("shufflevector") != std::string::npos); // broadcast is a splat
}

TEST_CASE("codegen: select and and/or evaluate a trapping operand only when needed", "[codegen]") {
  // out[i] = a[i] if i < n else -1 ;  flag[i] = i < n and a[i] > 0
  // `a` ends at a page boundary followed by an unmapped page: evaluating
  // a[i] for i >= n would crash.
  Expr n = var("n"), i = var("i");
  Buffer a = buffer("a", F32, {n}, BufferNode::Input);
  Buffer out = buffer("out", F32, {8}, BufferNode::Output);
  Buffer flag = buffer("flag", BOOL, {8}, BufferNode::Output);
  Stmt body = loop(
      "i", 8,
      block({st(out, {i}, Select::make(cmp(CmpOp::LT, i, n), ld(a, {i}), f32(-1))),
             st(flag, {i},
                Logical::make(true, cmp(CmpOp::LT, i, n), cmp(CmpOp::GT, ld(a, {i}), f32(0))))}));
  LoweredFunc f =
      kernel("guarded", {scalarArg("n", I32), inArg(a), outArg(out), outArg(flag)}, body);
  const char *harness = R"(
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>
#include "k.h"
int main(void) {
  long page = sysconf(_SC_PAGESIZE);
  char *mem = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mem == MAP_FAILED || mprotect(mem + page, page, PROT_NONE)) return 9;
  float *a = (float *)(mem + page) - 3;
  a[0] = 1.5f; a[1] = -2; a[2] = 3;
  float out[8]; uint8_t flag[8];
  int r = guarded(3, a, out, flag);
  printf("%d", r);
  for (int k = 0; k < 8; ++k) printf(" %g", out[k]);
  for (int k = 0; k < 8; ++k) printf(" %d", flag[k]);
  printf("\n");
  return 0;
}
)";
  expectOutput({f}, harness, "0 1.5 -2 3 -1 -1 -1 -1 -1 1 0 1 0 0 0 0 0\n", {0, 3});
}

TEST_CASE("codegen: let, stack and constant buffers", "[codegen]") {
  // t = allocate((4,), 'float32', 'local')   # constant: stack
  // for i in range(4): let s = a[i] * 3 in t[i] = s + tbl[i]
  // for i in range(4): out[i] = t[3 - i]
  Buffer a = buffer("a", F32, {4}, BufferNode::Input);
  Buffer out = buffer("out", F32, {4}, BufferNode::Output);
  Buffer t = buffer("t", F32, {4});
  t->scope = "local";
  Buffer tbl = buffer("tbl", F32, {4}, BufferNode::Const);
  tbl->constData = {10, 20, 30, 40};
  Expr i = var("i");
  Stmt body =
      Allocate::make(t, block({loop("i", 4,
                                    LetStmt::make("s", ld(a, {i}) * f32(3),
                                                  st(t, {i}, var("s", F32) + ld(tbl, {i})))),
                               loop("i", 4, st(out, {i}, ld(t, {Expr(3) - i})))}));
  LoweredFunc f = kernel("lets", {inArg(a), outArg(out)}, body);
  const char *harness = R"(
#include <stdio.h>
#include "k.h"
int main(void) {
  float a[4] = {1, 2, 3, 4}, out[4] = {-1, -1, -1, -1};
  int r = lets(a, out);
  printf("%d %g %g %g %g\n", r, out[0], out[1], out[2], out[3]);
  return 0;
}
)";
  for (const std::string &target : e2eTargets()) {
    RunResult r = runKernels({f}, harness, target);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out == "0 52 39 26 13\n");
  }
  std::string ir = x86IRAtO0(f);
  CHECK(ir.find("%t = alloca [4 x float]") != std::string::npos);
  CHECK(ir.find("call ptr @hybridc_rt_v2_malloc") == std::string::npos);
  CHECK(ir.find("call noalias ptr @hybridc_rt_v2_malloc") == std::string::npos);
}

TEST_CASE("codegen: a stack array of a cache line or more starts on one", "[codegen]") {
  // big = allocate((16,)) (64 bytes), small = allocate((3,)) (12 bytes):
  // for i in range(16): big[i] = a[i]; for i in range(3): small[i] = a[i] * 2
  // for i in range(16): out[i] = big[15 - i] + small[i % 3]
  Buffer a = buffer("a", F32, {16}, BufferNode::Input);
  Buffer out = buffer("out", F32, {16}, BufferNode::Output);
  Buffer big = buffer("big", F32, {16});
  Buffer small = buffer("small", F32, {3});
  Expr i = var("i");
  Stmt body = Allocate::make(
      big, Allocate::make(small, block({loop("i", 16, st(big, {i}, ld(a, {i}))),
                                        loop("i", 3, st(small, {i}, ld(a, {i}) * f32(2))),
                                        loop("i", 16,
                                             st(out, {i},
                                                ld(big, {Expr(15) - i}) +
                                                    ld(small, {bin(BinOp::FloorMod, i, 3)})))})));
  LoweredFunc f = kernel("stackalign", {inArg(a), outArg(out)}, body);
  std::string ir = x86IRAtO0(f);
  CHECK(ir.find("%big = alloca [16 x float], align 64") != std::string::npos);
  CHECK(ir.find("%small = alloca [3 x float], align 16") != std::string::npos);
  const char *harness = R"(
#include <stdio.h>
#include "k.h"
int main(void) {
  float a[16], out[16];
  for (int i = 0; i < 16; i++) a[i] = (float)i;
  int r = stackalign(a, out);
  printf("%d", r);
  for (int i = 0; i < 16; i++) printf(" %g", out[i]);
  printf("\n");
  return 0;
}
)";
  expectOutput({f}, harness, "0 15 16 17 12 13 14 9 10 11 6 7 8 3 4 5 0\n");
}

TEST_CASE("codegen: --emit-ir names blocks after loops and carries loop hints", "[codegen]") {
  Buffer a = buffer("a", F32, {64}, BufferNode::Input);
  Buffer c = buffer("c", F32, {64}, BufferNode::Output);
  Expr i = var("i"), j = var("j");
  Stmt body = block({loop("i", 64, st(c, {i}, ld(a, {i}) + f32(1)), ForKind::Vectorized),
                     loop("j", 4, st(c, {j}, ld(a, {j}) * f32(2)), ForKind::Unrolled)});
  LoweredFunc f = kernel("hints", {inArg(a), outArg(c)}, body);
  std::string ir = x86IRAtO0(f);
  INFO(ir);
  for (const char *s : {"for.i:", "for.i.body:", "for.i.latch:", "for.i.end:", "for.j.body:",
                        "llvm.loop.vectorize.enable", "llvm.loop.unroll.full", "check.a.fail:",
                        "define i32 @hints(ptr noalias nocapture noundef readonly %a, ptr noalias "
                        "nocapture noundef %c)"})
    CHECK(ir.find(s) != std::string::npos);
  // Runtime: precompiled assembly, each symbol weak in a COMDAT of its own
  // name (lib/CodeGen/RuntimeLinker.cpp); the kernel external.
  CHECK(ir.find("module asm \"\\09.section\\09.text.hybridc_set_error_handler,\\22axG\\22,"
                "@progbits,hybridc_set_error_handler,comdat\"") != std::string::npos);
  CHECK(ir.find("module asm \"\\09.weak\\09hybridc_set_error_handler\"") != std::string::npos);
  CHECK(ir.find("module asm \"\\09.weak\\09hybridc_rt_v2_error_handler_ptr\"") !=
        std::string::npos);
}

TEST_CASE("codegen: identical inputs give identical outputs", "[codegen]") {
  LoweredFunc f = assertKernel();
  auto gen = [&](std::string &obj, std::string &ir, std::string &as) {
    CodeGenRequest req;
    req.object = &obj;
    req.llvmIR = &ir;
    req.assembly = &as;
    TargetOptions to;
    to.target = "x86_64";
    REQUIRE(!generateFlat({f}, "k", to, req));
  };
  std::string o1, i1, a1, o2, i2, a2;
  gen(o1, i1, a1);
  gen(o2, i2, a2);
  CHECK(!o1.empty());
  CHECK(o1 == o2);
  CHECK(i1 == i2);
  CHECK(a1 == a2);
  CHECK(a1.find("chk:") != std::string::npos);
  CHECK(i1.find("/tmp") == std::string::npos);
  CHECK(i1.find("/work") == std::string::npos);
}

TEST_CASE("codegen: objects of different kernels and CPUs link into one program", "[codegen]") {
  TempDir dir;
  std::string out;
  struct Obj {
    LoweredFunc f;
    std::string target, mcpu, file;
  };
  std::vector<Obj> objs = {
      {outerProduct("outer_a", ForKind::Serial, ForKind::Serial), "host", "", "a.o"},
      {outerProduct("outer_b", ForKind::Serial, ForKind::Vectorized), "x86_64", "", "b.o"},
      {assertKernel(), "x86_64", "haswell", "c.o"}};
  std::string headers;
  for (auto &o : objs) {
    std::string object;
    CodeGenRequest req;
    req.object = &object;
    TargetOptions to;
    to.target = o.target;
    to.mcpu = o.mcpu;
    auto err = generateFlat({o.f}, o.f.name, to, req);
    INFO(err.value_or(""));
    REQUIRE(!err);
    dir.write(o.file, object);
    dir.write(o.f.name + ".h", emitHeader({o.f}, "H_" + o.f.name));
    headers += "#include \"" + o.f.name + ".h\"\n";
  }
  dir.write("main.c", "#include <stdio.h>\n" + headers + R"(
int main(void) {
  float a[4] = {1, 2, 3, 4}, b[3] = {0.5f, -1, 2}, c[12], d[12], out[5];
  hybridc_set_num_threads(2);
  int r1 = outer_a(a, b, c), r2 = outer_b(a, b, d);
  a[0] = 1000;
  hybridc_set_error_handler(NULL);
  int r3 = chk(4, a, out);
  printf("%d %d %d %g %g\n", r1, r2, r3, c[11], d[10]);
  return 0;
}
)");
  REQUIRE(run("cc -std=c99 -Wall -Werror -pedantic " + dir.file("main.c") + " " + dir.file("a.o") +
                  " " + dir.file("b.o") + " " + dir.file("c.o") + " -o " + dir.file("t") +
                  " -lm -lpthread 2>&1",
              out) == 0);
  REQUIRE(run(dir.file("t") + " 2>&1", out) == 0);
  CHECK(out == "hybridc: chk: tmp[0] too large\n0 0 1 8 -4\n");

  // The runtime is weak (COMDAT) in every object; the kernel is strong.
  REQUIRE(run("nm " + dir.file("a.o"), out) == 0);
  INFO(out);
  CHECK(out.find(" W hybridc_set_error_handler\n") != std::string::npos);
  CHECK(out.find(" W hybridc_set_num_threads\n") != std::string::npos);
  CHECK(out.find(" V hybridc_rt_v2_error_handler_ptr\n") != std::string::npos);
  CHECK(out.find(" T outer_a\n") != std::string::npos);
  CHECK(out.find(" T hybridc_") == std::string::npos);
  CHECK(out.find(" D hybridc_") == std::string::npos);
  CHECK(out.find(" B hybridc_") == std::string::npos);
}

TEST_CASE("codegen: targets, CPUs and features are checked", "[codegen]") {
  std::string err;
  CHECK(resolveTriple("x86_64", err) == "x86_64-unknown-linux-gnu");
  CHECK(resolveTriple("aarch64", err) == "aarch64-unknown-linux-gnu");
  CHECK(resolveTriple("aarch64-linux-gnu", err) == "aarch64-unknown-linux-gnu");
  CHECK(!resolveTriple("host", err).empty());
  CHECK(resolveTriple("bogus", err).empty());
  CHECK(err.find("unknown target 'bogus'") != std::string::npos);
  err.clear();
  CHECK(resolveTriple("riscv64-linux-gnu", err).empty());
  CHECK(err.find("unsupported target") != std::string::npos);

  LoweredFunc f = outerProduct("outer", ForKind::Serial, ForKind::Serial);
  std::string obj;
  CodeGenRequest req;
  req.object = &obj;
  auto gen = [&](std::string target, std::string mcpu, std::string mattr) {
    TargetOptions to;
    to.target = target;
    to.mcpu = mcpu;
    to.mattr = mattr;
    return generateFlat({f}, "k", to, req);
  };
  CHECK(!gen("x86_64", "skylake-avx512", "+avx2,-fma"));
  CHECK(!gen("aarch64", "neoverse-n1", ""));
  CHECK(!gen("host", "native", ""));
  auto e1 = gen("x86_64", "pentium-turbo-9000", "");
  REQUIRE(e1);
  CHECK(e1->find("unknown CPU 'pentium-turbo-9000'") != std::string::npos);
  auto e2 = gen("x86_64", "", "+warp-drive");
  REQUIRE(e2);
  CHECK(e2->find("unknown feature 'warp-drive'") != std::string::npos);
  auto e3 = gen("x86_64", "", "avx2");
  REQUIRE(e3);
  CHECK(e3->find("+feature") != std::string::npos);
  auto e4 = gen("bogus", "", "");
  REQUIRE(e4);
  CHECK(e4->find("unknown target") != std::string::npos);
  // A 32-bit CPU for a 64-bit target is refused, not an LLVM abort.
  for (auto [cpu, attr] :
       {std::pair<const char *, const char *>{"i386", ""}, {"pentium", ""}, {"", "-64bit"}}) {
    auto e = gen("x86_64", cpu, attr);
    REQUIRE(e);
    CHECK(e->find("has no 64-bit mode") != std::string::npos);
  }

  LoweredFunc bad = outerProduct("exp", ForKind::Serial, ForKind::Serial);
  TargetOptions to;
  auto e5 = generateFlat({bad}, "k", to, req);
  REQUIRE(e5);
  CHECK(e5->find("reserved") != std::string::npos);
}

TEST_CASE("codegen: -g maps instructions to .hy lines", "[codegen]") {
  SourceManager sm;
  uint32_t buf = sm.addBuffer(
      "dir/k.hy", "def dbg(a, c):\n    for i in range(4):\n        c[i] = a[i] + 1.0\n");
  Buffer a = buffer("a", F32, {4}, BufferNode::Input);
  Buffer c = buffer("c", F32, {4}, BufferNode::Output);
  Expr i = var("i");
  Stmt store = withLoc(st(c, {i}, ld(a, {i}) + f32(1)), sm.locAt(buf, 46));
  Stmt body = withLoc(loop("i", 4, store), sm.locAt(buf, 19));
  LoweredFunc f = kernel("dbg", {inArg(a), outArg(c)}, body);
  f.loc = sm.locAt(buf, 0);
  std::string ir, obj;
  CodeGenRequest req;
  req.llvmIR = &ir;
  req.object = &obj;
  TargetOptions to;
  to.target = "x86_64";
  to.debugInfo = true;
  REQUIRE(!generateFlat({f}, "k", to, req, &sm));
  INFO(ir);
  CHECK(ir.find("!DIFile(filename: \"k.hy\", directory: \"dir\")") != std::string::npos);
  CHECK(ir.find("!DISubprogram(name: \"dbg\"") != std::string::npos);
  CHECK(ir.find("!DILocation(line: 3, column: 9") != std::string::npos);
  CHECK(obj.find(".debug_line") != std::string::npos);
  // Without -g: no debug info at all.
  to.debugInfo = false;
  REQUIRE(!generateFlat({f}, "k", to, req, &sm));
  CHECK(ir.find("!DI") == std::string::npos);
  CHECK(obj.find(".debug_line") == std::string::npos);
}

TEST_CASE("codegen: float16 arithmetic and large constant allocations", "[codegen]") {
  Buffer a = buffer("a", F16, {4}, BufferNode::Input);
  Buffer b = buffer("b", F16, {4}, BufferNode::Input);
  Buffer c = buffer("c", F16, {4}, BufferNode::Output);
  Buffer big = buffer("big", F32, {32768}); // 128 KiB: heap
  Expr i = var("i");
  Stmt body = Allocate::make(
      big,
      block({loop("i", 4, st(big, {i * 8000}, Cast::make(F32, ld(a, {i})))),
             loop("i", 4,
                  st(c, {i}, Cast::make(F16, ld(big, {i * 8000})) * ld(b, {i}) + ld(a, {i})))}));
  LoweredFunc f = kernel("halves", {inArg(a), inArg(b), outArg(c)}, body);
  std::string harness = std::string(kTrackAlloc) + R"(
#include <stdio.h>
#include "k.h"
int main(void) {
  uint16_t a[4] = {0x3E00, 0x4000, 0xB800, 0x4200}, b[4] = {0x4000, 0x4000, 0x4000, 0x4000}, c[4] = {0};
  int r = halves(a, b, c);
  printf("%d %d %04x %04x %04x %04x\n", r, live, c[0], c[1], c[2], c[3]);
  return 0;
}
)";
  for (const std::string &target : e2eTargets()) {
    INFO("target " << target);
    RunResult r = runKernels({f}, harness, target);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out == "0 0 4480 4600 be00 4880\n"); // 3 * {1.5, 2, -0.5, 3}
  }
  std::string ir = x86IRAtO0(f);
  CHECK(ir.find("call ptr @hybridc_rt_v2_malloc(i64 131072)") != std::string::npos);
  CHECK(ir.find("call void @hybridc_rt_v2_free(ptr") != std::string::npos);
}
