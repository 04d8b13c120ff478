//===- SemaTest.cpp - Scope, type and shape checking ----------------------===//
//
// Parses and checks small programs. Accepted programs: the annotations the
// lowering relies on (types after promotion, constInt, symbols, scopes,
// outputs, call targets). Rejected programs: the diagnostic kinds, and that
// independent errors are all reported without cascades.
//
//===----------------------------------------------------------------------===//
#include "hybridc/Sema/Sema.h"
#include "hybridc/AST/AST.h"
#include "hybridc/Parse/Parser.h"
#include "hybridc/Schedule/Schedule.h"

#include <catch2/catch.hpp>

#include <functional>

using namespace hybridc;
using namespace hybridc::ast;

namespace {

void forEachExpr(Expr *e, const std::function<void(Expr &)> &fn);

void forEachExprs(std::vector<ExprPtr> &v, const std::function<void(Expr &)> &fn) {
  for (auto &e : v) forEachExpr(e.get(), fn);
}

void forEachExpr(Expr *e, const std::function<void(Expr &)> &fn) {
  if (!e) return;
  fn(*e);
  if (auto *a = dyn_cast<Attribute>(e)) forEachExpr(a->value.get(), fn);
  if (auto *s = dyn_cast<Subscript>(e)) {
    forEachExpr(s->value.get(), fn);
    forEachExprs(s->indices, fn);
  }
  if (auto *c = dyn_cast<Call>(e)) forEachExprs(c->args, fn);
  if (auto *b = dyn_cast<BinOp>(e)) {
    forEachExpr(b->lhs.get(), fn);
    forEachExpr(b->rhs.get(), fn);
  }
  if (auto *u = dyn_cast<UnaryOp>(e)) forEachExpr(u->operand.get(), fn);
  if (auto *b = dyn_cast<BoolOp>(e)) forEachExprs(b->operands, fn);
  if (auto *c = dyn_cast<Compare>(e)) forEachExprs(c->operands, fn);
  if (auto *i = dyn_cast<IfExp>(e)) {
    forEachExpr(i->cond.get(), fn);
    forEachExpr(i->then.get(), fn);
    forEachExpr(i->orelse.get(), fn);
  }
  if (auto *t = dyn_cast<Tuple>(e)) forEachExprs(t->elts, fn);
}

void forEachExpr(Block &b, const std::function<void(Expr &)> &fn) {
  for (auto &sp : b) {
    Stmt *s = sp.get();
    if (auto *a = dyn_cast<Assign>(s)) {
      forEachExprs(a->targets, fn);
      forEachExpr(a->value.get(), fn);
    } else if (auto *a = dyn_cast<AugAssign>(s)) {
      forEachExpr(a->target.get(), fn);
      forEachExpr(a->value.get(), fn);
    } else if (auto *f = dyn_cast<For>(s)) {
      for (auto &v : f->vars) fn(*v);
      forEachExpr(f->iter.get(), fn);
      forEachExpr(f->body, fn);
    } else if (auto *w = dyn_cast<While>(s)) {
      forEachExpr(w->cond.get(), fn);
      forEachExpr(w->body, fn);
    } else if (auto *i = dyn_cast<If>(s)) {
      forEachExpr(i->cond.get(), fn);
      forEachExpr(i->then, fn);
      forEachExpr(i->orelse, fn);
    } else if (auto *r = dyn_cast<Return>(s)) {
      forEachExpr(r->value.get(), fn);
    } else if (auto *a = dyn_cast<Assert>(s)) {
      forEachExpr(a->cond.get(), fn);
      forEachExpr(a->msg.get(), fn);
    } else if (auto *e = dyn_cast<ExprStmt>(s)) {
      forEachExpr(e->value.get(), fn);
    }
  }
}

struct Checked {
  std::unique_ptr<SourceManager> sm = std::make_unique<SourceManager>();
  std::unique_ptr<DiagnosticEngine> diags;
  std::unique_ptr<Module> module;
  std::optional<ScheduleFile> schedule;

  /// Kind names of every diagnostic, in report order.
  std::vector<std::string> kinds() const {
    std::vector<std::string> out;
    for (const Diagnostic &d : diags->diagnostics()) out.push_back(diagInfo(d.kind).name);
    return out;
  }
  /// "line:col Kind: message" of every diagnostic.
  std::string errors() const {
    std::string out;
    for (const Diagnostic &d : diags->diagnostics()) {
      LineCol lc = sm->lineCol(d.range.begin);
      out += std::to_string(lc.line) + ":" + std::to_string(lc.col) + " " + diagInfo(d.kind).name +
             ": " + d.message + "\n";
    }
    return out;
  }
  bool ok() const { return !diags->hasErrors(); }

  Def &def(const std::string &name) const {
    for (auto &d : module->defs)
      if (d->name == name) return *d;
    FAIL("no def " << name);
    return *module->defs[0];
  }
  /// The first symbol named `name` in def `d` (the first def by default).
  Symbol &sym(const std::string &name, const std::string &d = "") const {
    Def &df = d.empty() ? *module->defs[0] : def(d);
    for (auto &s : df.symbols)
      if (s->name == name) return *s;
    FAIL("no symbol " << name << " in " << df.name);
    return *df.symbols[0];
  }
  /// The first expression (in walk order) whose source text is `text`.
  Expr &expr(const std::string &text, int nth = 0) const {
    Expr *found = nullptr;
    for (auto &d : module->defs)
      forEachExpr(d->body, [&](Expr &e) {
        if (!found && sm->text(e.range) == text && nth-- == 0) found = &e;
      });
    if (!found) FAIL("no expression '" << text << "'");
    return *found;
  }
  std::string typeOf(const std::string &text, int nth = 0) const {
    return expr(text, nth).type.str();
  }
  std::optional<int64_t> constOf(const std::string &text, int nth = 0) const {
    return expr(text, nth).constInt;
  }
};

Checked check(const std::string &src, const std::string &json = "") {
  Checked c;
  uint32_t b = c.sm->addBuffer("t.hy", src);
  c.diags = std::make_unique<DiagnosticEngine>(*c.sm);
  c.module = parseModule(*c.sm, b, *c.diags);
  REQUIRE(c.module);
  INFO(c.errors());
  REQUIRE(!c.diags->hasErrors()); // the snippets must parse
  if (!json.empty()) {
    uint32_t j = c.sm->addBuffer("t.json", json);
    c.schedule = readSchedule(*c.sm, j, *c.diags);
    REQUIRE(c.schedule);
  }
  checkModule(*c.module, c.schedule ? &*c.schedule : nullptr, *c.diags);
  return c;
}

/// Checks `src` and returns the kinds it reports.
std::vector<std::string> kindsOf(const std::string &src, const std::string &json = "") {
  return check(src, json).kinds();
}

using Kinds = std::vector<std::string>;

} // namespace

//===--- Accepted programs ----------------------------------------------===//

TEST_CASE("outer product: types, symbols, outputs", "[sema]") {
  auto c = check(R"(
def outer_product(a: float32[100], b: float32[99]):
    c = output_tensor((100, 99), 'float32')
    for i in range(a.shape[0]):
        for j in range(b.shape[0]):
            c[i, j] = a[i] * b[j]
    return c
)");
  INFO(c.errors());
  REQUIRE(c.ok());
  Def &d = c.def("outer_product");
  CHECK(d.checked);
  REQUIRE(d.symbols.size() >= 5);
  CHECK(d.symbols[0]->name == "a");
  CHECK(d.symbols[0]->kind == Symbol::TensorParam);
  CHECK(d.symbols[1]->name == "b");
  CHECK(d.params[0].symbol == d.symbols[0].get());
  Symbol &cs = c.sym("c");
  CHECK(cs.kind == Symbol::OutputTensor);
  CHECK(cs.outputIndex == 0);
  CHECK(cs.dtype.str() == "float32");
  REQUIRE(cs.shape.size() == 2);
  CHECK(*cs.shape[0].constant == 100);
  CHECK(*cs.shape[1].constant == 99);
  CHECK(cs.scopeStmt == nullptr);
  REQUIRE(d.outputs.size() == 1);
  CHECK(d.outputs[0] == &cs);
  CHECK(c.typeOf("a.shape[0]") == "int32");
  CHECK(c.constOf("a.shape[0]") == 100);
  CHECK(c.typeOf("a[i] * b[j]") == "float32");
  CHECK(c.typeOf("c[i, j]") == "float32");
  CHECK(c.typeOf("a") == "tensor float32[1-D]");
  Symbol &i = c.sym("i");
  CHECK(i.kind == Symbol::LoopVar);
  CHECK(i.dtype.str() == "int32");
  auto *outer = cast<For>(d.body[1].get());
  CHECK(i.scopeStmt == outer);
  CHECK(outer->varSymbols.size() == 1);
  CHECK(outer->varSymbols[0] == &i);
  CHECK(cast<Name>(&c.expr("i", 1))->symbol == &i);
}

TEST_CASE("literals and the promotion table", "[sema]") {
  auto c = check(R"(
def f(x64: float64, i8: int8, u32: uint32, n: int32, h: float16):
    o = output_tensor((1,), 'float64')
    a = x64 + 0.1
    b = 1 + 2.5
    d = i8 + 1
    e = u32 + n
    g = n // 2
    k = n % 3
    l = n < 3
    m = h * 2.0
    p = True
    q = -7 // 2
    r = -7 % 2
    s = (3 + 4) * 2 - 1
    t = n & 6
    w = 2.0 / 4.0
    v = 7 if n > 0 else 8
    z = ~5
    o[0] = a
    return o
)");
  INFO(c.errors());
  REQUIRE(c.ok());
  CHECK(c.typeOf("x64 + 0.1") == "float64");
  CHECK(c.typeOf("0.1") == "float32");
  CHECK(c.typeOf("1 + 2.5") == "float32");
  CHECK(c.typeOf("i8 + 1") == "int32");
  CHECK(c.typeOf("u32 + n") == "uint32");
  CHECK(c.typeOf("n // 2") == "int32");
  CHECK(c.typeOf("n % 3") == "int32");
  CHECK(c.typeOf("n < 3") == "bool");
  CHECK(c.typeOf("h * 2.0") == "float32");
  CHECK(c.typeOf("True") == "bool");
  CHECK(c.typeOf("2.0 / 4.0") == "float32");
  CHECK(c.typeOf("n & 6") == "int32");
  CHECK(c.constOf("-7 // 2") == -4);
  CHECK(c.constOf("-7 % 2") == 1);
  CHECK(c.constOf("(3 + 4) * 2 - 1") == 13);
  CHECK(c.constOf("~5") == -6);
  CHECK(!c.constOf("n // 2"));
  CHECK(c.sym("a").dtype.str() == "float64");
  CHECK(c.sym("l").dtype.str() == "bool");
  CHECK(c.sym("q").kind == Symbol::Var);
  CHECK(c.sym("q").constInt == -4);
  CHECK(c.sym("s").constInt == 13);
  CHECK(c.sym("v").dtype.str() == "int32");
  CHECK(!c.sym("v").constInt);
  CHECK(!c.sym("a").constInt);
}

TEST_CASE("matmul with a scalar accumulator", "[sema]") {
  auto c = check(R"(
def matmul(a: float32[64, 32], b: float32[32, 16]):
    c = output_tensor((64, 16), 'float32')
    for i in range(64):
        for j in range(16):
            s = 0.0
            for k in range(32):
                s += a[i, k] * b[k, j]
            c[i, j] = s
    return c
)");
  INFO(c.errors());
  REQUIRE(c.ok());
  Symbol &s = c.sym("s");
  CHECK(s.kind == Symbol::Var);
  CHECK(s.dtype.str() == "float32");
  CHECK(!s.constInt);
  CHECK(!s.initExpr); // stored twice
  auto *fi = cast<For>(c.def("matmul").body[1].get());
  auto *fj = cast<For>(fi->body[0].get());
  CHECK(s.scopeStmt == fj);
  CHECK(c.typeOf("s", 1) == "float32");
}

TEST_CASE("blur with an allocated buffer", "[sema]") {
  auto c = check(R"(
def blur(a: float32[32, 32]):
    b = output_tensor((30, 30), 'float32')
    t = allocate((32, 30), 'float32', 'local')
    for i in range(32):
        for j in range(30):
            t[i, j] = (a[i, j] + a[i, j + 1] + a[i, j + 2]) / 3.0
    for i in range(30):
        for j in range(30):
            b[i, j] = (t[i, j] + t[i + 1, j] + t[i + 2, j]) / 3.0
    return b
)");
  INFO(c.errors());
  REQUIRE(c.ok());
  Symbol &t = c.sym("t");
  CHECK(t.kind == Symbol::Allocated);
  CHECK(t.scope == "local");
  CHECK(t.dtype.str() == "float32");
  CHECK(*t.shape[1].constant == 30);
  CHECK(t.outputIndex == -1);
  // Loop variables may be reused by sibling loops: one symbol per loop.
  int loopVarsNamedI = 0;
  for (auto &s : c.def("blur").symbols) loopVarsNamedI += s->name == "i";
  CHECK(loopVarsNamedI == 2);
}

TEST_CASE("softmax with exp and max", "[sema]") {
  auto c = check(R"(
def softmax(x: float32[4, 10]):
    y = output_tensor(x.shape, x.dtype)
    for i in range(4):
        m = x[i, 0]
        for j in range(1, 10):
            m = max(m, x[i, j])
        s = 0.0
        for j in range(10):
            y[i, j] = exp(x[i, j] - m)
            s += y[i, j]
        for j in range(10):
            y[i, j] = y[i, j] / s
    return y
)");
  INFO(c.errors());
  REQUIRE(c.ok());
  Symbol &y = c.sym("y");
  CHECK(y.kind == Symbol::OutputTensor);
  CHECK(y.dtype.str() == "float32");
  REQUIRE(y.shape.size() == 2);
  CHECK(*y.shape[0].constant == 4);
  CHECK(c.typeOf("max(m, x[i, j])") == "float32");
  CHECK(c.typeOf("exp(x[i, j] - m)") == "float32");
  CHECK(c.typeOf("x.shape") == "shape");
  CHECK(c.typeOf("x.dtype") == "dtype");
}

TEST_CASE("two outputs and a call x, y = f(a)", "[sema]") {
  auto c = check(R"(
def main(a: float32[8]):
    x, y = split(a)
    z = output_tensor((8,), 'float32')
    for i in range(8):
        z[i] = x[i] + y[i]
    return z

def split(a: float32[8]):
    p = output_tensor((8,), 'float32')
    q = output_tensor((8,), 'float32')
    for i in range(8):
        p[i] = a[i]
        q[i] = -a[i]
    return p, q
)");
  INFO(c.errors());
  REQUIRE(c.ok());
  Def &split = c.def("split");
  REQUIRE(split.outputs.size() == 2);
  CHECK(split.outputs[0]->name == "p");
  CHECK(split.outputs[1]->name == "q");
  CHECK(split.outputs[1]->outputIndex == 1);
  auto *call = cast<Call>(&c.expr("split(a)"));
  CHECK(call->target == &split);
  CHECK(call->type.kind == Type::Tuple);
  Symbol &x = c.sym("x", "main");
  CHECK(x.kind == Symbol::Allocated);
  CHECK(x.scope == "global");
  CHECK(x.dtype.str() == "float32");
  CHECK(*x.shape[0].constant == 8);
  CHECK(c.def("main").checked);
  CHECK(c.def("main").outputs.size() == 1);
}

TEST_CASE("a one-output call with a symbolic shape binds the caller's argument", "[sema]") {
  auto c = check(R"(
def twice(n: int32, a: float32[n]):
    b = output_tensor((n,), 'float32')
    for i in range(n):
        b[i] = a[i] * 2.0
    return b

def main(m: int32, a: float32[m]):
    t = twice(m, a)
    u = twice(5, a2) if False else twice(m, t)
    return t
)");
  // `u = ... if ... else f()` puts a def call inside an expression.
  CHECK(c.kinds() == Kinds{"UndeclaredVariable", "MisplacedBufferCall", "MisplacedBufferCall"});
  Symbol &t = c.sym("t", "main");
  CHECK(t.kind == Symbol::OutputTensor);
  REQUIRE(t.shape.size() == 1);
  CHECK(t.shape[0].param == &c.sym("m", "main"));
}

TEST_CASE("symbolic shapes from scalar parameters", "[sema]") {
  auto c = check(R"(
def f(n: int32, a: float32[n, 4]):
    b = output_tensor((n, 4), 'float32')
    m = a.shape[0]
    k = a.shape[1]
    t = allocate((m + 1,), 'float32')
    for i in range(n):
        for j in range(k):
            b[i, j] = a[i, j]
        t[i] = a[i, 0]
    return b
)");
  INFO(c.errors());
  REQUIRE(c.ok());
  Symbol &n = c.sym("n");
  Symbol &a = c.sym("a");
  CHECK(a.shape[0].param == &n);
  CHECK(*a.shape[1].constant == 4);
  CHECK(c.sym("b").shape[0].param == &n);
  CHECK(!c.constOf("a.shape[0]"));
  CHECK(c.constOf("a.shape[1]") == 4);
  CHECK(c.sym("k").constInt == 4);
  CHECK(!c.sym("m").constInt);
  CHECK(c.sym("m").initExpr == &c.expr("a.shape[0]"));
  Symbol &t = c.sym("t");
  REQUIRE(t.shape.size() == 1);
  CHECK(!t.shape[0].isConst());
  CHECK(t.shape[0].expr == &c.expr("m + 1"));
}

TEST_CASE("grid loops, while, break and continue", "[sema]") {
  auto c = check(R"(
def f(a: float32[4, 8]):
    b = output_tensor((4, 8), 'float32')
    for i, j in grid(4, 8):
        b[i, j] = a[i, j]
    for i in range(4):
        k = 0
        while k < 8:
            if a[i, k] < 0.0:
                break
            k += 1
            if k == 3:
                continue
        for j in serial(2, 6):
            if j == 4:
                continue
            b[i, j] = 0.0
    return b
)");
  INFO(c.errors());
  REQUIRE(c.ok());
  auto *g = cast<For>(c.def("f").body[1].get());
  REQUIRE(g->varSymbols.size() == 2);
  CHECK(g->varSymbols[0]->name == "i");
  CHECK(g->varSymbols[1]->name == "j");
  CHECK(g->varSymbols[1]->scopeStmt == g);
  Symbol &k = c.sym("k");
  CHECK(k.kind == Symbol::Var);
  CHECK(!k.constInt); // stored again by +=
  CHECK(k.scopeStmt == c.def("f").body[2].get());
}

TEST_CASE("const_range over a schedule const argument", "[sema]") {
  auto c = check(R"(
def foo(a: float32[3], b):
    c = output_tensor(a.shape, a.dtype)
    for i in const_range(len(a)):
        if i == 0:
            c[i] = a[i] + float32(b[i])
        else:
            c[i] = a[i] * float32(b[i + 0])
    n = b[1]
    for j in const_range(n):
        c[j] = 0.0
    return c
)",
                 R"({"foo": {"args": {"b": {"const": [1, 2, 3]}}}})");
  INFO(c.errors());
  REQUIRE(c.ok());
  Symbol &b = c.sym("b");
  CHECK(b.kind == Symbol::ConstArray);
  CHECK(b.dtype.str() == "int32");
  CHECK(b.constValues == std::vector<double>{1, 2, 3});
  REQUIRE(b.shape.size() == 1);
  CHECK(*b.shape[0].constant == 3);
  CHECK(c.constOf("len(a)") == 3);
  CHECK(c.typeOf("b[i]") == "int32");
  CHECK(c.sym("n").constInt == 2);
  CHECK(c.constOf("b[1]") == 2);
}

TEST_CASE("schedule args describe unannotated parameters", "[sema]") {
  auto c = check(R"(
def f(n, a, b: float32[4], w):
    c = output_tensor((n,), 'float32')
    for i in range(n):
        c[i] = a[i, 0] + b[0] + w[1]
    return c
)",
                 R"({"f": {"args": {
  "n": {"dtype": "int32"},
  "a": {"shape": ["n", 3], "dtype": "float32", "strides": true},
  "b": {"strides": true},
  "w": {"const": [0.5, 1.5]}
}}})");
  INFO(c.errors());
  REQUIRE(c.ok());
  CHECK(c.sym("n").kind == Symbol::ScalarParam);
  Symbol &a = c.sym("a");
  CHECK(a.kind == Symbol::TensorParam);
  CHECK(a.strided);
  CHECK(a.shape[0].param == &c.sym("n"));
  CHECK(*a.shape[1].constant == 3);
  CHECK(c.sym("b").strided);
  CHECK(c.sym("w").kind == Symbol::ConstArray);
  CHECK(c.sym("w").dtype.str() == "float32");
}

TEST_CASE("builtins: casts, math, ceil_div, popcount, len, max_num_threads", "[sema]") {
  auto c = check(R"(
def f(a: float64[10], n: int64, u: uint8):
    o = output_tensor((10,), 'float64')
    for i in range(10):
        o[i] = sqrt(a[i]) + power(a[i], 2.0) + float64(ceil_div(n, 4)) + float64(popcount(u))
        o[i] += float64(abs(-3)) + float64(len(a)) + float64(max_num_threads(False))
        o[i] += round(a[i]) + sigmoid(a[i]) + fabs(a[i]) + float64(int8(300))
    return o
)");
  INFO(c.errors());
  REQUIRE(c.ok());
  CHECK(c.typeOf("sqrt(a[i])") == "float64");
  CHECK(c.typeOf("power(a[i], 2.0)") == "float64");
  CHECK(c.typeOf("ceil_div(n, 4)") == "int64");
  CHECK(c.typeOf("popcount(u)") == "uint8");
  CHECK(c.constOf("abs(-3)") == 3);
  CHECK(c.constOf("len(a)") == 10);
  CHECK(c.typeOf("max_num_threads(False)") == "int32");
  CHECK(c.constOf("int8(300)") == 44);
}

TEST_CASE("bind loops with uniform extents", "[sema]") {
  auto c = check(R"(
def f(a: float32[256]):
    b = output_tensor((256,), 'float32')
    for bx in bind("blockIdx.x", 4):
        for tx in bind("threadIdx.x", 64):
            t = allocate((1,), 'float32', 'local')
            t[0] = a[bx * 64 + tx]
            b[bx * 64 + tx] = t[0]
    for tx in bind("threadIdx.x", 64):
        b[tx] = 0.0
    return b
)");
  INFO(c.errors());
  REQUIRE(c.ok());
}

//===--- Rejected programs ----------------------------------------------===//

TEST_CASE("scopes: undeclared, outside the loop, sibling, first store by +=", "[sema]") {
  CHECK(kindsOf(R"(
def f(a: float32[5, 5]):
    b = output_tensor((5,), 'float32')
    for i in range(5):
        s = 0.0
        for j in range(5):
            s += a[i, j]
        b[i] = s
    b[0] = s
    return b
)") == Kinds{"UseOutsideScope"});
  CHECK(kindsOf(R"(
def f(a: float32[5]):
    b = output_tensor((5,), 'float32')
    for i in range(5):
        s = a[i]
        b[i] = s
    for i in range(5):
        s = a[i]
    return b
)") == Kinds{"RedeclaredInSibling"});
  CHECK(kindsOf(R"(
def f(a: float32[5]):
    b = output_tensor((5,), 'float32')
    for i in range(5):
        b[i] = c[i] + c[i]
        t += 1.0
    return b
)") == Kinds{"UndeclaredVariable", "FirstStoreAugmented"});
  // `if` opens no scope.
  CHECK(kindsOf(R"(
def f(a: float32[5]):
    b = output_tensor((5,), 'float32')
    if a[0] > 0.0:
        s = 1.0
    else:
        s = 2.0
    b[0] = s
    return b
)") == Kinds{});
}

TEST_CASE("writes to loop variables, parameters, inputs and tensors", "[sema]") {
  CHECK(kindsOf(R"(
def f(a: float32[5], n: int32):
    b = output_tensor((5,), 'float32')
    for i in range(5):
        i = 2
        a[i] = 1.0
        b = 1.0
    n = 3
    return b
)") == Kinds{"LoopVarWrite", "TensorAssign", "ParamAssign"});
  CHECK(kindsOf(R"(
def f(a: float32[5]):
    b = output_tensor((5,), 'float32')
    b = output_tensor((5,), 'float32')
    for a in range(5):
        b[a] = 0.0
    return b
)") == Kinds{"TensorRedeclared", "LoopVarShadows"});
}

TEST_CASE("type errors", "[sema]") {
  CHECK(kindsOf(R"(
def f(a: float32[5], n: int32):
    b = output_tensor((5,), 'float32')
    x = n / 2
    s = 0
    s += a[0]
    b[0] = 1
    y = min(1, 2, 3)
    z = max(1, 2.0)
    w = 1 if n > 0 else 2.0
    v = exp(n)
    q = 1.5 & n
    b[1] = a[0] if a else a[1]
    return b
)") == Kinds{"IntTrueDiv", "StoreTypeMismatch", "StoreTypeMismatch", "MinMaxArity", "MinMaxTypes",
             "IfExpArms", "BuiltinArgType", "BitwiseOnFloat", "ConditionNotScalar"});
}

TEST_CASE("shapes, indices and len", "[sema]") {
  CHECK(kindsOf(R"(
def f(a: float32[5, 4], n: int32):
    b = output_tensor((5,), 'float32')
    x = a.shape[n]
    y = a.shape[2]
    z = len(a) + len(a.shape) + len(n)
    b[0] = a[0]
    b[1] = a[0, 1.0]
    b[2] = a[5, 0]
    u = a.size
    w = n.shape
    return b
)") == Kinds{"ShapeIndexNotConst", "ShapeIndexRange", "BuiltinArgType", "IndexCount", "IndexType",
             "IndexRange", "UnknownAttribute", "NotATensor"});
}

TEST_CASE("loops: const_range, vectorize, grid, bind, break", "[sema]") {
  CHECK(kindsOf(R"(
def f(a: float32[16], n: int32):
    b = output_tensor((16,), 'float32')
    for i in const_range(n):
        b[i] = 0.0
    for i in vectorize(n):
        b[i] = 0.0
    for i, j in grid(4):
        b[i] = 0.0
    for i in bind("threadIdx.w", 16):
        b[i] = 0.0
    for i in bind("threadIdx.x", 16):
        b[i] = 0.0
    for i in bind("threadIdx.x", 8):
        b[i] = 0.0
    for i in parallel(16):
        if a[i] > 0.0:
            break
    break
    for i in a.shape:
        b[i] = 0.0
    for i in range(0.5):
        b[0] = 0.0
    return b
)") == Kinds{"ConstRangeNotConst", "LoopExtentNotConst", "LoopVarCount", "BindTag",
             "BindExtentMismatch", "BreakInParallel", "BreakOutsideLoop", "NotALoopIterator",
             "LoopBoundType"});
  CHECK(kindsOf(R"(
def f(a: float32[16]):
    b = output_tensor((16,), 'float32')
    for i in bind("threadIdx.x", 16):
        s = a[i]
        c = 2.0
        k = 3
        b[i] = s + c + float32(k)
    return b
)") == Kinds{"ScalarInBind"});
}

TEST_CASE("const arrays need constant indices", "[sema]") {
  CHECK(kindsOf(R"(
def f(a: float32[3], b):
    c = output_tensor((3,), 'float32')
    for i in range(3):
        c[i] = float32(b[i])
    b[0] = 1
    return c
)",
                R"({"f": {"args": {"b": {"const": [1, 2, 3]}}}})") ==
        Kinds{"NotConstant", "InputWrite"});
}

TEST_CASE("builtins: unknown names, arity, argument kinds", "[sema]") {
  CHECK(kindsOf(R"(
def f(a: float32[4]):
    b = output_tensor((4,), 'flot32')
    c = output_tensor(4, 'float32')
    d = allocate((4,), 'float32', 'private')
    foo(a)
    x = sqrt(a[0], a[1])
    y = popcount(a[0])
    z = exp(a)
    e = output_tensor((4,), 'float32') 
    w = a[0] + output_tensor((4,), 'float32')[0]
    return e
)") == Kinds{"BuiltinArgType", "BuiltinArgType", "BuiltinArgType", "UnknownName", "BuiltinArity",
             "BuiltinArgType", "BuiltinArgType", "MisplacedBufferCall"});
}

TEST_CASE("shape dimensions must be positive and loop-invariant", "[sema]") {
  CHECK(kindsOf(R"(
def f(a: float32[4], n: int32):
    b = output_tensor((0,), 'float32')
    for i in range(4):
        t = allocate((i,), 'float32')
        t[0] = 1.0
    c = output_tensor((n, 2.0), 'float32')
    return b
)") == Kinds{"BadShapeDim", "BadShapeDim", "BadShapeDim"});
}

TEST_CASE("calls to other defs: arity, argument types, results, recursion", "[sema]") {
  const char *g = R"(
def g(n: int32, a: float32[n, 4]):
    b = output_tensor((n,), 'float32')
    for i in range(n):
        b[i] = a[i, 0]
    return b
)";
  CHECK(kindsOf(std::string(g) + R"(
def f(a: float32[8, 4], c: float32[8, 3], d: int32[8, 4]):
    x = g(8)
    y = g(8, c)
    z = g(8, d)
    w = g(7, a)
    v = g(8.0, a)
    p, q = g(8, a)
    r = g(8, a)
    return r
)") == Kinds{"CallArity", "CallArgType", "CallArgType", "CallArgType", "CallArgType",
             "CallResultCount"});
  CHECK(kindsOf(R"(
def f(a: float32[4]):
    b = g(a)
    return b

def g(a: float32[4]):
    b = f(a)
    return b

def h(a: float32[4]):
    b = h(a)
    return b
)") == Kinds{"Recursion", "Recursion"});
}

TEST_CASE("recursion notes the call chain", "[sema]") {
  auto c = check(R"(
def f(a: float32[4]):
    b = g(a)
    return b

def g(a: float32[4]):
    b = k(a)
    return b

def k(a: float32[4]):
    b = f(a)
    return b
)");
  REQUIRE(c.kinds() == Kinds{"Recursion"});
  const Diagnostic &d = c.diags->diagnostics()[0];
  CHECK(c.sm->lineCol(d.range.begin).line == 11);
  REQUIRE(d.notes.size() == 2);
  CHECK(c.sm->lineCol(d.notes[0].range.begin).line == 3);
  CHECK(c.sm->lineCol(d.notes[1].range.begin).line == 7);
  CHECK(!c.def("f").checked);
  CHECK(!c.def("k").checked);
}

TEST_CASE("return placement and values", "[sema]") {
  CHECK(kindsOf(R"(
def f(a: float32[4]):
    b = output_tensor((4,), 'float32')
    for i in range(4):
        b[i] = a[i]
        return b
    return b
)") == Kinds{"ReturnPlacement"});
  CHECK(kindsOf(R"(
def f(a: float32[4]):
    b = output_tensor((4,), 'float32')
    t = allocate((4,), 'float32', 'local')
    return a, t, b, b
)") == Kinds{"ReturnValue", "ReturnValue", "ReturnValue"});
  CHECK(kindsOf(R"(
def f(a: float32[4]):
    b = output_tensor((4,), 'float32')
    b[0] = a[0]
)") == Kinds{"MissingReturn"});
  // A returned global allocate buffer is an output; an unreturned
  // output_tensor is a temporary.
  auto c = check(R"(
def f(a: float32[4]):
    t = allocate((4,), 'float32')
    u = output_tensor((4,), 'float32')
    t[0] = a[0]
    u[0] = a[0]
    return t
)");
  REQUIRE(c.ok());
  CHECK(c.sym("t").kind == Symbol::OutputTensor);
  CHECK(c.sym("t").outputIndex == 0);
  CHECK(c.sym("u").kind == Symbol::Allocated);
  CHECK(c.sym("u").scope == "global");
}

TEST_CASE("parameters: annotations and the schedule's args", "[sema]") {
  CHECK(kindsOf(R"(
def f(a: float32[4, m], b: float33, c: foo[4], d):
    o = output_tensor((4,), 'float32')
    return o
)") == Kinds{"BadAnnotation", "BadAnnotation", "BadAnnotation", "UnannotatedParam"});
  CHECK(kindsOf(R"(
def f(a: float32[4], n: int32):
    o = output_tensor((4,), 'float32')
    return o
)",
                R"({"f": {"args": {"a": {"dtype": "int32"}, "n": {"strides": true},
                   "zz": {"dtype": "int32"}}}, "nope": {}})") ==
        Kinds{"ScheduleUnknownDef", "ScheduleUnknownParam", "ScheduleArgConflict",
              "ScheduleArgConflict"});
  CHECK(kindsOf(R"(
def f(a):
    o = output_tensor((4,), 'float32')
    return o
)",
                R"({"f": {"args": {"a": {"shape": ["k"], "dtype": "float32"}}}})") ==
        Kinds{"ScheduleBadDim"});
}

TEST_CASE("asserts, conditions, literals", "[sema]") {
  CHECK(kindsOf(R"(
def f(a: float32[4], n: int32):
    o = output_tensor((4,), 'float32')
    assert n > 0, "n must be positive"
    assert n, "numbers are conditions: true when not 0"
    assert n > 0, n
    if a[0]:
        o[0] = 1.0
    while a:
        o[1] = 1.0
    x = 3000000000
    y = -2147483648
    z = n // 0
    return o
)") == Kinds{"AssertMessageNotString", "ConditionNotScalar", "IntLiteralRange", "DivisionByZero"});
}

TEST_CASE("recovery: independent errors, no cascades", "[sema]") {
  auto c = check(R"(
def f(a: float32[4]):
    b = output_tensor((4,), 'float32')
    x = undefined1 + 1
    y = x * 2
    b[0] = y
    z = undefined2[0]
    for i in range(4):
        b[i] = float32(z) + exp(x)
    w = unknown_fn(a) + 1.0
    b[1] = w
    return b

def g(a: float32[4]):
    c = f(a)
    return c
)");
  CHECK(c.kinds() == Kinds{"UndeclaredVariable", "UndeclaredVariable", "UnknownName"});
  CHECK(!c.def("f").checked);
  CHECK(c.def("g").checked);
}

TEST_CASE("store targets, constant variables and chained comparisons", "[sema]") {
  auto c = check(R"(
def f(a: float32[8], lo: int32):
    o = output_tensor((8,), 'float32')
    n = 4
    m = n * 2
    for i in range(lo, m):
        if 0 <= i < n:
            o[i] = a[i] if i > 1 else 0.0
    return o
)");
  INFO(c.errors());
  REQUIRE(c.ok());
  CHECK(c.sym("n").constInt == 4);
  CHECK(c.sym("m").constInt == 8);
  CHECK(c.constOf("n * 2") == 8);
  CHECK(c.constOf("m") == 8);
  auto &target = *cast<Name>(&c.expr("n"));
  CHECK(target.symbol == &c.sym("n"));
  CHECK(target.type.str() == "int32");
  CHECK(c.typeOf("0 <= i < n") == "bool");
  CHECK(c.typeOf("a[i] if i > 1 else 0.0") == "float32");
  CHECK(c.typeOf("o[i]") == "float32");
  CHECK(cast<Name>(&c.expr("o"))->symbol == &c.sym("o"));
  CHECK(c.def("f").checked);
}

TEST_CASE("schedule args that agree with an annotation are accepted", "[sema]") {
  auto c = check(R"(
def f(n: int32, a: float32[n, 4]):
    o = output_tensor((n,), 'float32')
    for i in range(n):
        o[i] = a[i, 0]
    return o
)",
                 R"({"f": {"args": {"a": {"shape": ["n", 4], "dtype": "float32",
                                          "strides": true}}}})");
  INFO(c.errors());
  REQUIRE(c.ok());
  CHECK(c.sym("a").strided);
}

TEST_CASE("errors in several defs are reported in one run", "[sema]") {
  auto c = check(R"(
def f(a: float32[4]):
    b = output_tensor((4,), 'float32')
    b[0] = x
    return b

def g(a: float32[4]):
    b = output_tensor((4,), 'float32')
    b[0] = a[0] // 2
    b[1] = 1
    return b

def h(a: float32[4]):
    b = f(a)
    return b
)");
  CHECK(c.kinds() == Kinds{"UndeclaredVariable", "StoreTypeMismatch"});
  CHECK(!c.def("f").checked);
  CHECK(!c.def("g").checked);
  CHECK(c.def("h").checked);
}

TEST_CASE("a variable declared in a loop is typed by its first store", "[sema]") {
  CHECK(kindsOf(R"(
def f(a: float32[4], k: int64):
    b = output_tensor((4,), 'int64')
    for i in range(4):
        x = k + 1
        x = 2
        b[i] = x
    return b
)") == Kinds{"StoreTypeMismatch"});
}

TEST_CASE("seed kernels from the language reference", "[sema]") {
  auto c = check(R"(
@tvm.te.hybrid.script
def foo(a: float32[4], b): # b is a tvm.container.Array
    c = output_tensor(a.shape, a.dtype)
    for i in const_range(len(a)): # because you have b access, i should be explicitly annotated as const_range
        c[i] = a[i] + b[i]
    return c

def scopes(a: int32[5, 5]):
    b = output_tensor((5,), 'int32')
    for i in range(5):
        s = 0 # declaration, this s will be a 1-array in lowered IR
        for j in range(5):
          s += a[i, j] # do something with s
        b[i] = s # you can still use s in this level
    return b

def threads(b: float32[100]):
    a = output_tensor((100,), 'float32')
    for tx in bind("threadIdx.x", 100):
        a[tx] = b[tx]
    return a

def select(b: float32[4], c: float32[4]):
    a = output_tensor((4,), 'float32')
    for i in range(4):
        a[i] = b[i] if b[i] > c[i] and i > 0 else c[i]
    return a

def myfunc(a: float32[100, 100]):
    B = output_tensor((100, 100), 'float32')
    for i, j in grid(100, 100):
        B[i, j] = a[i, j] + 1.0
    return B
)",
                 R"({"foo": {"args": {"b": {"const": [1, 2, 3, 4]}}}})");
  INFO(c.errors());
  REQUIRE(c.ok());
  CHECK(c.typeOf("a[i] + b[i]") == "float32");
  for (auto &d : c.module->defs) CHECK(d->checked);
}
