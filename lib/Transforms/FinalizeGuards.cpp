//===- FinalizeGuards.cpp - Tail guards of imperfect splits into loop bounds ===//
//
// The finalize-guards pass (Passes.h), run right after apply-schedule. An
// imperfect split leaves `if likely(outer*f + inner < extent)` sunk to the
// bottom of its perfect nest (ApplySchedule.cpp). Here each such guard is
// hoisted right under the innermost loop it depends on and then removed:
// a serial or parallel loop's extent is clipped (`for x.inner in
// 0..min(4, n - x.outer * 4)`); a vectorized or unrolled loop (constant
// extent) becomes `if likely(the whole loop is in range): <the loop,
// unguarded> else: <a serial, clipped copy>`, so the main body stays vector
// code and only the last outer iteration runs the scalar tail; a loop of
// constant range whose body tests "the whole vector in range" is peeled
// where the test turns false, and the peeled tail, now of constant extent,
// keeps the vector (unrolled) kind: 56 columns by 16 lanes end with one
// 8-lane vector. Guards whose condition is not linear in the
// loop (a fused loop's // and %) and guards under bound loops stay as they
// are. Finally integer sums are left-associated (`j.outer * 16 +
// j.inner.outer * 4 + j.inner.inner`).
//
// Expects: apply-schedule's output. Guarantees: the same results; every
// remaining `likely` guard is one that the list above leaves.
//
// The vector-tails pass (after check-legality) is here too: a symbolic
// vector tail becomes one masked vector or vectors of 2^k lanes
// (VectorTails), then a serial loop around a guard with an invariant bound
// is peeled where the guard turns false (SymbolicPeeler).
//
//===----------------------------------------------------------------------===//
#include "hybridc/Analysis/LoopNest.h"
#include "hybridc/Analysis/Simplify.h"
#include "hybridc/IR/IRVisitor.h"
#include "hybridc/Transforms/Passes.h"

#include <algorithm>
#include <optional>

namespace hybridc::ir {

using namespace loopnest;

namespace {

//===--- Tail guards: hoisting and removal --------------------------------===//

/// Moves each tail guard up to just under the innermost loop it depends on.
class GuardHoister : public IRMutator {
protected:
  using IRMutator::visit;
  Stmt visit(const For *n, const Stmt &self) override {
    Stmt body = mutate(n->body);
    std::vector<Expr> keep, lift;
    Stmt inner = body;
    while (auto *g = asGuard(inner)) {
      (usesVar(g->cond, n->name) ? keep : lift).push_back(g->cond);
      inner = g->then;
    }
    if (lift.empty()) return body.same(n->body) ? self : rebuildFor(n, body);
    for (auto it = keep.rbegin(); it != keep.rend(); ++it)
      inner = withLoc(IfThenElse::make(*it, inner), inner->loc);
    Stmt r = rebuildFor(n, inner);
    for (auto it = lift.rbegin(); it != lift.rend(); ++it)
      r = withLoc(IfThenElse::make(*it, r), n->loc);
    return r;
  }
};

/// A mutator that knows the constant range of each enclosing loop's
/// variable (push in visit(For) before the body, pop after).
class LoopRanges : public IRMutator {
protected:
  std::vector<std::pair<std::string, Interval>> ranges_;

  Interval rangeOf(const std::string &name) const {
    for (auto it = ranges_.rbegin(); it != ranges_.rend(); ++it)
      if (it->first == name) return it->second;
    return {};
  }
  void enter(const For *n) {
    ranges_.push_back(
        {n->name, loopRange(n->min, n->extent, [&](const std::string &v) { return rangeOf(v); })});
  }
};

/// Removes the tail guards that sit right under the loop they bound (see the
/// file comment).
class GuardEliminator : public LoopRanges {
protected:
  using IRMutator::visit;

  struct Bound {
    Expr end;       // the loop variable must stay below this
    Expr fullCond;  // the guard holds for the loop's whole range
    Interval slack; // bounds of (B - 1 - R - coef*max): >= 0 means always true
  };

  /// The guard `likely(E < B)` as a bound on loop `n`'s variable, when E is
  /// `coef * var + R` with a constant coef > 0 and neither R nor B uses var.
  std::optional<Bound> analyze(const Expr &guardCond, const For *n) {
    auto *call = guardCond.as<Call>();
    auto *cmp = call && call->args.size() == 1 ? call->args[0].as<Cmp>() : nullptr;
    if (!cmp || cmp->op != CmpOp::LT) return std::nullopt;
    DType t = cmp->a.type();
    if (!t.isIntegral() || t.lanes != 1 || usesVar(cmp->b, n->name)) return std::nullopt;
    LinearForm lf = linearize(cmp->a);
    int64_t coef = lf.coeffOf(n->name);
    if (coef <= 0) return std::nullopt;
    lf.terms.erase(n->name);
    for (auto &[k, term] : lf.terms)
      if (usesVar(term.first, n->name)) return std::nullopt;
    // end = floor((B - R - 1) / coef) + 1 = (B - R - 1 + coef) // coef.
    LinearForm num = linearize(cmp->b);
    num.add(lf, -1);
    Bound b;
    if (coef == 1) {
      b.end = fromLinear(num, t);
    } else {
      num.constant += coef - 1;
      b.end = Binary::make(BinOp::FloorDiv, fromLinear(num, t), makeConst(t, coef));
    }
    b.end = simplify(b.end);
    // Full range: R + coef * (min + extent - 1) < B.
    Expr maxVar = simplify(n->min + n->extent - makeConst(t, 1));
    Expr lhs = simplify(fromLinear(lf, t) + makeConst(t, coef) * maxVar);
    b.fullCond = simplify(Cmp::make(CmpOp::LT, lhs, cmp->b));
    LinearForm slack = linearize(cmp->b);
    slack.constant -= 1;
    slack.add(linearize(lhs), -1);
    b.slack = bounds(fromLinear(slack, t), [&](const std::string &v) { return rangeOf(v); });
    return b;
  }

  Stmt visit(const For *n, const Stmt &self) override {
    enter(n);
    Stmt body = mutate(n->body);
    ranges_.pop_back();

    std::vector<Expr> kept;
    std::vector<Bound> found;
    Stmt inner = body;
    bool any = false;
    while (auto *g = asGuard(inner)) {
      any = true;
      std::optional<Bound> b;
      if (n->forKind != ForKind::ThreadBinding && usesVar(g->cond, n->name))
        b = analyze(g->cond, n);
      if (b && b->slack.lo && *b->slack.lo >= 0) {
        // Always true over the loop's range: drop it.
      } else if (b) {
        found.push_back(*b);
      } else {
        kept.push_back(g->cond);
      }
      inner = g->then;
    }
    if (!any) return body.same(n->body) ? self : rebuildFor(n, body);
    for (auto it = kept.rbegin(); it != kept.rend(); ++it)
      inner = withLoc(IfThenElse::make(*it, inner), inner->loc);
    if (found.empty()) return rebuildFor(n, inner);

    DType t = n->extent.type();
    Expr clipped = n->extent;
    for (auto &b : found) clipped = Binary::make(BinOp::Min, clipped, simplify(b.end - n->min));
    clipped = simplify(clipped);
    if (n->forKind != ForKind::Vectorized && n->forKind != ForKind::Unrolled)
      return rebuildFor(n, n->min, clipped, n->forKind, inner);

    // Constant-extent kinds: the whole loop when it is in range, else a
    // serial clipped copy.
    Expr cond;
    bool alwaysFalse = false;
    for (auto &b : found) {
      if (b.slack.hi && *b.slack.hi < 0) alwaysFalse = true;
      cond = cond ? Logical::make(true, cond, b.fullCond) : b.fullCond;
    }
    Stmt tail = rebuildFor(n, n->min, clipped, ForKind::Serial, inner);
    if (alwaysFalse) return tail;
    Stmt full = rebuildFor(n, n->min, n->extent, n->forKind, inner);
    (void)t;
    return withLoc(IfThenElse::make(makeGuardCond(cond), full, tail), n->loc);
  }
};

/// A tail guard `if likely(a < b) ... else ...` over scalar integers: its
/// a - b as a linear form `d` and the comparison's type `t`.
bool tailGuardForm(const IfThenElse *n, LinearForm &d, DType &t) {
  auto *call = n->cond.as<Call>();
  auto *cmp = call && call->func == Intrinsic::Likely && call->args.size() == 1
                  ? call->args[0].as<Cmp>()
                  : nullptr;
  if (!n->otherwise || !cmp || cmp->op != CmpOp::LT || !cmp->a.type().isIntegral() ||
      cmp->a.type().lanes != 1)
    return false;
  d = linearize(cmp->a);
  d.add(linearize(cmp->b), -1);
  t = cmp->a.type();
  return true;
}

/// Finds the first `if likely(c) ... else ...` in a body whose condition is
/// `k * var + c0 < 0` up to constants (k > 0), i.e. true exactly for
/// var < ceil(-c0 / k): `end`. Given the loop's effects `fx`, c0 may also be
/// symbolic if it is invariant in the loop (no load, no variable the loop
/// writes or binds): `endExpr` = (k - 1 - c0) // k.
class PeelableIf : public IRVisitor {
public:
  using IRVisitor::visit;
  explicit PeelableIf(const std::string &var, const Effects *fx = nullptr) : var_(var), fx_(fx) {}
  const IfThenElse *found = nullptr;
  int64_t end = 0; // the condition holds for var < end (constant c0)
  Expr endExpr;    // ... or for var < endExpr (with fx)

protected:
  std::string var_;
  const Effects *fx_;
  void visit(const IfThenElse *n) override {
    if (found) return;
    LinearForm d;
    DType t;
    int64_t k = tailGuardForm(n, d, t) ? d.coeffOf(var_) : 0;
    if (k > 0 && !fx_ && d.terms.size() == 1) {
      // k * var + c0 < 0  <=>  var < ceil(-c0 / k).
      int64_t num = -d.constant;
      end = num >= 0 ? (num + k - 1) / k : -((-num) / k);
      found = n;
      return;
    }
    if (k > 0 && fx_) {
      LinearForm rest = d;
      rest.terms.erase(var_);
      Expr r = fromLinear(rest, t);
      bool invariant = !hasLoad(r);
      for (const std::string &v : freeVars(r)) invariant &= !fx_->written.count(v);
      if (invariant) {
        LinearForm num; // -c0 + k - 1
        num.add(rest, -1);
        num.constant += k - 1;
        endExpr = Binary::make(BinOp::FloorDiv, fromLinear(num, t), makeConst(t, k));
        found = n;
        return;
      }
    }
    IRVisitor::visit(n);
  }
};

/// Replaces one IfThenElse node (by identity) with one of its branches.
class FoldIf : public IRMutator {
public:
  FoldIf(const IfThenElse *target, bool value) : target_(target), value_(value) {}

protected:
  using IRMutator::visit;
  Stmt visit(const IfThenElse *n, const Stmt &self) override {
    if (n == target_) return value_ ? n->then : n->otherwise;
    return IRMutator::visit(n, self);
  }

private:
  const IfThenElse *target_;
  bool value_;
};

/// Gives serial loops named `name` of constant extent (2 or more) `kind`.
class KeepKind : public IRMutator {
public:
  KeepKind(std::string name, ForKind kind) : name_(std::move(name)), kind_(kind) {}

protected:
  using IRMutator::visit;
  std::string name_;
  ForKind kind_;
  Stmt visit(const For *n, const Stmt &self) override {
    const int64_t *ext = asConstInt(n->extent);
    if (n->name == name_ && n->forKind == ForKind::Serial && ext && *ext >= 2)
      return rebuildFor(n, n->min, n->extent, kind_, n->body);
    return IRMutator::visit(n, self);
  }
};

/// Peels a loop of constant range at the point where the "whole vector in
/// range" test of a tail (see GuardEliminator) turns false: the main loop
/// runs the vector code with no test, the rest (usually one iteration,
/// substituted) runs the serial tail.
class TailPeeler : public IRMutator {
protected:
  using IRMutator::visit;
  Stmt visit(const For *n, const Stmt &self) override {
    const int64_t *mn = asConstInt(n->min), *ext = asConstInt(n->extent);
    bool kindOk = n->forKind == ForKind::Serial || n->forKind == ForKind::Parallel ||
                  n->forKind == ForKind::Unrolled;
    if (!mn || !ext || !kindOk) return IRMutator::visit(n, self);
    PeelableIf finder(n->name);
    finder.visit(n->body);
    if (!finder.found) return IRMutator::visit(n, self);
    int64_t lo = *mn, hi = *mn + *ext, e = std::min(std::max(finder.end, lo), hi);
    DType t = n->extent.type();
    auto part = [&](int64_t from, int64_t to, bool value) -> Stmt {
      Stmt body = FoldIf(finder.found, value).mutate(n->body);
      if (to - from == 1) {
        Stmt one = simplify(substitute(body, n->name, makeConst(t, from)));
        // The tail of a vector (unrolled) loop whose extent is now a
        // constant keeps that kind: an 8-lane vector tail of a 16-lane loop.
        auto *full = finder.found->then.as<For>(), *part = finder.found->otherwise.as<For>();
        if (!value && full && part) one = KeepKind(part->name, full->forKind).mutate(one);
        return mutate(one);
      }
      return mutate(rebuildFor(n, makeConst(t, from), makeConst(t, to - from), n->forKind, body));
    };
    std::vector<Stmt> parts;
    if (e > lo) parts.push_back(part(lo, e, true));
    if (hi > e) parts.push_back(part(e, hi, false));
    return Block::make(parts);
  }
};

/// The tail of a vectorized loop that stays symbolic (`else` of its "whole
/// vector in range" guard: a serial copy of at most F iterations, e.g.
/// `for i.inner in 0..min(16, n - i.outer * 16)`) runs as vectors too: its
/// count r (0 <= r <= F, and r < F where the guard's failure says so, see
/// countBound) is split into its binary digits, and the chunk of 2^k
/// iterations after the higher digits runs when digit k is set:
///
///   let i.inner.rem = max(min(16, n - i.outer * 16), 0)
///   if i.inner.rem >= 8:      for i.inner in 0..8 vectorized: body[i.inner]
///   if i.inner.rem % 8 >= 4:  for i.inner in 0..4 vectorized: body[rem // 8 * 8 + i.inner]
///   ... 2 lanes ...
///   if i.inner.rem % 2 >= 1:  body[rem // 2 * 2]
///
/// The iterations run in their order, each once; a vectorized loop's
/// iterations are independent (check-legality has checked the loop, so
/// this runs after it: the chunks' offsets read the count, which the index
/// analysis would not follow).
class VectorTails : public IRMutator {
public:
  explicit VectorTails(bool masks) : masks_(masks) {}

protected:
  using IRMutator::visit;
  bool masks_;
  /// The most iterations the tail `for .. in 0..extent` can have where its
  /// guard `likely(a < b)` fails (INT64_MAX when unknown): with extent
  /// `min(F, x)` and x - (b - a) a constant D, b - a <= 0 gives x <= D.
  /// The "whole vector in range" guard `base + F - 1 < n` over the tail
  /// `min(F, n - base)` gives D = F - 1, so the tail never runs F lanes.
  static int64_t countBound(const IfThenElse *guard, const Expr &extent) {
    LinearForm d; // a - b
    DType t;
    auto *mn = extent.as<Binary>();
    if (!tailGuardForm(guard, d, t) || !mn || mn->op != BinOp::Min) return INT64_MAX;
    int64_t most = INT64_MAX;
    for (const Expr &x : {mn->a, mn->b}) {
      LinearForm D = linearize(x);
      D.add(d, 1);
      if (D.terms.empty()) most = std::min(most, D.constant);
    }
    return most;
  }
  Stmt visit(const IfThenElse *n, const Stmt &self) override {
    Stmt then = mutate(n->then), other = n->otherwise ? mutate(n->otherwise) : Stmt();
    auto *cond = n->cond.as<Call>();
    auto *full = then.as<For>(), *tail = other ? other.as<For>() : nullptr;
    const int64_t *width = full ? asConstInt(full->extent) : nullptr;
    if (!cond || cond->func != Intrinsic::Likely || !full || !tail || !width || *width < 2 ||
        full->forKind != ForKind::Vectorized || tail->forKind != ForKind::Serial ||
        tail->name != full->name || asConstInt(tail->extent) || *width > 1024)
      return then.same(n->then) && other.same(n->otherwise)
                 ? self
                 : withLoc(IfThenElse::make(n->cond, then, other), n->loc);
    DType t = tail->extent.type();
    std::string remName = tail->name + ".rem";
    Expr rem = Var::make(t, remName);
    int64_t most = std::min(*width, countBound(n, tail->extent));
    Expr count = Binary::make(BinOp::Max, tail->extent, makeConst(t, 0));
    if (masks_ && most >= 2) {
      // One vector of the loop's width, the lanes past the count off.
      Expr i = Var::make(t, tail->name);
      Stmt body = substitute(tail->body, tail->name, simplify(tail->min + i));
      Stmt on = withLoc(IfThenElse::make(Cmp::make(CmpOp::LT, i, rem), body), tail->loc);
      Stmt loop = withLoc(
          For::make(tail->name, makeConst(t, 0), makeConst(t, *width), ForKind::Vectorized, on),
          tail->loc);
      Stmt masked = withLoc(LetStmt::make(remName, simplify(count), loop), tail->loc);
      return withLoc(IfThenElse::make(n->cond, then, masked), n->loc);
    }
    int bits = 0;
    while ((int64_t(1) << bits) <= most) ++bits;
    std::vector<Stmt> chunks;
    for (int k = bits - 1; k >= 0; --k) {
      int64_t c = int64_t(1) << k;
      bool top = 2 * c > most; // rem <= most < 2c: no higher digits
      Expr offset =
          top ? makeConst(t, 0)
              : Binary::make(BinOp::FloorDiv, rem, makeConst(t, 2 * c)) * makeConst(t, 2 * c);
      Expr has =
          Cmp::make(CmpOp::GE, top ? rem : Binary::make(BinOp::FloorMod, rem, makeConst(t, 2 * c)),
                    makeConst(t, c));
      Expr first = simplify(tail->min + offset);
      Stmt chunk;
      if (c == 1) {
        chunk = substitute(tail->body, tail->name, first);
      } else {
        Stmt body = substitute(tail->body, tail->name, first + Var::make(t, tail->name));
        chunk = withLoc(
            For::make(tail->name, makeConst(t, 0), makeConst(t, c), ForKind::Vectorized, body),
            tail->loc);
      }
      chunks.push_back(withLoc(IfThenElse::make(has, chunk), tail->loc));
    }
    Stmt split = withLoc(LetStmt::make(remName, simplify(count), Block::make(chunks)), tail->loc);
    return withLoc(IfThenElse::make(n->cond, then, split), n->loc);
  }
};

/// Peels a serial loop whose tail guard stays symbolic (`if likely(x.outer
/// * 16 + 15 < n)` around a vector loop, its tail in the else) at the point
/// where the guard turns false: `for x.outer in 0..n // 16` runs the whole
/// vectors with no test, `for x.outer in n // 16..(n + 15) // 16` (at most
/// one iteration) the tail. What TailPeeler does for constant bounds; runs
/// after VectorTails, so the tail is already vector code. Parallel loops
/// keep the guard (one parallel region, not two).
class SymbolicPeeler : public IRMutator {
protected:
  using IRMutator::visit;
  /// a <= b for a = A // k and b = B // k where B - A is a constant >= 0
  /// (n // 16 and the loop's end (n + 15) // 16).
  static bool atMost(const Expr &a, const Expr &b) {
    auto *x = a.as<Binary>(), *y = b.as<Binary>();
    if (!x || !y || x->op != BinOp::FloorDiv || y->op != BinOp::FloorDiv) return false;
    const int64_t *kx = asConstInt(x->b), *ky = asConstInt(y->b);
    if (!kx || !ky || *kx != *ky || *kx <= 0) return false;
    LinearForm d = linearize(y->a);
    d.add(linearize(x->a), -1);
    return d.terms.empty() && d.constant >= 0;
  }
  Stmt visit(const For *n, const Stmt &self) override {
    if (n->forKind != ForKind::Serial) return IRMutator::visit(n, self);
    Effects fx = effectsOf(n->body);
    if (fx.ownExit)
      return IRMutator::visit(n, self); // a break out of the first part would run the rest
    fx.written.insert(n->name);
    PeelableIf finder(n->name, &fx);
    finder.visit(n->body);
    if (!finder.found || finder.endExpr.type() != n->extent.type() ||
        n->min.type() != n->extent.type())
      return IRMutator::visit(n, self);
    Expr lo = n->min, hi = simplify(n->min + n->extent);
    Expr e = finder.endExpr;
    if (!atMost(e, hi)) e = Binary::make(BinOp::Min, e, hi);
    e = simplify(Binary::make(BinOp::Max, e, lo));
    Stmt main = FoldIf(finder.found, true).mutate(n->body);
    Stmt tail = FoldIf(finder.found, false).mutate(n->body);
    return Block::make({mutate(rebuildFor(n, lo, simplify(e - lo), n->forKind, main)),
                        mutate(rebuildFor(n, e, simplify(hi - e), n->forKind, tail))});
  }
};

/// Drops the parts of plain `if` conditions (not tail guards) that the
/// ranges of the loops around decide: a staged copy's edge test
/// `x.outer * 8 + t.d1 < 28` is always true once the partial last tile has
/// been peeled off (x.outer in 0..3), and goes; `y.outer * 4 + t.d0 < 23`
/// stays where it can fail.
class RangeFold : public LoopRanges {
protected:
  using IRMutator::visit;
  /// true / false when the ranges decide `c`, else null.
  /// a - b of a scalar integer comparison, as a linear form.
  static LinearForm difference(const Cmp *cmp) {
    LinearForm f = linearize(cmp->a);
    f.add(linearize(cmp->b), -1);
    return f;
  }
  static bool scalarIntegral(const Cmp *cmp) {
    return cmp && cmp->a.type().isIntegral() && cmp->a.type().lanes == 1;
  }
  std::optional<bool> decide(const Expr &c) const {
    auto *cmp = c.as<Cmp>();
    if (!scalarIntegral(cmp)) return std::nullopt;
    DType t = cmp->a.type();
    LinearForm f = difference(cmp);
    Interval d =
        bounds(simplify(fromLinear(f, t)), [&](const std::string &v) { return rangeOf(v); });
    switch (cmp->op) {
    case CmpOp::LT:
      if (d.hi && *d.hi < 0) return true;
      if (d.lo && *d.lo >= 0) return false;
      break;
    case CmpOp::LE:
      if (d.hi && *d.hi <= 0) return true;
      if (d.lo && *d.lo > 0) return false;
      break;
    case CmpOp::GT:
      if (d.lo && *d.lo > 0) return true;
      if (d.hi && *d.hi <= 0) return false;
      break;
    case CmpOp::GE:
      if (d.lo && *d.lo >= 0) return true;
      if (d.hi && *d.hi < 0) return false;
      break;
    default: break;
    }
    return std::nullopt;
  }
  /// `c1 * v1 + c2 * v2 + ... == 0` with coefficients of one sign over loop
  /// variables that cannot be negative, as `v1 == 0 and v2 == 0 ...` (a sum
  /// of non-negative terms is zero only when each is): a reduction's first
  /// iteration `ko * 128 + ki == 0` after a split, which unswitch-loops can
  /// then peel loop by loop. Null when `c` is not such a test.
  Expr splitZeroTest(const Expr &c) const {
    auto *cmp = c.as<Cmp>();
    if (!scalarIntegral(cmp) || cmp->op != CmpOp::EQ) return Expr();
    LinearForm f = difference(cmp);
    if (f.constant != 0 || f.terms.size() < 2) return Expr();
    int sign = 0;
    Expr out;
    for (auto &[key, term] : f.terms) {
      auto *v = term.first.as<Var>();
      int s = term.second > 0 ? 1 : -1;
      Interval r = v ? rangeOf(v->name) : Interval();
      if (!v || (sign && s != sign) || !r.lo || *r.lo < 0) return Expr();
      sign = s;
      Expr eq = Cmp::make(CmpOp::EQ, term.first, makeConst(term.first.type(), 0));
      out = out ? Logical::make(true, out, eq) : eq;
    }
    return out;
  }
  /// `c` without the conjuncts that always hold; false when one never does.
  Expr fold(const Expr &c) const {
    if (auto *l = c.as<Logical>(); l && l->isAnd) {
      Expr a = fold(l->a), b = fold(l->b);
      if (isConstBool(a, false) || isConstBool(b, false)) return makeBool(false);
      if (isConstBool(a, true)) return b;
      if (isConstBool(b, true)) return a;
      return a.same(l->a) && b.same(l->b) ? c : Logical::make(true, a, b);
    }
    if (std::optional<bool> v = decide(c)) return makeBool(*v);
    if (Expr split = splitZeroTest(c)) return split;
    return c;
  }
  static Expr makeBool(bool v) { return IntImm::make(DType::boolean(), v ? 1 : 0); }
  static bool isConstBool(const Expr &e, bool v) {
    auto *i = e.as<IntImm>();
    return i && e.type().isBool() && (i->value != 0) == v;
  }

  Stmt visit(const For *n, const Stmt &self) override {
    enter(n);
    Stmt body = mutate(n->body);
    ranges_.pop_back();
    return body.same(n->body) ? self : rebuildFor(n, body);
  }
  Stmt visit(const IfThenElse *n, const Stmt &self) override {
    if (asGuard(self)) return IRMutator::visit(n, self);
    Expr c = fold(n->cond);
    if (isConstBool(c, true)) return mutate(n->then);
    if (isConstBool(c, false)) return n->otherwise ? mutate(n->otherwise) : Block::make({});
    Stmt then = mutate(n->then), other = n->otherwise ? mutate(n->otherwise) : Stmt();
    if (c.same(n->cond) && then.same(n->then) && other.same(n->otherwise)) return self;
    return withLoc(IfThenElse::make(c, then, other), n->loc);
  }
};

/// Left-associates integer sums, so that a split of a split reads
/// `j.outer * 16 + j.inner.outer * 4 + j.inner.inner` (exact: integer
/// addition is associative, also when it wraps).
class Reassociate : public IRMutator {
protected:
  using IRMutator::visit;
  static Expr addLeft(const Expr &a, const Expr &b) {
    auto *bb = b.as<Binary>();
    if (bb && (bb->op == BinOp::Add || bb->op == BinOp::Sub))
      return Binary::make(bb->op, addLeft(a, bb->a), bb->b);
    return Binary::make(BinOp::Add, a, b);
  }
  Expr visit(const Binary *n, const Expr &self) override {
    Expr a = mutate(n->a), b = mutate(n->b);
    if (n->op == BinOp::Add && n->type.isIntegral() && n->type.lanes == 1) {
      auto *bb = b.as<Binary>();
      if (bb && (bb->op == BinOp::Add || bb->op == BinOp::Sub)) return addLeft(a, b);
    }
    return a.same(n->a) && b.same(n->b) ? self : Binary::make(n->op, a, b);
  }
};

} // namespace

Stmt finalizeGuards(const Stmt &s) {
  Stmt r = GuardHoister().mutate(s);
  r = GuardEliminator().mutate(r);
  r = TailPeeler().mutate(simplify(r));
  return Reassociate().mutate(simplify(r));
}

Stmt splitVectorTails(const Stmt &s, bool masks) {
  Stmt r = RangeFold().mutate(s);
  r = SymbolicPeeler().mutate(simplify(VectorTails(masks).mutate(r)));
  return Reassociate().mutate(simplify(r));
}

} // namespace hybridc::ir
