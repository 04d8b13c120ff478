//===- UnswitchLoops.cpp - Lift loop-invariant ifs out of loops -----------===//
//
// Bottom-up: after the body of a For is processed, if it is a single
// IfThenElse whose condition mentions neither the loop variable nor any
// scalar bound or assigned inside the loop nor a buffer written inside it
// (and cannot fault when the loop may run zero times), the For is
// rewritten as  if c: For(then) else: For(else)  (the else loop omitted
// when there is no else). Repeats outward, so a guard moves above every
// loop it does not depend on.
//
// Before that, top-down: a serial loop of constant bounds whose body tests
// its own variable against a constant in a way that is decided for every
// iteration but the first (`k == 0`, `k > 0`: a reduction that starts
// from its first term instead of a separate initialisation) has that
// first iteration peeled: `body[k := min]; for k in min+1..: body` with
// the tests folded in both. The main loop is then a plain accumulation
// (a register tile, see PromoteAccumulators) and the output needs no
// zeroing pass.
//
// Expects: the checked loop nest (check-legality's output). Guarantees: the
// same results; no For whose whole body is an if on a condition invariant
// in it (and safe to hoist); the first iteration of such a reduction peeled.
//
//===----------------------------------------------------------------------===//
#include "hybridc/Analysis/LoopNest.h"
#include "hybridc/Analysis/Simplify.h"
#include "hybridc/IR/IRVisitor.h"
#include "hybridc/Transforms/Passes.h"

#include <optional>
#include <set>

namespace hybridc::ir {
namespace {

class Mentions : public IRVisitor {
public:
  std::set<std::string> vars;
  std::set<const BufferNode *> loaded;
  using IRVisitor::visit;

protected:
  void visit(const Var *n) override { vars.insert(n->name); }
  void visit(const Load *n) override {
    loaded.insert(n->buffer.get());
    IRVisitor::visit(n);
  }
};

class Unswitcher : public IRMutator {
protected:
  using IRMutator::visit;
  Stmt visit(const For *n, const Stmt &self) override {
    Stmt body = mutate(n->body);
    auto *branch = body.as<IfThenElse>();
    if (branch && n->forKind != ForKind::Vectorized) {
      Mentions m;
      m.visit(branch->cond);
      loopnest::Effects b = loopnest::effectsOf(body);
      b.written.insert(n->name);
      bool invariant = !b.ownExit;
      for (auto &v : m.vars) invariant &= !b.written.count(v);
      for (auto *buf : m.loaded) invariant &= !b.stored.count(buf);
      // Hoisted, the condition is evaluated even when the loop runs zero
      // times: only if that cannot fault (a load).
      if (loopnest::mayTrap(branch->cond) && loopnest::mayBeEmpty(n->extent)) invariant = false;
      if (invariant) {
        Stmt t = For::make(n->name, n->min, n->extent, n->forKind, branch->then, n->threadTag);
        Stmt e = branch->otherwise ? For::make(n->name, n->min, n->extent, n->forKind,
                                               branch->otherwise, n->threadTag)
                                   : Stmt();
        return IfThenElse::make(branch->cond, t, e);
      }
    }
    return body.same(n->body)
               ? self
               : For::make(n->name, n->min, n->extent, n->forKind, body, n->threadTag);
  }
};

/// The value of `var OP c` (or `c OP var`) for every var in [lo, hi], if
/// it is the same for all of them.
std::optional<bool> decide(const Cmp *n, const std::string &var, int64_t lo, int64_t hi) {
  auto *va = n->a.as<Var>(), *vb = n->b.as<Var>();
  const int64_t *ca = asConstInt(n->a), *cb = asConstInt(n->b);
  CmpOp op = n->op;
  int64_t c;
  if (va && va->name == var && cb) {
    c = *cb;
  } else if (vb && vb->name == var && ca) {
    c = *ca;
    switch (op) { // c OP var  ==  var OP' c
    case CmpOp::LT: op = CmpOp::GT; break;
    case CmpOp::LE: op = CmpOp::GE; break;
    case CmpOp::GT: op = CmpOp::LT; break;
    case CmpOp::GE: op = CmpOp::LE; break;
    default: break;
    }
  } else {
    return std::nullopt;
  }
  auto at = [&](int64_t v) {
    switch (op) {
    case CmpOp::EQ: return v == c;
    case CmpOp::NE: return v != c;
    case CmpOp::LT: return v < c;
    case CmpOp::LE: return v <= c;
    case CmpOp::GT: return v > c;
    case CmpOp::GE: return v >= c;
    }
    return false;
  };
  // An order comparison with a constant changes value at most once over a
  // range; (in)equality is decided when c is outside it.
  bool first = at(lo);
  if (first != at(hi)) return std::nullopt;
  if ((op == CmpOp::EQ || op == CmpOp::NE) && c >= lo && c <= hi) return std::nullopt;
  return first;
}

/// Replaces each comparison of `var` with a constant that is decided over
/// [lo, hi] by its value; counts the replacements.
class FoldTests : public IRMutator {
public:
  FoldTests(std::string var, int64_t lo, int64_t hi) : var_(std::move(var)), lo_(lo), hi_(hi) {}
  int folded = 0;

protected:
  using IRMutator::visit;
  Expr visit(const Cmp *n, const Expr &self) override {
    if (n->type.lanes == 1)
      if (auto v = decide(n, var_, lo_, hi_)) {
        ++folded;
        return makeConst(n->type, *v);
      }
    return IRMutator::visit(n, self);
  }

private:
  std::string var_;
  int64_t lo_, hi_;
};

/// Peels the first iteration of serial loops that test it (see the file
/// comment), outermost first, so that nested tests (`c == 0 and ry == 0`)
/// peel again only inside the peeled copy.
class FirstIterationPeeler : public IRMutator {
protected:
  using IRMutator::visit;
  Stmt visit(const For *n, const Stmt &self) override {
    const int64_t *mn = asConstInt(n->min), *ext = asConstInt(n->extent);
    // A break/continue of the loop itself cannot be peeled: in the copy of
    // the first iteration it would leave the enclosing loop instead.
    if (n->forKind == ForKind::Serial && mn && ext && *ext >= 2 &&
        !loopnest::effectsOf(n->body).ownExit) {
      FoldTests rest(n->name, *mn + 1, *mn + *ext - 1), whole(n->name, *mn, *mn + *ext - 1);
      Stmt mainBody = rest.mutate(n->body);
      whole.mutate(n->body);
      if (rest.folded > whole.folded) {
        Stmt first = simplify(substitute(n->body, n->name, makeConst(n->min.type(), *mn)));
        Stmt loop = withLoc(For::make(n->name, makeConst(n->min.type(), *mn + 1),
                                      makeConst(n->extent.type(), *ext - 1), n->forKind,
                                      simplify(mainBody), n->threadTag),
                            n->loc);
        return Block::make({mutate(first), mutate(loop)});
      }
    }
    return IRMutator::visit(n, self);
  }
};

} // namespace

Stmt unswitchLoops(const Stmt &s) { return Unswitcher().mutate(FirstIterationPeeler().mutate(s)); }

} // namespace hybridc::ir
