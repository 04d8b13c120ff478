//===- LoopNest.cpp - Analyses of loop nests shared by the passes ---------===//
//
// Guards, loop rebuilding, free variables, linear forms, interval bounds
// and loop counts for the passes and code generation (see LoopNest.h).
//
//===----------------------------------------------------------------------===//
#include "hybridc/Analysis/LoopNest.h"
#include "hybridc/Analysis/Simplify.h"
#include "hybridc/IR/IRPrinter.h"
#include "hybridc/IR/IRVisitor.h"
#include "hybridc/Support/IntMath.h"

#include <algorithm>
#include <limits>

namespace hybridc::ir::loopnest {

//===--- Tail guards ------------------------------------------------------===//

Expr makeGuardCond(const Expr &c) { return Call::make(DType::boolean(), Intrinsic::Likely, {c}); }

const IfThenElse *asGuard(const Stmt &s) {
  auto *i = s.as<IfThenElse>();
  if (!i || i->otherwise) return nullptr;
  auto *c = i->cond.as<Call>();
  return c && c->func == Intrinsic::Likely ? i : nullptr;
}

Stmt makeGuard(const Expr &c, const Stmt &body) {
  Stmt g = IfThenElse::make(makeGuardCond(c), body);
  return body ? withLoc(g, body->loc) : g;
}

//===--- Rebuilding -------------------------------------------------------===//

Stmt rebuildFor(const For *f, Stmt body) {
  return rebuildFor(f, f->min, f->extent, f->forKind, std::move(body));
}

Stmt rebuildFor(const For *f, Expr min, Expr extent, ForKind kind, Stmt body) {
  std::string tag = kind == ForKind::ThreadBinding ? f->threadTag : "";
  return withLoc(For::make(f->name, std::move(min), std::move(extent), kind, std::move(body), tag),
                 f->loc);
}

Buffer makeDenseBuffer(std::string name, DType dtype, std::vector<Expr> shape,
                       BufferNode::Kind kind) {
  auto b = std::make_shared<BufferNode>();
  b->name = std::move(name);
  b->dtype = dtype;
  b->kind = kind;
  for (auto &e : shape) e = simplify(e);
  b->strides.resize(shape.size());
  Expr stride = IntImm::make(DType::i64(), 1);
  for (size_t k = shape.size(); k-- > 0;) {
    b->strides[k] = stride;
    stride = simplify(stride * shape[k]);
  }
  b->shape = std::move(shape);
  return b;
}

namespace {
class LoopReplacer : public IRMutator {
public:
  LoopReplacer(const For *target, Stmt replacement)
      : target_(target), replacement_(std::move(replacement)) {}

protected:
  using IRMutator::visit;
  Stmt visit(const For *n, const Stmt &self) override {
    return n == target_ ? replacement_ : IRMutator::visit(n, self);
  }

private:
  const For *target_;
  Stmt replacement_;
};
} // namespace

Stmt replaceLoop(const Stmt &root, const For *target, const Stmt &replacement) {
  return LoopReplacer(target, replacement).mutate(root);
}

//===--- Variables --------------------------------------------------------===//

namespace {
class NameCollector : public IRVisitor {
public:
  using IRVisitor::visit;
  std::set<std::string> names;
  void collect(const For *f) { visit(f); }

protected:
  void visit(const Var *n) override { names.insert(n->name); }
  void visit(const Load *n) override {
    names.insert(n->buffer->name);
    IRVisitor::visit(n);
  }
  void visit(const Store *n) override {
    names.insert(n->buffer->name);
    IRVisitor::visit(n);
  }
  void visit(const For *n) override {
    names.insert(n->name);
    IRVisitor::visit(n);
  }
  void visit(const VarDecl *n) override {
    names.insert(n->name);
    IRVisitor::visit(n);
  }
  void visit(const LetStmt *n) override {
    names.insert(n->name);
    IRVisitor::visit(n);
  }
  void visit(const Assign *n) override {
    names.insert(n->name);
    IRVisitor::visit(n);
  }
  void visit(const Allocate *n) override {
    names.insert(n->buffer->name);
    IRVisitor::visit(n);
  }
};
} // namespace

std::set<std::string> allNames(const Stmt &s) {
  NameCollector c;
  c.visit(s);
  return std::move(c.names);
}

std::set<std::string> allNames(const For *loop) {
  NameCollector c;
  c.collect(loop);
  return std::move(c.names);
}

namespace {
class VarCollector : public IRVisitor {
public:
  using IRVisitor::visit;
  std::set<std::string> names;
  bool loads = false;

protected:
  void visit(const Var *n) override { names.insert(n->name); }
  void visit(const Load *n) override {
    loads = true;
    IRVisitor::visit(n);
  }
};
} // namespace

std::set<std::string> freeVars(const Expr &e) {
  VarCollector c;
  c.visit(e);
  return c.names;
}

bool usesVar(const Expr &e, const std::string &name) { return freeVars(e).count(name) != 0; }

bool usesAnyVar(const Expr &e, const std::set<std::string> &names) {
  for (auto &n : freeVars(e))
    if (names.count(n)) return true;
  return false;
}

bool hasLoad(const Expr &e) {
  VarCollector c;
  c.visit(e);
  return c.loads;
}

bool sameExpr(const Expr &a, const Expr &b) {
  if (a.same(b)) return true;
  if (!a || !b) return false;
  return a.type() == b.type() && toString(a) == toString(b);
}

bool sameIndices(const std::vector<Expr> &a, const std::vector<Expr> &b) {
  if (a.size() != b.size()) return false;
  for (size_t k = 0; k < a.size(); ++k)
    if (!sameExpr(a[k], b[k])) return false;
  return true;
}

bool loadsStoredElement(const Expr &e, const Store *s) {
  auto *l = e.as<Load>();
  return l && l->buffer == s->buffer && sameIndices(l->indices, s->indices);
}

Effects effectsOf(const Stmt &s) {
  struct Scan : IRVisitor {
    using IRVisitor::visit;
    Effects e;
    int loopDepth = 0;
    void visit(const For *n) override {
      e.written.insert(n->name);
      visit(n->min), visit(n->extent);
      ++loopDepth, visit(n->body), --loopDepth;
    }
    void visit(const While *n) override {
      visit(n->cond);
      ++loopDepth, visit(n->body), --loopDepth;
    }
    void visit(const LetStmt *n) override { e.written.insert(n->name), IRVisitor::visit(n); }
    void visit(const VarDecl *n) override { e.written.insert(n->name), IRVisitor::visit(n); }
    void visit(const Assign *n) override { e.written.insert(n->name), IRVisitor::visit(n); }
    void visit(const Store *n) override { e.stored.insert(n->buffer.get()), IRVisitor::visit(n); }
    void visit(const Allocate *n) override {
      e.allocated.insert(n->buffer.get()), IRVisitor::visit(n);
    }
    void visit(const Break *n) override {
      if (loopDepth) return;
      e.ownExit = true;
      if (!e.ownBreak) e.ownBreak = n;
    }
    void visit(const Continue *) override { e.ownExit |= loopDepth == 0; }
  } scan;
  scan.visit(s);
  return scan.e;
}

bool mayTrap(const Expr &e) { return hasLoad(e); }

bool asDelinearizedPair(const Expr &d, const Expr &r, Expr &e, Expr &m) {
  auto *div = d.as<Binary>(), *mod = r.as<Binary>();
  if (!div || !mod || div->op != BinOp::FloorDiv || mod->op != BinOp::FloorMod) return false;
  if (!sameExpr(div->a, mod->a) || !sameExpr(div->b, mod->b)) return false;
  auto *bc = div->b.as<Broadcast>(); // a vector pair: lanes of a vectorized fused loop
  const int64_t *c = asConstInt(bc ? bc->value : div->b);
  if (!c || *c <= 0) return false;
  e = div->a, m = div->b;
  return true;
}

bool isReductionOp(BinOp op) {
  return op == BinOp::Add || op == BinOp::Mul || op == BinOp::Min || op == BinOp::Max;
}

Expr reductionIdentity(BinOp op, DType t) {
  const double inf = std::numeric_limits<double>::infinity();
  const bool f = t.isFloat(), u = t.isUInt();
  const int64_t top = t.bits >= 64 ? std::numeric_limits<int64_t>::max()
                                   : (int64_t(1) << (t.bits - (u ? 0 : 1))) - 1;
  switch (op) {
  case BinOp::Add: return f ? makeConstF(t, -0.0) : makeConst(t, 0);
  case BinOp::Mul: return f ? makeConstF(t, 1.0) : makeConst(t, 1);
  case BinOp::Min: return f ? makeConstF(t, inf) : makeConst(t, u && t.bits >= 64 ? -1 : top);
  case BinOp::Max: return f ? makeConstF(t, -inf) : makeConst(t, u ? 0 : -top - 1);
  default: break;
  }
  return Expr();
}

Expr reductionRest(const Expr &value, const std::function<bool(const Expr &)> &isAcc, BinOp &op) {
  auto *top = value.as<Binary>();
  if (!top || !isReductionOp(top->op)) return Expr();
  op = top->op;
  std::vector<Expr> operands;
  std::function<void(const Expr &)> flatten = [&](const Expr &e) {
    auto *b = e.as<Binary>();
    if (b && b->op == op && b->type.lanes == top->type.lanes) {
      flatten(b->a), flatten(b->b);
      return;
    }
    operands.push_back(e);
  };
  flatten(value);
  int accs = 0;
  Expr rest;
  for (auto &e : operands) {
    if (isAcc(e)) {
      ++accs;
      continue;
    }
    rest = rest ? Binary::make(op, rest, e) : e;
  }
  return accs == 1 ? rest : Expr();
}

//===--- Linear forms -----------------------------------------------------===//

void LinearForm::add(const LinearForm &o, int64_t scale) {
  constant += o.constant * scale;
  for (auto &[k, t] : o.terms) {
    auto it = terms.find(k);
    if (it == terms.end())
      terms.emplace(k, std::make_pair(t.first, t.second * scale));
    else
      it->second.second += t.second * scale;
  }
  for (auto it = terms.begin(); it != terms.end();) {
    if (it->second.second == 0)
      it = terms.erase(it);
    else
      ++it;
  }
}

int64_t LinearForm::coeffOf(const std::string &key) const {
  auto it = terms.find(key);
  return it == terms.end() ? 0 : it->second.second;
}

LinearForm linearize(const Expr &e) {
  LinearForm f;
  if (auto *i = e.as<IntImm>()) {
    f.constant = i->value;
    return f;
  }
  if (auto *c = e.as<Cast>()) {
    if (c->type.isIntegral() && c->value.type().isIntegral() && !c->type.isBool() &&
        !c->value.type().isBool())
      return linearize(c->value);
  }
  if (auto *b = e.as<Binary>(); b && b->type.isIntegral() && b->type.lanes == 1) {
    switch (b->op) {
    case BinOp::Add:
      f = linearize(b->a);
      f.add(linearize(b->b), 1);
      return f;
    case BinOp::Sub:
      f = linearize(b->a);
      f.add(linearize(b->b), -1);
      return f;
    case BinOp::Mul: {
      LinearForm x = linearize(b->a), y = linearize(b->b);
      if (y.terms.empty()) {
        f.add(x, y.constant);
        return f;
      }
      if (x.terms.empty()) {
        f.add(y, x.constant);
        return f;
      }
      break;
    }
    default: break;
    }
  }
  f.terms.emplace(toString(e), std::make_pair(e, int64_t(1)));
  return f;
}

Expr fromLinear(const LinearForm &f, DType t) {
  // Positive terms first, then the constant, then the negative terms:
  // `99 - x * 4` rather than `0 - x * 4 + 99`.
  auto scaled = [&](const Expr &atom, int64_t c) {
    Expr a = Cast::make(t, atom);
    return c == 1 ? a : Binary::make(BinOp::Mul, a, makeConst(t, c));
  };
  Expr r;
  for (auto &[k, term] : f.terms)
    if (term.second > 0)
      r = r ? Binary::make(BinOp::Add, r, scaled(term.first, term.second))
            : scaled(term.first, term.second);
  if (f.constant != 0 || !r) {
    if (!r)
      r = makeConst(t, f.constant);
    else if (f.constant > 0)
      r = Binary::make(BinOp::Add, r, makeConst(t, f.constant));
    else
      r = Binary::make(BinOp::Sub, r, makeConst(t, -f.constant));
  }
  for (auto &[k, term] : f.terms)
    if (term.second < 0) r = Binary::make(BinOp::Sub, r, scaled(term.first, -term.second));
  return r;
}

//===--- Interval bounds --------------------------------------------------===//

namespace {

std::optional<int64_t> addOpt(std::optional<int64_t> a, std::optional<int64_t> b) {
  if (!a || !b) return std::nullopt;
  return *a + *b;
}

} // namespace

Interval bounds(const Expr &e, const VarRange &range) {
  Interval r;
  if (!e) return r;
  if (auto *i = e.as<IntImm>()) {
    r.lo = r.hi = i->value;
    return r;
  }
  if (auto *v = e.as<Var>()) return range(v->name);
  if (auto *c = e.as<Cast>()) {
    if (c->type.isIntegral() && c->value.type().isIntegral()) return bounds(c->value, range);
    return r;
  }
  auto *b = e.as<Binary>();
  if (!b || !b->type.isIntegral()) return r;
  Interval x = bounds(b->a, range), y = bounds(b->b, range);
  switch (b->op) {
  case BinOp::Add:
    r.lo = addOpt(x.lo, y.lo);
    r.hi = addOpt(x.hi, y.hi);
    return r;
  case BinOp::Sub:
    if (x.lo && y.hi) r.lo = *x.lo - *y.hi;
    if (x.hi && y.lo) r.hi = *x.hi - *y.lo;
    return r;
  case BinOp::Mul: {
    // Only multiplication by a constant is bounded here.
    const Interval *v = &x;
    std::optional<int64_t> k;
    if (y.lo && y.hi && *y.lo == *y.hi)
      k = y.lo;
    else if (x.lo && x.hi && *x.lo == *x.hi)
      k = x.lo, v = &y;
    if (!k) {
      if (x.bounded() && y.bounded()) {
        int64_t c[4] = {*x.lo * *y.lo, *x.lo * *y.hi, *x.hi * *y.lo, *x.hi * *y.hi};
        r.lo = *std::min_element(c, c + 4);
        r.hi = *std::max_element(c, c + 4);
      }
      return r;
    }
    if (*k >= 0) {
      if (v->lo) r.lo = *v->lo * *k;
      if (v->hi) r.hi = *v->hi * *k;
    } else {
      if (v->hi) r.lo = *v->hi * *k;
      if (v->lo) r.hi = *v->lo * *k;
    }
    return r;
  }
  case BinOp::FloorDiv: {
    auto *d = asConstInt(b->b);
    if (!d || *d <= 0) return r;
    if (x.lo) r.lo = floorDiv(*x.lo, *d);
    if (x.hi) r.hi = floorDiv(*x.hi, *d);
    return r;
  }
  case BinOp::FloorMod: {
    auto *d = asConstInt(b->b);
    if (!d || *d <= 0) return r;
    if (x.lo && x.hi && *x.lo >= 0 && *x.hi < *d) return x;
    r.lo = 0;
    r.hi = *d - 1;
    return r;
  }
  case BinOp::Min:
    if (x.lo && y.lo) r.lo = std::min(*x.lo, *y.lo);
    if (x.hi && y.hi)
      r.hi = std::min(*x.hi, *y.hi);
    else
      r.hi = x.hi ? x.hi : y.hi;
    return r;
  case BinOp::Max:
    if (x.hi && y.hi) r.hi = std::max(*x.hi, *y.hi);
    if (x.lo && y.lo)
      r.lo = std::max(*x.lo, *y.lo);
    else
      r.lo = x.lo ? x.lo : y.lo;
    return r;
  default: return r;
  }
}

Interval loopRange(const Expr &min, const Expr &extent, const VarRange &range) {
  Interval m = bounds(min, range), e = bounds(extent, range), r;
  r.lo = m.lo;
  if (m.hi && e.hi) r.hi = *m.hi + *e.hi - 1;
  return r;
}

UseCounts countUses(const Stmt &s) {
  struct Counter : IRVisitor {
    using IRVisitor::visit;
    UseCounts c;
    void visit(const Var *n) override { ++c.varReads[n->name]; }
    void visit(const Assign *n) override {
      ++c.assigns[n->name];
      IRVisitor::visit(n);
    }
    void visit(const Load *n) override {
      ++c.bufferAccesses[n->buffer.get()];
      IRVisitor::visit(n);
    }
    void visit(const Store *n) override {
      ++c.bufferAccesses[n->buffer.get()];
      IRVisitor::visit(n);
    }
  } counter;
  counter.visit(s);
  return counter.c;
}

size_t countTopLevelLoops(const Stmt &s) {
  struct Count : IRVisitor {
    using IRVisitor::visit;
    size_t n = 0;
    void visit(const For *) override { ++n; }
    void visit(const While *) override { ++n; }
  } count;
  count.visit(s);
  return count.n;
}

} // namespace hybridc::ir::loopnest
