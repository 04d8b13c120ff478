//===- ScheduleApplyTest.cpp - Schedule primitives and legality -----------===//
//
// Lowers small kernels (parse, check, lowerDef, simplify), applies a schedule
// with applySchedule(), finalizeGuards() and checkLegality() (the passes of
// Lower.cpp from apply-schedule to check-legality), and checks three things: the
// printed loop structure, the diagnostics of every schedule error, and that
// the scheduled body computes exactly what the unscheduled one does. The
// last uses a small reference interpreter of the loop IR (below) that runs
// both bodies on the same random inputs; it runs parallel and vectorized
// loops backwards, so a dependence the legality check missed shows up as a
// difference, and it fails on any out-of-bounds access (a wrong tail).
//
//===----------------------------------------------------------------------===//
#include "hybridc/Analysis/Simplify.h"
#include "hybridc/IR/IRPrinter.h"
#include "hybridc/IR/IRVisitor.h"
#include "hybridc/Lower/Lower.h"
#include "hybridc/Parse/Parser.h"
#include "hybridc/Schedule/Schedule.h"
#include "hybridc/Sema/Sema.h"
#include "hybridc/Transforms/ApplySchedule.h"
#include "hybridc/Transforms/Passes.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <stdexcept>

using namespace hybridc;
using namespace hybridc::ir;

namespace {

//===--- A reference interpreter of the loop IR --------------------------===//

struct Value {
  bool isFloat = false;
  double f = 0;
  int64_t i = 0;
  double asF() const { return isFloat ? f : double(i); }
  int64_t asI() const { return isFloat ? int64_t(f) : i; }
};

struct BreakSignal {};
struct ContinueSignal {};

class Interp {
public:
  std::map<std::string, Value> env;
  std::map<const BufferNode *, std::vector<double>> mem;

  int64_t floorDiv(int64_t a, int64_t b) {
    if (b == 0) throw std::runtime_error("division by zero");
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
  }

  static Value mk(DType t, double v) {
    Value r;
    if (t.isFloat()) {
      r.isFloat = true;
      r.f = t.bits == 32 ? double(float(v)) : v;
    } else {
      r.i = t.isBool() ? (v != 0) : int64_t(v);
    }
    return r;
  }
  static Value mkI(DType t, int64_t v) {
    Value r;
    if (t.isFloat()) return mk(t, double(v));
    r.i = t.isBool() ? (v != 0) : v;
    if (!t.isBool() && t.bits == 32) r.i = int64_t(int32_t(uint32_t(uint64_t(r.i))));
    return r;
  }

  size_t flat(const Buffer &b, const std::vector<Expr> &idx) {
    size_t off = 0;
    for (size_t k = 0; k < idx.size(); ++k) {
      int64_t i = eval(idx[k]).asI();
      int64_t n = eval(b->shape[k]).asI();
      if (i < 0 || i >= n)
        throw std::runtime_error("out of bounds: " + b->name + " dim " + std::to_string(k) +
                                 " index " + std::to_string(i) + " size " + std::to_string(n));
      off = off * size_t(n) + size_t(i);
    }
    return off;
  }

  std::vector<double> &storage(const Buffer &b) {
    auto it = mem.find(b.get());
    if (it == mem.end()) throw std::runtime_error("no storage for " + b->name);
    return it->second;
  }

  Value eval(const Expr &e) {
    DType t = e.type();
    switch (e->kind) {
    case ExprKind::IntImm: return mkI(t, e.as<IntImm>()->value);
    case ExprKind::FloatImm: return mk(t, e.as<FloatImm>()->value);
    case ExprKind::Var: {
      auto it = env.find(e.as<Var>()->name);
      if (it == env.end()) throw std::runtime_error("unbound " + e.as<Var>()->name);
      return it->second;
    }
    case ExprKind::Cast: {
      Value v = eval(e.as<Cast>()->value);
      if (t.isFloat()) return mk(t, v.asF());
      if (t.isBool()) return mkI(t, v.isFloat ? v.f != 0 : v.i != 0);
      return mkI(t, v.isFloat ? int64_t(std::trunc(v.f)) : v.i);
    }
    case ExprKind::Binary: {
      auto *b = e.as<Binary>();
      Value x = eval(b->a), y = eval(b->b);
      if (t.isFloat()) {
        double a = x.f, c = y.f;
        switch (b->op) {
        case BinOp::Add: return mk(t, a + c);
        case BinOp::Sub: return mk(t, a - c);
        case BinOp::Mul: return mk(t, a * c);
        case BinOp::Div: return mk(t, a / c);
        case BinOp::Min: return mk(t, std::min(a, c));
        case BinOp::Max: return mk(t, std::max(a, c));
        case BinOp::FloorDiv: return mk(t, std::floor(a / c));
        case BinOp::FloorMod: return mk(t, a - std::floor(a / c) * c);
        default: throw std::runtime_error("float bit op");
        }
      }
      int64_t a = x.i, c = y.i;
      switch (b->op) {
      case BinOp::Add: return mkI(t, a + c);
      case BinOp::Sub: return mkI(t, a - c);
      case BinOp::Mul: return mkI(t, a * c);
      case BinOp::Div:
        if (c == 0) throw std::runtime_error("division by zero");
        return mkI(t, a / c);
      case BinOp::FloorDiv: return mkI(t, floorDiv(a, c));
      case BinOp::FloorMod: return mkI(t, a - floorDiv(a, c) * c);
      case BinOp::Min: return mkI(t, std::min(a, c));
      case BinOp::Max: return mkI(t, std::max(a, c));
      case BinOp::And: return mkI(t, a & c);
      case BinOp::Or: return mkI(t, a | c);
      case BinOp::Xor: return mkI(t, a ^ c);
      }
      break;
    }
    case ExprKind::Cmp: {
      auto *c = e.as<Cmp>();
      Value x = eval(c->a), y = eval(c->b);
      double a = x.asF(), b = y.asF();
      bool r = false;
      if (!x.isFloat && !y.isFloat) {
        int64_t p = x.i, q = y.i;
        switch (c->op) {
        case CmpOp::EQ: r = p == q; break;
        case CmpOp::NE: r = p != q; break;
        case CmpOp::LT: r = p < q; break;
        case CmpOp::LE: r = p <= q; break;
        case CmpOp::GT: r = p > q; break;
        case CmpOp::GE: r = p >= q; break;
        }
      } else {
        switch (c->op) {
        case CmpOp::EQ: r = a == b; break;
        case CmpOp::NE: r = a != b; break;
        case CmpOp::LT: r = a < b; break;
        case CmpOp::LE: r = a <= b; break;
        case CmpOp::GT: r = a > b; break;
        case CmpOp::GE: r = a >= b; break;
        }
      }
      return mkI(DType::boolean(), r);
    }
    case ExprKind::Logical: {
      auto *l = e.as<Logical>();
      bool a = eval(l->a).i != 0;
      if (l->isAnd ? !a : a) return mkI(DType::boolean(), a);
      return mkI(DType::boolean(), eval(l->b).i != 0);
    }
    case ExprKind::Not: return mkI(DType::boolean(), eval(e.as<Not>()->a).i == 0);
    case ExprKind::Select: {
      auto *s = e.as<Select>();
      return eval(s->cond).i ? eval(s->t) : eval(s->f);
    }
    case ExprKind::Load: {
      auto *l = e.as<Load>();
      return mk(l->buffer->dtype, storage(l->buffer)[flat(l->buffer, l->indices)]);
    }
    case ExprKind::Call: {
      auto *c = e.as<Call>();
      if (c->func == Intrinsic::Likely) return eval(c->args[0]);
      double a = eval(c->args[0]).asF();
      switch (c->func) {
      case Intrinsic::Exp: return mk(t, std::exp(a));
      case Intrinsic::Sqrt: return mk(t, std::sqrt(a));
      default: break;
      }
      throw std::runtime_error("intrinsic not interpreted");
    }
    default: break;
    }
    throw std::runtime_error("expression not interpreted: " + toString(e));
  }

  void exec(const Stmt &s) {
    if (!s) return;
    switch (s->kind) {
    case StmtKind::LetStmt: {
      auto *n = s.as<LetStmt>();
      auto saved = env;
      env[n->name] = eval(n->value);
      exec(n->body);
      env = saved;
      return;
    }
    case StmtKind::VarDecl: {
      auto *n = s.as<VarDecl>();
      env[n->name] = mkI(n->type, 0);
      exec(n->body);
      env.erase(n->name);
      return;
    }
    case StmtKind::Assign: {
      auto *n = s.as<Assign>();
      env[n->name] = eval(n->value);
      return;
    }
    case StmtKind::Store: {
      auto *n = s.as<Store>();
      double v = eval(n->value).asF();
      storage(n->buffer)[flat(n->buffer, n->indices)] = v;
      return;
    }
    case StmtKind::For: {
      auto *n = s.as<For>();
      int64_t mn = eval(n->min).asI(), ext = eval(n->extent).asI();
      bool backwards = n->forKind == ForKind::Parallel || n->forKind == ForKind::Vectorized ||
                       n->forKind == ForKind::ThreadBinding;
      for (int64_t k = 0; k < ext; ++k) {
        int64_t v = backwards ? mn + ext - 1 - k : mn + k;
        env[n->name] = mkI(n->extent.type(), v);
        try {
          exec(n->body);
        } catch (BreakSignal &) {
          break;
        } catch (ContinueSignal &) {
        }
      }
      env.erase(n->name);
      return;
    }
    case StmtKind::While: {
      auto *n = s.as<While>();
      while (eval(n->cond).i) {
        try {
          exec(n->body);
        } catch (BreakSignal &) {
          break;
        } catch (ContinueSignal &) {
        }
      }
      return;
    }
    case StmtKind::Break: throw BreakSignal();
    case StmtKind::Continue: throw ContinueSignal();
    case StmtKind::IfThenElse: {
      auto *n = s.as<IfThenElse>();
      exec(eval(n->cond).i ? n->then : n->otherwise);
      return;
    }
    case StmtKind::Block:
      for (auto &c : s.as<Block>()->stmts) exec(c);
      return;
    case StmtKind::Allocate: {
      auto *n = s.as<Allocate>();
      size_t size = 1;
      for (auto &d : n->buffer->shape) size *= size_t(std::max<int64_t>(0, eval(d).asI()));
      mem[n->buffer.get()] = std::vector<double>(size, 12345.0);
      exec(n->body);
      mem.erase(n->buffer.get());
      return;
    }
    case StmtKind::AssertStmt:
      if (!eval(s.as<AssertStmt>()->cond).i) throw std::runtime_error("assert");
      return;
    case StmtKind::Evaluate: return;
    case StmtKind::Outlined: // made by lower-parallel, after what these tests run
      throw std::runtime_error("Outlined not interpreted");
    }
  }
};

/// Runs `body` of `f` on inputs from `seed` with the scalar parameters in
/// `scalars`; returns every output's contents.
std::vector<std::vector<double>> run(const LoweredFunc &f, const Stmt &body,
                                     const std::map<std::string, int64_t> &scalars, unsigned seed) {
  Interp in;
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> dist(-8, 8);
  for (auto &[n, v] : scalars) in.env[n] = Interp::mkI(DType::i32(), v);
  for (auto &a : f.args) {
    if (a.kind == Arg::Scalar) continue;
    size_t size = 1;
    for (auto &d : a.buffer->shape) size *= size_t(in.eval(d).asI());
    std::vector<double> data(size);
    for (auto &x : data) x = a.kind == Arg::InputBuffer ? dist(rng) * 0.25 : -777.0;
    in.mem[a.buffer.get()] = std::move(data);
  }
  in.exec(body);
  std::vector<std::vector<double>> out;
  for (auto &a : f.args)
    if (a.kind == Arg::OutputBuffer) out.push_back(in.mem[a.buffer.get()]);
  return out;
}

//===--- Lowering and scheduling small kernels ---------------------------===//

struct Kernel {
  SourceManager sm;
  DiagnosticEngine diags{sm};
  std::unique_ptr<ast::Module> module;
  std::optional<ScheduleFile> schedule;
  LoweredFunc f;
  Stmt original;
  Stmt scheduled;
  bool legal = true;

  /// `json` is the whole schedule file; the def is the last def of `src`.
  Kernel(const std::string &src, const std::string &json) {
    uint32_t b = sm.addBuffer("k.hy", src);
    module = parseModule(sm, b, diags);
    REQUIRE(module);
    if (!json.empty()) {
      uint32_t j = sm.addBuffer("s.json", json);
      schedule = readSchedule(sm, j, diags);
    }
    INFO(errors());
    REQUIRE(!diags.hasErrors());
    checkModule(*module, schedule ? &*schedule : nullptr, diags);
    INFO(errors());
    REQUIRE(!diags.hasErrors());
    const ast::Def &d = *module->defs.back();
    f = lowerDef(*module, d, d.name);
    original = simplify(f.body);
    const DefSchedule *ds = schedule ? schedule->find(d.name) : nullptr;
    scheduled = ds ? applySchedule(original, *ds, diags) : original;
    if (ds && !ds->ops.empty() && !diags.hasErrors())
      scheduled = ir::finalizeGuards(scheduled); // the next pass
    if (!diags.hasErrors()) legal = checkLegality(scheduled, ds, diags);
  }

  static std::string ops(const std::string &def, const std::string &list) {
    return "{\"" + def + "\": {\"schedule\": [" + list + "]}}";
  }

  /// "file:line:col: message [Kind]" for every diagnostic, notes indented.
  std::string errors() const {
    std::string out;
    for (const Diagnostic &d : diags.diagnostics()) {
      auto one = [&](const Diagnostic &x, const char *prefix) {
        LineCol lc = sm.lineCol(x.range.begin);
        out += prefix + (x.range.isValid() ? sm.name(x.range.begin.buffer) : std::string("?")) +
               ":" + std::to_string(lc.line) + ":" + std::to_string(lc.col) + ": " + x.message +
               " [" + diagInfo(x.kind).name + "]\n";
      };
      one(d, "");
      for (auto &n : d.notes) one(n, "  ");
    }
    return out;
  }
  std::string first() const {
    std::string e = errors();
    return e.substr(0, e.find('\n'));
  }
  std::string text() const { return toString(scheduled); }

  /// The scheduled body computes what the original does (same bits).
  void checkSame(const std::map<std::string, int64_t> &scalars = {}, unsigned seeds = 2) {
    for (unsigned seed = 1; seed <= seeds; ++seed) {
      auto want = run(f, original, scalars, seed);
      auto got = run(f, scheduled, scalars, seed);
      REQUIRE(want.size() == got.size());
      for (size_t k = 0; k < want.size(); ++k) {
        INFO("output " << k << " seed " << seed);
        CHECK(want[k] == got[k]);
      }
    }
  }
};

/// The loops of a body as "name kind" lines, indented by depth.
class LoopShape : public IRVisitor {
public:
  using IRVisitor::visit;
  std::string out;
  int depth = 0;

protected:
  void visit(const For *n) override {
    out += std::string(2 * depth, ' ') + n->name + " " + spelling(n->forKind) + "\n";
    ++depth;
    IRVisitor::visit(n);
    --depth;
  }
};
std::string shape(const Stmt &s) {
  LoopShape v;
  v.visit(s);
  return v.out;
}

const char *kOuterProduct = R"(
def outer_product(a: float32[100], b: float32[99]):
    c = output_tensor((100, 99), 'float32')
    for i in range(100):
        for j in range(99):
            c[i, j] = a[i] * b[j]
    return c
)";

const char *kMatmul = R"(
def matmul(a: float32[64, 32], b: float32[32, 48]):
    c = output_tensor((64, 48), 'float32')
    for i in range(64):
        for j in range(48):
            acc = 0.0
            for k in range(32):
                acc += a[i, k] * b[k, j]
            c[i, j] = acc
    return c
)";

const char *kSymbolic = R"(
def scale(n: int32, a: float32[n]):
    b = output_tensor((n,), 'float32')
    for i in range(n):
        b[i] = a[i] * 2.0
    return b
)";

const char *kFive = R"(
def five(a: float32[2, 3, 4, 5, 6]):
    b = output_tensor((2, 3, 4, 5, 6), 'float32')
    for p in range(2):
        for q in range(3):
            for r in range(4):
                for s in range(5):
                    for t in range(6):
                        b[p, q, r, s, t] = a[p, q, r, s, t] + 1.0
    return b
)";

} // namespace

//===--- Split -----------------------------------------------------------===//

TEST_CASE("perfect split puts outer and inner in the loop's slot", "[schedule-apply]") {
  Kernel k(kMatmul, Kernel::ops("matmul", R"({"op": "split", "loop": "j", "factor": 16})"));
  INFO(k.errors());
  REQUIRE(!k.diags.hasErrors());
  CHECK(shape(k.scheduled) == "i serial\n  j.outer serial\n    j.inner serial\n      k serial\n");
  CHECK(k.text().find("for j.outer in 0..3 serial:") != std::string::npos);
  CHECK(k.text().find("for j.inner in 0..16 serial:") != std::string::npos);
  CHECK(k.text().find("c[i, j.outer * 16 + j.inner] = acc") != std::string::npos);
  CHECK(k.text().find("likely") == std::string::npos);
  k.checkSame();
}

TEST_CASE("imperfect constant split clips the serial tail", "[schedule-apply]") {
  Kernel k(kOuterProduct,
           Kernel::ops("outer_product", R"({"op": "split", "loop": "j", "factor": 4})"));
  INFO(k.errors());
  REQUIRE(!k.diags.hasErrors());
  CHECK(k.text().find("for j.outer in 0..25 serial:") != std::string::npos);
  CHECK(k.text().find("for j.inner in 0..min(4, 99 - j.outer * 4) serial:") != std::string::npos);
  CHECK(k.text().find("likely") == std::string::npos);
  k.checkSame();
}

TEST_CASE("imperfect split with a vectorized inner loop keeps the main body vector code",
          "[schedule-apply]") {
  Kernel k(kOuterProduct, Kernel::ops("outer_product", R"({"op": "split", "loop": "j", "factor": 4},
    {"op": "vectorize", "loop": "j.inner"}, {"op": "parallel", "loop": "i"})"));
  INFO(k.errors());
  REQUIRE(!k.diags.hasErrors());
  INFO(k.text());
  // Constant extent: the main loop stops before the tail, which runs once,
  // as a 3-lane vector.
  CHECK(k.text() == "for i in 0..100 parallel:\n"
                    "  for j.outer in 0..24 serial:\n"
                    "    for j.inner in 0..4 vectorized:\n"
                    "      c[i, j.outer * 4 + j.inner] = a[i] * b[j.outer * 4 + j.inner]\n"
                    "  for j.inner in 0..3 vectorized:\n"
                    "    c[i, 96 + j.inner] = a[i] * b[96 + j.inner]\n");
  CHECK(k.legal);
  k.checkSame();
}

TEST_CASE("imperfect split of a symbolic extent", "[schedule-apply]") {
  Kernel k(kSymbolic, Kernel::ops("scale", R"({"op": "split", "loop": "i", "factor": 8},
    {"op": "vectorize", "loop": "i.inner"})"));
  INFO(k.errors());
  REQUIRE(!k.diags.hasErrors());
  INFO(k.text());
  CHECK(k.text().find("for i.outer in 0..(n + 7) // 8 serial:") != std::string::npos);
  // Symbolic extent: the last outer iteration takes the serial tail.
  CHECK(k.text().find("  if likely(i.outer * 8 + 7 < n):\n"
                      "    for i.inner in 0..8 vectorized:\n") != std::string::npos);
  CHECK(k.text().find("  else:\n"
                      "    for i.inner in 0..min(8, n - i.outer * 8) serial:\n") !=
        std::string::npos);
  for (int64_t n : {0, 1, 7, 8, 9, 16, 23}) k.checkSame({{"n", n}}, 1);
}

TEST_CASE("split by nparts", "[schedule-apply]") {
  Kernel k(
      kOuterProduct,
      Kernel::ops("outer_product",
                  R"({"op": "split", "loop": "i", "nparts": 3, "outer": "io", "inner": "ii"})"));
  INFO(k.errors());
  REQUIRE(!k.diags.hasErrors());
  CHECK(k.text().find("for io in 0..3 serial:") != std::string::npos);
  CHECK(k.text().find("for ii in 0..min(34, 100 - io * 34) serial:") != std::string::npos);
  k.checkSame();
  Kernel s(kSymbolic, Kernel::ops("scale", R"({"op": "split", "loop": "i", "nparts": 4})"));
  INFO(s.errors());
  REQUIRE(!s.diags.hasErrors());
  for (int64_t n : {0, 1, 3, 4, 5, 17}) s.checkSame({{"n", n}}, 1);
}

TEST_CASE("split twice", "[schedule-apply]") {
  Kernel k(kOuterProduct,
           Kernel::ops("outer_product", R"({"op": "split", "loop": "j", "factor": 10},
    {"op": "split", "loop": "j.inner", "factor": 4}, {"op": "vectorize", "loop": "j.inner.inner"})"));
  INFO(k.errors());
  REQUIRE(!k.diags.hasErrors());
  INFO(k.text());
  CHECK(shape(k.scheduled) ==
        "i serial\n  j.outer serial\n    j.inner.outer serial\n      j.inner.inner vectorized\n"
        "      j.inner.inner serial\n");
  k.checkSame();
}

TEST_CASE("split of a loop with a non-zero start", "[schedule-apply]") {
  Kernel k(R"(
def f(a: float32[20]):
    b = output_tensor((20,), 'float32')
    for i in range(20):
        b[i] = 0.0
    for i in range(3, 20):
        b[i] = a[i] + a[i - 3]
    return b
)",
           Kernel::ops("f", R"({"op": "split", "loop": "i#1", "factor": 5})"));
  INFO(k.errors());
  REQUIRE(!k.diags.hasErrors());
  CHECK(k.text().find("b[i.outer * 5 + i.inner + 3] = ") != std::string::npos);
  k.checkSame();
}

//===--- Fuse, reorder, tile -----------------------------------------------===//

TEST_CASE("fuse adjacent loops", "[schedule-apply]") {
  Kernel k(kOuterProduct, Kernel::ops("outer_product", R"({"op": "fuse", "loops": ["i", "j"]},
    {"op": "parallel", "loop": "i.j.fused"})"));
  INFO(k.errors());
  REQUIRE(!k.diags.hasErrors());
  INFO(k.text());
  CHECK(k.text() ==
        "for i.j.fused in 0..9900 parallel:\n"
        "  c[i.j.fused // 99, i.j.fused % 99] = a[i.j.fused // 99] * b[i.j.fused % 99]\n");
  CHECK(k.legal);
  k.checkSame();
}

TEST_CASE("split then fuse", "[schedule-apply]") {
  Kernel k(kOuterProduct, Kernel::ops("outer_product", R"({"op": "split", "loop": "j", "factor": 9},
    {"op": "fuse", "loops": ["i", "j.outer"], "name": "ij"}, {"op": "parallel", "loop": "ij"})"));
  INFO(k.errors());
  REQUIRE(!k.diags.hasErrors());
  INFO(k.text());
  CHECK(shape(k.scheduled) == "ij parallel\n  j.inner serial\n");
  CHECK(k.text().find("for ij in 0..1100 parallel:") != std::string::npos);
  CHECK(k.legal);
  k.checkSame();
}

TEST_CASE("reorder permutes only the listed slots", "[schedule-apply]") {
  Kernel k(kFive, Kernel::ops("five", R"({"op": "reorder", "loops": ["t", "q", "s", "p"]})"));
  INFO(k.errors());
  REQUIRE(!k.diags.hasErrors());
  // Slots of p, q, s, t (0, 1, 3, 4) get t, q, s, p; r stays in slot 2.
  CHECK(shape(k.scheduled) ==
        "t serial\n  q serial\n    r serial\n      s serial\n        p serial\n");
  k.checkSame();
  Kernel all(kFive,
             Kernel::ops("five", R"({"op": "reorder", "loops": ["s", "t", "r", "q", "p"]})"));
  REQUIRE(!all.diags.hasErrors());
  CHECK(shape(all.scheduled) ==
        "s serial\n  t serial\n    r serial\n      q serial\n        p serial\n");
  all.checkSame();
}

TEST_CASE("tile splits both loops and puts the outers first", "[schedule-apply]") {
  Kernel k(kMatmul,
           Kernel::ops("matmul", R"({"op": "tile", "loops": ["i", "j"], "factors": [8, 16]},
    {"op": "parallel", "loop": "i.outer"})"));
  INFO(k.errors());
  REQUIRE(!k.diags.hasErrors());
  CHECK(shape(k.scheduled) == "i.outer parallel\n  j.outer serial\n    i.inner serial\n      "
                              "j.inner serial\n        k serial\n");
  CHECK(k.legal);
  k.checkSame();
  // Imperfect in both dimensions, with a vectorized inner tile.
  Kernel p(kOuterProduct,
           Kernel::ops("outer_product", R"({"op": "tile", "loops": ["i", "j"], "factors": [8, 8]},
    {"op": "vectorize", "loop": "j.inner"}, {"op": "parallel", "loop": "i.outer"})"));
  INFO(p.errors());
  REQUIRE(!p.diags.hasErrors());
  INFO(p.text());
  CHECK(p.text().find("for i.inner in 0..min(8, 100 - i.outer * 8) serial:") != std::string::npos);
  CHECK(p.text().find("for j.inner in 0..8 vectorized:") != std::string::npos);
  CHECK(p.legal);
  p.checkSame();
}

TEST_CASE("tile of symbolic extents", "[schedule-apply]") {
  Kernel k(R"(
def add2(n: int32, m: int32, a: float32[n, m]):
    b = output_tensor((n, m), 'float32')
    for i in range(n):
        for j in range(m):
            b[i, j] = a[i, j] + 1.0
    return b
)",
           Kernel::ops("add2", R"({"op": "tile", "loops": ["i", "j"], "factors": [4, 8]},
    {"op": "fuse", "loops": ["i.outer", "j.outer"]}, {"op": "parallel", "loop": "i.outer.j.outer.fused"},
    {"op": "vectorize", "loop": "j.inner"})"));
  INFO(k.errors());
  REQUIRE(!k.diags.hasErrors());
  INFO(k.text());
  CHECK(k.legal);
  for (auto nm :
       std::vector<std::pair<int64_t, int64_t>>{{0, 0}, {1, 1}, {4, 8}, {5, 9}, {7, 17}, {3, 0}})
    k.checkSame({{"n", nm.first}, {"m", nm.second}}, 1);
}

//===--- Kinds -------------------------------------------------------------===//

TEST_CASE("unroll, vectorize, parallel and bind set the loop kind", "[schedule-apply]") {
  Kernel k(kMatmul,
           Kernel::ops("matmul", R"({"op": "unroll", "loop": "k"}, {"op": "parallel", "loop": "i"},
    {"op": "vectorize", "loop": "j"})"));
  INFO(k.errors());
  REQUIRE(!k.diags.hasErrors());
  CHECK(shape(k.scheduled) == "i parallel\n  j vectorized\n    k unrolled\n");
  CHECK(k.legal);
  k.checkSame();
  Kernel b(kOuterProduct,
           Kernel::ops("outer_product", R"({"op": "bind", "loop": "i", "thread": "blockIdx.x"},
    {"op": "bind", "loop": "j", "thread": "threadIdx.x"})"));
  INFO(b.errors());
  REQUIRE(!b.diags.hasErrors());
  CHECK(b.text().find("for i in 0..100 bind(\"blockIdx.x\"):") != std::string::npos);
  CHECK(b.text().find("for j in 0..99 bind(\"threadIdx.x\"):") != std::string::npos);
  b.checkSame();
}

TEST_CASE("source annotations are loop kinds the schedule can name", "[schedule-apply]") {
  const char *src = R"(
def f(a: float32[16, 8]):
    b = output_tensor((16, 8), 'float32')
    for i in parallel(16):
        for j in range(8):
            b[i, j] = a[i, j] * 3.0
    return b
)";
  Kernel same(
      src,
      Kernel::ops("f", R"({"op": "parallel", "loop": "i"}, {"op": "vectorize", "loop": "j"})"));
  INFO(same.errors());
  REQUIRE(!same.diags.hasErrors());
  CHECK(shape(same.scheduled) == "i parallel\n  j vectorized\n");
  Kernel clash(src, Kernel::ops("f", R"({"op": "vectorize", "loop": "i"})"));
  CHECK(clash.first() ==
        "s.json:1:49: cannot vectorize loop 'i': it is already parallel [ScheduleConflict]");
}

//===--- Naming -------------------------------------------------------------===//

const char *kTwoLoops = R"(
def f(a: float32[10]):
    b = output_tensor((10,), 'float32')
    c = output_tensor((10,), 'float32')
    for i in range(10):
        b[i] = a[i]
    for i in range(10):
        c[i] = a[i] * 2.0
    return b, c
)";

TEST_CASE("loops sharing a name are numbered in source order, stably", "[schedule-apply]") {
  Kernel k(kTwoLoops, Kernel::ops("f", R"({"op": "split", "loop": "i#0", "factor": 5},
    {"op": "vectorize", "loop": "i#1"})"));
  INFO(k.errors());
  REQUIRE(!k.diags.hasErrors());
  CHECK(shape(k.scheduled) == "i.outer serial\n  i.inner serial\ni vectorized\n");
  k.checkSame();
  Kernel ambiguous(kTwoLoops, Kernel::ops("f", R"({"op": "parallel", "loop": "i"})"));
  CHECK(ambiguous.first() ==
        "s.json:1:48: loop 'i' is ambiguous; use one of 'i#0', 'i#1' [ScheduleAmbiguousLoop]");
  Kernel unknown(kTwoLoops, Kernel::ops("f", R"({"op": "parallel", "loop": "k"})"));
  CHECK(unknown.first() ==
        "s.json:1:48: no loop named 'k' in def 'f'; loops: i#0, i#1 [ScheduleUnknownLoop]");
  Kernel gone(kTwoLoops, Kernel::ops("f", R"({"op": "split", "loop": "i#1", "factor": 2},
    {"op": "parallel", "loop": "i#1"})"));
  CHECK(gone.errors() == "s.json:2:32: loop 'i#1' no longer exists: an earlier 'split' replaced it "
                         "[ScheduleLoopReplaced]\n"
                         "  s.json:1:21: 'i#1' was replaced here [NotePrevious]\n");
  Kernel range(kTwoLoops, Kernel::ops("f", R"({"op": "parallel", "loop": "i#2"})"));
  CHECK(range.first() ==
        "s.json:1:48: no loop named 'i#2' in def 'f'; loops: i#0, i#1 [ScheduleUnknownLoop]");
}

TEST_CASE("new loop names must be free", "[schedule-apply]") {
  Kernel k(kMatmul,
           Kernel::ops("matmul", R"({"op": "split", "loop": "j", "factor": 4, "outer": "k"})"));
  CHECK(k.first() == "s.json:1:50: cannot name a new loop 'k': the name is already used in def "
                     "'matmul' [ScheduleBadLoopName]");
  Kernel h(kMatmul,
           Kernel::ops("matmul", R"({"op": "split", "loop": "j", "factor": 4, "inner": "x#1"})"));
  CHECK(h.first().find("'#' is reserved") != std::string::npos);
  Kernel both(
      kMatmul,
      Kernel::ops("matmul",
                  R"({"op": "split", "loop": "j", "factor": 4, "outer": "x", "inner": "x"})"));
  CHECK(both.first().find("both new loops would have this name") != std::string::npos);
  // The loop's own name may be reused.
  Kernel own(kMatmul,
             Kernel::ops("matmul", R"({"op": "split", "loop": "j", "factor": 4, "outer": "j"})"));
  INFO(own.errors());
  CHECK(!own.diags.hasErrors());
  own.checkSame();
}

TEST_CASE("an op that fails does not cascade", "[schedule-apply]") {
  Kernel k(kMatmul, Kernel::ops("matmul", R"({"op": "split", "loop": "x", "factor": 4},
    {"op": "vectorize", "loop": "x.inner"}, {"op": "parallel", "loop": "zz"})"));
  CHECK(k.diags.errorCount() == 2);
  CHECK(k.scheduled.same(k.original));
}

//===--- Structural errors --------------------------------------------------===//

TEST_CASE("fuse needs adjacent loops of one perfect nest", "[schedule-apply]") {
  Kernel notAdjacent(kFive, Kernel::ops("five", R"({"op": "fuse", "loops": ["p", "r"]})"));
  CHECK(notAdjacent.first() ==
        "s.json:1:54: cannot fuse 'p' and 'r': they are not adjacent: loop 'q' lies "
        "between them [ScheduleNotPerfectNest]");
  Kernel reversed(kFive, Kernel::ops("five", R"({"op": "fuse", "loops": ["q", "p"]})"));
  CHECK(reversed.first().find("'p' encloses 'q'; list the loops outermost first") !=
        std::string::npos);
  Kernel imperfect(kMatmul, Kernel::ops("matmul", R"({"op": "fuse", "loops": ["j", "k"]})"));
  CHECK(imperfect.first() ==
        "s.json:1:56: cannot fuse 'j' and 'k': the body of loop 'j' holds the declaration "
        "of 'acc' [ScheduleNotPerfectNest]");
}

TEST_CASE("reorder needs one perfect nest", "[schedule-apply]") {
  Kernel k(kMatmul, Kernel::ops("matmul", R"({"op": "reorder", "loops": ["k", "i"]})"));
  CHECK(k.first() ==
        "s.json:1:54: cannot reorder 'k' and 'i': they are not one perfect nest: the body of loop "
        "'j' holds the declaration of 'acc' [ScheduleNotPerfectNest]");
  Kernel two(kTwoLoops, Kernel::ops("f", R"({"op": "reorder", "loops": ["i#0", "i#1"]})"));
  CHECK(two.first().find("'i#1' is not inside 'i#0'") != std::string::npos);
}

TEST_CASE("reorder and fuse refuse loops whose bounds depend on each other", "[schedule-apply]") {
  const char *tri = R"(
def tri(a: float32[8, 8]):
    b = output_tensor((8, 8), 'float32')
    for i in range(8):
        for j in range(i):
            b[i, j] = a[i, j]
    return b
)";
  Kernel r(tri, Kernel::ops("tri", R"({"op": "reorder", "loops": ["j", "i"]})"));
  CHECK(r.first() ==
        "s.json:1:51: cannot reorder 'j' and 'i': the bounds of loop 'j' depend on loop 'i' "
        "[ScheduleDependentBounds]");
  Kernel f(tri, Kernel::ops("tri", R"({"op": "fuse", "loops": ["i", "j"]})"));
  CHECK(f.first().find("[ScheduleDependentBounds]") != std::string::npos);
  // A split of the outer loop keeps the inner loop's bound correct.
  Kernel s(tri, Kernel::ops("tri", R"({"op": "split", "loop": "i", "factor": 3})"));
  INFO(s.errors());
  REQUIRE(!s.diags.hasErrors());
  s.checkSame();
}

TEST_CASE("loop bounds read from memory are evaluated once", "[schedule-apply]") {
  const char *src = R"(
def f(a: float32[8, 8], n: int32[1]):
    b = output_tensor((8, 8), 'float32')
    for i in range(8):
        for j in range(n[0] + 3):
            b[i, j] = a[i, j]
    return b
)";
  Kernel s(src, Kernel::ops("f", R"({"op": "split", "loop": "j", "factor": 2})"));
  INFO(s.errors());
  REQUIRE(!s.diags.hasErrors());
  CHECK(s.text().find("let j.extent = n[0] + 3") != std::string::npos);
  s.checkSame({}, 4);
  Kernel f(src, Kernel::ops("f", R"({"op": "fuse", "loops": ["i", "j"]})"));
  CHECK(f.first().find("the bounds of loop 'j' read memory or a variable that the loops may change "
                       "[ScheduleNotPerfectNest]") != std::string::npos);
  Kernel r(src, Kernel::ops("f", R"({"op": "reorder", "loops": ["j", "i"]})"));
  CHECK(r.first().find("the bounds of loop 'j' read memory") != std::string::npos);
}

TEST_CASE("conflicting kinds and extents", "[schedule-apply]") {
  Kernel pv(kMatmul,
            Kernel::ops("matmul",
                        R"({"op": "parallel", "loop": "i"}, {"op": "vectorize", "loop": "i"})"));
  CHECK(pv.first() ==
        "s.json:1:87: cannot vectorize loop 'i': it is already parallel [ScheduleConflict]");
  Kernel sv(kMatmul,
            Kernel::ops(
                "matmul",
                R"({"op": "vectorize", "loop": "j"}, {"op": "split", "loop": "j", "factor": 4})"));
  CHECK(sv.first() ==
        "s.json:1:84: cannot split loop 'j': it is already vectorized [ScheduleConflict]");
  Kernel vv(kOuterProduct,
            Kernel::ops("outer_product",
                        R"({"op": "vectorize", "loop": "j"}, {"op": "vectorize", "loop": "i"})"));
  CHECK(vv.first().find("cannot vectorize loop 'i': loop 'j' inside it is already vectorized "
                        "[ScheduleConflict]") != std::string::npos);
  Kernel ve(kSymbolic, Kernel::ops("scale", R"({"op": "vectorize", "loop": "i"})"));
  CHECK(ve.first() ==
        "s.json:1:53: cannot vectorize loop 'i': its extent n is not a compile-time constant "
        "[ScheduleVectorizeExtent]");
  Kernel ue(kSymbolic, Kernel::ops("scale", R"({"op": "unroll", "loop": "i"})"));
  CHECK(ue.first() ==
        "s.json:1:50: cannot unroll loop 'i': its extent n is not a compile-time constant "
        "[ScheduleUnrollExtent]");
  Kernel bx(kTwoLoops, Kernel::ops("f", R"({"op": "split", "loop": "i#1", "factor": 5},
    {"op": "bind", "loop": "i#0", "thread": "threadIdx.x"}, {"op": "bind", "loop": "i.inner", "thread": "threadIdx.x"})"));
  CHECK(bx.first() ==
        "s.json:2:105: thread tag 'threadIdx.x' is bound with extent 5 here but 10 elsewhere; "
        "thread extents must be uniform [BindExtentMismatch]");
  Kernel nested(kOuterProduct, Kernel::ops("outer_product",
                                           R"({"op": "bind", "loop": "i", "thread": "threadIdx.x"},
    {"op": "bind", "loop": "j", "thread": "threadIdx.x"})"));
  CHECK(nested.first().find("loop 'i' around it is already bound to 'threadIdx.x'") !=
        std::string::npos);
}

//===--- Legality -----------------------------------------------------------===//

TEST_CASE("legal parallel and vectorized loops", "[schedule-apply]") {
  // Private scalars, loop-invariant reads, per-row writes.
  Kernel k(R"(
def softmax(x: float32[8, 16]):
    out = output_tensor((8, 16), 'float32')
    for i in range(8):
        m = x[i, 0]
        for j in range(1, 16):
            m = max(m, x[i, j])
        s = 0.0
        for j in range(16):
            out[i, j] = exp(x[i, j] - m)
            s += out[i, j]
        for j in range(16):
            out[i, j] = out[i, j] / s
    return out
)",
           Kernel::ops("softmax",
                       R"({"op": "parallel", "loop": "i"}, {"op": "vectorize", "loop": "j#2"})"));
  INFO(k.errors());
  CHECK(!k.diags.hasErrors());
  CHECK(k.legal);
  k.checkSame();
}

/// `src` with its `range(N)` given the extent `n`.
static std::string withExtent(std::string src, const char *n) {
  return src.replace(src.find("N):"), 1, n);
}

TEST_CASE("accesses farther apart than the loop can move do not conflict", "[schedule-apply]") {
  // out[i] and out[i + 8] with i in 0..8: no two iterations meet.
  const char *src = R"(
def halves(x: float32[8]):
    out = output_tensor((16,), 'float32')
    for i in range(N):
        out[i] = x[i % 8]
        out[i + 8] = x[i % 8] * 2.0
    return out
)";
  Kernel k(withExtent(src, "8"), Kernel::ops("halves", R"({"op": "parallel", "loop": "i"})"));
  INFO(k.errors());
  CHECK(k.legal);
  k.checkSame();
  // With 9 iterations i = 8 and i = 0 both write out[8]: still refused, with
  // that witness.
  Kernel bad(withExtent(src, "9"), Kernel::ops("halves", R"({"op": "parallel", "loop": "i"})"));
  CHECK(!bad.legal);
  CHECK(bad.errors().find("e.g. i = 8 and i = 0 both write out[8]") != std::string::npos);
}

TEST_CASE("a scalar accumulator makes a loop illegal to parallelize", "[schedule-apply]") {
  Kernel k(kMatmul, Kernel::ops("matmul", R"({"op": "parallel", "loop": "k"})"));
  CHECK(!k.legal);
  CHECK(k.errors() == "s.json:1:53: cannot parallelize loop 'k': scalar 'acc' is declared outside "
                      "the loop and assigned in "
                      "every iteration [ScheduleIllegalParallel]\n"
                      "  k.hy:8:17: 'acc' is assigned here [NotePrevious]\n"
                      "  s.json:1:53: 'acc' accumulates across iterations (a reduction); hybridc "
                      "vectorizes `s = s op e` "
                      "(op + * min max, s read nowhere else in the loop) but parallelizes no "
                      "reduction [NoteHint]\n");
  // The same accumulator under vectorize is a recognised reduction.
  Kernel v(kMatmul, Kernel::ops("matmul", R"({"op": "vectorize", "loop": "k"})"));
  INFO(v.errors());
  CHECK(v.legal);
}

TEST_CASE("buffer dependences between iterations", "[schedule-apply]") {
  const char *prefix = R"(
def prefix(a: float32[16]):
    b = output_tensor((16,), 'float32')
    b[0] = a[0]
    for i in range(1, 16):
        b[i] = b[i - 1] + a[i]
    return b
)";
  Kernel k(prefix, Kernel::ops("prefix", R"({"op": "parallel", "loop": "i"})"));
  CHECK(k.first() ==
        "s.json:1:53: cannot parallelize loop 'i': an iteration may read an element of 'b' that "
        "another iteration writes (b[i - 1] is read, b[i] is written); e.g. i = 1 writes b[1] and "
        "i = 2 reads it [ScheduleIllegalParallel]");
  const char *sum = R"(
def rowsum(a: float32[8, 4]):
    b = output_tensor((8,), 'float32')
    for i in range(8):
        b[i] = 0.0
        for j in range(4):
            b[i] += a[i, j]
    return b
)";
  Kernel ok(sum, Kernel::ops("rowsum", R"({"op": "parallel", "loop": "i"})"));
  CHECK(ok.legal);
  ok.checkSame();
  // b[i] += ... under a vectorized j is a recognised reduction; under a
  // parallel j it is refused.
  Kernel vred(sum, Kernel::ops("rowsum", R"({"op": "vectorize", "loop": "j"})"));
  INFO(vred.errors());
  CHECK(vred.legal);
  Kernel red(sum, Kernel::ops("rowsum", R"({"op": "parallel", "loop": "j"})"));
  CHECK(red.first() ==
        "s.json:1:53: cannot parallelize loop 'j': every iteration writes the same element b[i]; "
        "e.g. j = 0 writes b[0] and then j = 1 writes it (with i = 0) [ScheduleIllegalParallel]");
  CHECK(red.errors().find("b[i] accumulates across iterations (a reduction)") != std::string::npos);
  const char *scatter = R"(
def scatter(a: float32[8], idx: int32[8]):
    b = output_tensor((8,), 'float32')
    for i in range(8):
        b[idx[i]] = a[i]
    return b
)";
  Kernel sc(scatter, Kernel::ops("scatter", R"({"op": "parallel", "loop": "i"})"));
  CHECK(sc.first().find("different iterations may write the same element of 'b' (b[idx[i]]: the "
                        "index depends on data)") != std::string::npos);
}

TEST_CASE("legality of split and fused loops", "[schedule-apply]") {
  // Parallel outer of a split: c[io*4 + ii] with ii < 4 is one element per io.
  Kernel k(kOuterProduct, Kernel::ops("outer_product", R"({"op": "split", "loop": "i", "factor": 4},
    {"op": "parallel", "loop": "i.outer"}, {"op": "vectorize", "loop": "i.inner"})"));
  INFO(k.errors());
  CHECK(k.legal);
  k.checkSame();
  // A split by nparts of a symbolic extent: i = io * ((n + 4) // 5) + ii.
  Kernel np(kSymbolic, Kernel::ops("scale", R"({"op": "split", "loop": "i", "nparts": 5},
    {"op": "parallel", "loop": "i.outer"})"));
  INFO(np.errors());
  CHECK(np.legal);
  for (int64_t n : {0, 3, 5, 11, 24}) np.checkSame({{"n", n}}, 1);
  // Writes shifted by a loop-invariant offset: i + n and i + n + 10 would
  // need iterations 10 apart, and i moves 9 at most (an exact refusal
  // before session 6 was a false one).
  const char *shiftedSrc = R"(
def f(a: float32[11], n: int32):
    b = output_tensor((21,), 'float32')
    for i in range(N):
        b[i + n] = a[i]
        b[i + n + 10] = a[i]
    return b
)";
  Kernel shifted(withExtent(shiftedSrc, "10"),
                 Kernel::ops("f", R"({"op": "parallel", "loop": "i"})"));
  INFO(shifted.errors());
  CHECK(shifted.legal);
  shifted.checkSame({{"n", 0}}, 1);
  // Over 11 iterations i = 10 and i = 0 do collide.
  Kernel collide(withExtent(shiftedSrc, "11"),
                 Kernel::ops("f", R"({"op": "parallel", "loop": "i"})"));
  CHECK(collide.legal == false);
  CHECK(collide.errors().find("(b[i + n] and b[i + n + 10])") != std::string::npos);
  Kernel rows(R"(
def f(a: float32[10]):
    b = output_tensor((2, 10), 'float32')
    for i in range(10):
        b[0, i] = a[i]
        b[1, i] = a[i] * 2.0
    return b
)",
              Kernel::ops("f", R"({"op": "parallel", "loop": "i"})"));
  INFO(rows.errors());
  CHECK(rows.legal);
}

TEST_CASE("source-annotated loops are checked too", "[schedule-apply]") {
  Kernel k(R"(
def f(a: float32[16]):
    b = output_tensor((16,), 'float32')
    s = 0.0
    for i in parallel(16):
        s += a[i]
        b[i] = s
    return b
)",
           "");
  CHECK(!k.legal);
  CHECK(k.first() ==
        "k.hy:5:5: cannot parallelize loop 'i': scalar 's' is declared outside the loop and "
        "assigned in every iteration [ScheduleIllegalParallel]");
}

TEST_CASE("break in a parallelized loop", "[schedule-apply]") {
  Kernel k(R"(
def f(a: float32[16]):
    b = output_tensor((16,), 'float32')
    for i in range(16):
        b[i] = a[i]
        if a[i] > 1.0:
            break
    return b
)",
           Kernel::ops("f", R"({"op": "parallel", "loop": "i"})"));
  CHECK(
      k.first() ==
      "s.json:1:48: cannot parallelize loop 'i': it contains 'break', which only a serial loop may "
      "use [ScheduleIllegalParallel]");
}

//===--- The samples --------------------------------------------------------===//

TEST_CASE("the samples' schedules apply, are legal and keep the results", "[schedule-apply]") {
  for (const char *name : {"outer_product", "blur", "matmul", "softmax", "two_outputs"}) {
    INFO(name);
    auto read = [](const std::string &p) {
      std::ifstream in(p);
      std::stringstream ss;
      ss << in.rdbuf();
      return ss.str();
    };
    std::string dir = std::string(HYBRIDC_SOURCE_DIR) + "/samples/";
    Kernel k(read(dir + name + ".hy"), read(dir + name + ".json"));
    INFO(k.errors());
    CHECK(!k.diags.hasErrors());
    CHECK(k.legal);
    INFO(k.text());
    k.checkSame();
  }
}

//===--- Random schedules ---------------------------------------------------===//

namespace {

class LoopNames : public IRVisitor {
public:
  using IRVisitor::visit;
  std::vector<std::string> names;

protected:
  void visit(const For *n) override {
    names.push_back(n->name);
    IRVisitor::visit(n);
  }
};

} // namespace

TEST_CASE("random schedules keep the results or are refused", "[schedule-apply]") {
  struct Case {
    const char *src, *def;
    std::map<std::string, int64_t> scalars;
  };
  const char *sym2 = R"(
def add2(n: int32, m: int32, a: float32[n, m]):
    b = output_tensor((n, m), 'float32')
    for i in range(n):
        for j in range(1, m):
            b[i, j] = a[i, j] + a[i, j - 1]
        b[i, 0] = a[i, 0]
    return b
)";
  const char *tri = R"(
def tri(a: float32[9, 9]):
    b = output_tensor((9, 9), 'float32')
    for i in range(9):
        for j in range(9):
            b[i, j] = 0.0
        for j in range(i + 1):
            b[i, j] = a[i, j] * 2.0
    return b
)";
  std::vector<Case> cases = {{kMatmul, "matmul", {}},
                             {kOuterProduct, "outer_product", {}},
                             {kFive, "five", {}},
                             {sym2, "add2", {{"n", 7}, {"m", 10}}},
                             {tri, "tri", {}}};
  // HYBRIDC_SCHEDULE_FUZZ=<rounds>[:<seed>] runs a longer search.
  int rounds = 60;
  unsigned seed = 20240607;
  if (const char *env = std::getenv("HYBRIDC_SCHEDULE_FUZZ")) {
    rounds = std::atoi(env);
    if (const char *colon = std::strchr(env, ':')) seed = unsigned(std::atoi(colon + 1));
  }
  std::mt19937 rng(seed);
  auto pick = [&](size_t n) { return size_t(rng() % n); };
  int applied = 0;
  for (int round = 0; round < rounds; ++round) {
    const Case &c = cases[round % cases.size()];
    std::vector<std::string> ops;
    for (int step = 0; step < 5; ++step) {
      std::string list;
      for (auto &o : ops) list += (list.empty() ? "" : ", ") + o;
      Kernel k(c.src, list.empty() ? "" : Kernel::ops(c.def, list));
      LoopNames ln;
      ln.visit(k.scheduled);
      // Addresses of the current loops.
      std::map<std::string, int> count, seen;
      for (auto &n : ln.names) ++count[n];
      std::vector<std::string> addr;
      for (auto &n : ln.names) {
        int idx = seen[n]++;
        addr.push_back(count[n] > 1 ? n + "#" + std::to_string(idx) : n);
      }
      if (addr.size() < 2) break;
      auto loop = [&] { return "\"" + addr[pick(addr.size())] + "\""; };
      auto two = [&] {
        size_t x = pick(addr.size()), y = pick(addr.size());
        if (x == y) y = (y + 1) % addr.size();
        return "\"" + addr[x] + "\", \"" + addr[y] + "\"";
      };
      std::string op;
      switch (pick(8)) {
      case 0:
      case 1:
        op = R"({"op": "split", "loop": )" + loop() + R"(, "factor": )" +
             std::to_string(2 + pick(6)) + "}";
        break;
      case 2:
        op = R"({"op": "split", "loop": )" + loop() + R"(, "nparts": )" +
             std::to_string(2 + pick(4)) + "}";
        break;
      case 3: op = R"({"op": "fuse", "loops": [)" + two() + "]}"; break;
      case 4: op = R"({"op": "reorder", "loops": [)" + two() + "]}"; break;
      case 5: op = R"({"op": "parallel", "loop": )" + loop() + "}"; break;
      case 6: op = R"({"op": "vectorize", "loop": )" + loop() + "}"; break;
      case 7: op = R"({"op": "tile", "loops": [)" + two() + R"(], "factors": [3, 4]})"; break;
      }
      std::vector<std::string> next = ops;
      next.push_back(op);
      std::string nextList;
      for (auto &o : next) nextList += (nextList.empty() ? "" : ", ") + o;
      Kernel t(c.src, Kernel::ops(c.def, nextList));
      INFO(nextList);
      INFO(t.errors());
      if (t.diags.hasErrors()) {
        if (t.legal) CHECK(t.scheduled.same(t.original)); // an op refused: nothing changed
        continue;
      }
      ops = next;
      ++applied;
      INFO(t.text());
      t.checkSame(c.scalars, 1);
    }
  }
  CHECK(applied > rounds);
}
