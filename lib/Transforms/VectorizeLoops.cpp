//===- VectorizeLoops.cpp - Vectorized loops to explicit vector IR --------===//
//
// For each Vectorized For of constant extent N (innermost first), the loop
// variable becomes Ramp(min, 1, N) and every expression that depends on it
// is widened to N lanes (scalar operands are broadcast). Scalars declared in
// the body (VarDecl, LetStmt) become vector variables. Inner serial loops
// stay loops with vector bodies (this is how a register tile looks: an
// inner k loop updating a vector of C).
//
// What is not widened — a condition that differs per lane in an `if`, a
// while/break/continue, an allocation, an inner loop whose bounds vary per
// lane, a store of a vector into one element (a reduction), an assignment
// to a variable declared outside the loop, a per-lane `c ? t : f` or
// `a and b` whose lazily evaluated side may fault (a load not provably in
// bounds) — makes the loop fall back to a
// serial loop carrying the Vectorized kind, which codegen hands to LLVM's
// loop vectorizer as a hint. With masks (vectorizeLoops' `masks`,
// docs/schedules.md "Vector tails and masks"), the per-lane `if` and the
// lazily evaluated sides are widened instead: their loads and stores carry
// the lanes that run as a predicate.
//
// Expects: unrolled and simplified loops. Guarantees: the same results; no
// Vectorized For of constant extent left but the fallbacks above.
//
//===----------------------------------------------------------------------===//
#include "hybridc/Analysis/LoopNest.h"
#include "hybridc/Analysis/Simplify.h"
#include "hybridc/IR/IRVisitor.h"
#include "hybridc/Transforms/Passes.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace hybridc::ir {
namespace {

struct NotVectorizable {};

Expr widen(const Expr &e, int lanes) {
  if (e.type().lanes == lanes) return e;
  return Broadcast::make(e, lanes);
}

/// The horizontal reduction matching a reduction operator.
bool reductionOp(BinOp op, Shuffle::Op &out) {
  switch (op) {
  case BinOp::Add: out = Shuffle::ReduceAdd; return true;
  case BinOp::Mul: out = Shuffle::ReduceMul; return true;
  case BinOp::Min: out = Shuffle::ReduceMin; return true;
  case BinOp::Max: out = Shuffle::ReduceMax; return true;
  default: return false;
  }
}

/// Widens one loop body. Throws NotVectorizable when it meets something it
/// cannot express as vector code.
///
/// Recognised reductions (the only loop-carried updates it accepts):
///   s = s op e      for a scalar `s` declared outside the loop, and
///   B[idx] = B[idx] op e   with indices that do not depend on the loop,
/// where op is + * min max, `e` does not read `s` (or `B`), and the body
/// reads `s` (or accesses `B`) nowhere else. They become
///   s = s op reduce_op(widened e)
/// so float sums are reassociated (not bit-identical to the serial loop).
class Widener : public IRMutator {
public:
  Widener(const std::string &var, Expr min, int lanes, const Stmt &body, loopnest::VarRange range,
          bool masks)
      : lanes_(lanes), var_(var), masks_(masks), uses_(loopnest::countUses(body)),
        range_(std::move(range)) {
    vectorVars_[var] = Ramp::make(min, makeConst(min.type(), 1), lanes);
  }

protected:
  using IRMutator::visit;
  int lanes_;
  std::string var_;
  bool masks_; // a per-lane `if` becomes predicated code (vectorizeLoops' `masks`)
  Expr mask_;  // inside such an `if`: the lanes that run (null: all)
  int masksMade_ = 0;
  /// The body's VarDecls (private per lane) -> the mask_ each was declared under.
  std::map<std::string, Expr> declMask_;
  /// The loads emitted so far in this iteration where the code runs for
  /// sure once it gets here (not inside a uniform `if`, an inner loop or a
  /// lazily evaluated operand that has been left): the original load and
  /// the mask it read under. A later load of the same element under a mask
  /// that implies that one reads under it instead (the element was read
  /// there already, so it cannot fault): `if a[i] > 0.0: c[i] = a[i]` reads
  /// a[i] once, unmasked.
  std::vector<std::pair<const Load *, Expr>> read_;
  /// Runs `f` with the loads it records forgotten afterwards.
  template <typename F> auto scoped(F f) {
    size_t mark = read_.size();
    auto r = f();
    read_.resize(mark);
    return r;
  }
  /// Whether mask `m` (a chain `outer and x`) implies `r` (null: all lanes).
  static bool implies(Expr m, const Expr &r) {
    if (!r) return true;
    while (m) {
      if (m.same(r)) return true;
      auto *l = m.as<Logical>();
      if (!l || !l->isAnd) break;
      m = l->a;
    }
    return false;
  }
  std::map<std::string, Expr> vectorVars_; // name -> replacement (ramp or widened var)
  loopnest::UseCounts uses_;
  loopnest::VarRange range_; // the loop variables around (and of) the vector loop

  /// Whether `e` (scalar, before widening) can be evaluated in every lane
  /// although the program evaluates it only in some: a vector `c ? t : f`
  /// or `a and b` computes both sides. Every load needs an index provably
  /// inside its buffer (`a[i + 1] if i < 15 else 0.0` reads a[16] in lane
  /// 15 otherwise); integer division cannot fault (codegen makes x / 0 = 0).
  bool speculatable(const Expr &e) const {
    struct Check : IRVisitor {
      using IRVisitor::visit;
      const loopnest::VarRange &range;
      bool ok = true;
      explicit Check(const loopnest::VarRange &r) : range(r) {}
      void visit(const Load *n) override {
        for (size_t k = 0; k < n->indices.size() && ok; ++k) {
          loopnest::Interval i = loopnest::bounds(n->indices[k], range);
          const int64_t *extent =
              k < n->buffer->shape.size() ? asConstInt(n->buffer->shape[k]) : nullptr;
          ok &= i.lo && i.hi && *i.lo >= 0 && extent && *i.hi < *extent;
        }
        IRVisitor::visit(n);
      }
    } check(range_);
    check.visit(e);
    return check.ok;
  }

  Expr visit(const Var *n, const Expr &self) override {
    auto it = vectorVars_.find(n->name);
    return it == vectorVars_.end() ? self : it->second;
  }
  Expr visit(const Cast *n, const Expr &self) override {
    Expr v = mutate(n->value);
    if (v.same(n->value)) return self;
    return Cast::make(n->type.element().withLanes(v.type().lanes), v);
  }
  Expr visit(const Binary *n, const Expr &self) override {
    Expr a = mutate(n->a), b = mutate(n->b);
    if (a.same(n->a) && b.same(n->b)) return self;
    int l = std::max(a.type().lanes, b.type().lanes);
    return Binary::make(n->op, widen(a, l), widen(b, l));
  }
  Expr visit(const Cmp *n, const Expr &self) override {
    Expr a = mutate(n->a), b = mutate(n->b);
    if (a.same(n->a) && b.same(n->b)) return self;
    int l = std::max(a.type().lanes, b.type().lanes);
    return Cmp::make(n->op, widen(a, l), widen(b, l));
  }
  /// `x` (an expression or a statement) widened as run only in the lanes
  /// where `on` holds within the current mask: its loads and stores
  /// predicated by them (with masks; else the loop is not vectorized).
  template <typename T> T mutateWhere(const T &x, const Expr &on) {
    if (!masks_) throw NotVectorizable();
    Expr outer = mask_;
    mask_ = outer ? Logical::make(true, outer, on) : on;
    T r = scoped([&] { return mutate(x); });
    mask_ = outer;
    return r;
  }
  Expr visit(const Logical *n, const Expr &self) override {
    Expr a = mutate(n->a);
    // b runs only in the lanes where a leaves the result open.
    bool lazy = a.type().lanes > 1 && !speculatable(n->b);
    Expr b = lazy ? mutateWhere(n->b, n->isAnd ? a : Not::make(a))
                  : scoped([&] { return mutate(n->b); }); // (a scalar `and` may skip b)
    if (a.same(n->a) && b.same(n->b)) return self;
    int l = std::max(a.type().lanes, b.type().lanes);
    return Logical::make(n->isAnd, widen(a, l), widen(b, l));
  }
  Expr visit(const Select *n, const Expr &self) override {
    Expr c = mutate(n->cond);
    // Each arm runs only for some lanes.
    bool lazy = c.type().lanes > 1 && (!speculatable(n->t) || !speculatable(n->f));
    Expr t = lazy ? mutateWhere(n->t, c) : scoped([&] { return mutate(n->t); });
    Expr f = lazy ? mutateWhere(n->f, Not::make(c)) : scoped([&] { return mutate(n->f); });
    if (c.same(n->cond) && t.same(n->t) && f.same(n->f)) return self;
    int l = std::max<int>({c.type().lanes, t.type().lanes, f.type().lanes});
    return Select::make(widen(c, l), widen(t, l), widen(f, l));
  }
  Expr visit(const Load *n, const Expr &self) override {
    bool changed = false;
    auto idx = IRMutator::mutate(n->indices, changed);
    // Under a mask, a load reads only the lanes that run (a scalar one only
    // when some lane runs) unless its index is in bounds in every lane, or
    // the element was read already under a mask this one implies.
    Expr pred = mask_ && !speculatable(self) ? mask_ : Expr();
    for (auto &[load, under] : read_)
      if (pred && load->buffer == n->buffer && implies(pred, under) &&
          loopnest::sameIndices(load->indices, n->indices))
        pred = under;
    read_.push_back({n, pred});
    if (pred) return Load::make(n->buffer, std::move(idx), pred);
    return changed ? Load::make(n->buffer, std::move(idx)) : self;
  }
  /// `e` where the lanes run, the reduction's identity elsewhere.
  Expr masked(BinOp op, const Expr &e) const {
    if (!mask_) return e;
    DType t = e.type();
    return Select::make(mask_, e,
                        Broadcast::make(loopnest::reductionIdentity(op, t.element()), t.lanes));
  }
  Expr visit(const Call *n, const Expr &self) override {
    bool changed = false;
    auto args = IRMutator::mutate(n->args, changed);
    if (!changed) return self;
    int l = 1;
    for (auto &a : args) l = std::max<int>(l, a.type().lanes);
    for (auto &a : args) a = widen(a, l);
    return Call::make(n->type.element().withLanes(l), n->func, std::move(args));
  }

  Stmt visit(const Store *n, const Stmt &self) override {
    bool changed = false;
    auto idx = IRMutator::mutate(n->indices, changed);
    Expr v = mutate(n->value);
    // (No early return for an unchanged store: `B[0] = B[0] + 1` does not
    // mention the loop, yet must count every lane.)
    int li = 1;
    for (auto &i : idx) li = std::max<int>(li, i.type().lanes);
    if (li == 1) {
      // B[idx] = B[idx] op e: a reduction into one element, if that is the
      // only access to B in the loop besides the load in the update. (Also
      // when e does not vary: the N updates still have to happen.)
      BinOp op = BinOp::Add;
      auto isAcc = [&](const Expr &e) {
        auto *l = e.as<Load>();
        if (!l || l->buffer != n->buffer) return false;
        for (size_t k = 0; k < idx.size(); ++k)
          if (!equal(l->indices[k], n->indices[k])) return false;
        return true;
      };
      Expr rest = loopnest::reductionRest(n->value, isAcc, op);
      if (!rest || uses_.bufferAccesses[n->buffer.get()] != 2) {
        if (v.type().lanes > 1 || uses_.bufferAccesses[n->buffer.get()] != 1)
          throw NotVectorizable();
        // The same value into the same element in every iteration (B read
        // nowhere else in the loop): once is enough (if some lane runs).
        return Store::make(n->buffer, std::move(idx), v, mask_);
      }
      Shuffle::Op r = Shuffle::ReduceAdd;
      reductionOp(op, r);
      Expr wide = masked(op, widen(mutate(rest), lanes_));
      Expr acc = Load::make(n->buffer, idx, mask_);
      return Store::make(n->buffer, std::move(idx), Binary::make(op, acc, Shuffle::reduce(r, wide)),
                         mask_);
    }
    Expr wide = widen(v, li);
    // A private local buffer in bounds: all lanes stored, the old value in
    // the lanes off (a blend LLVM keeps in registers; no other thread can
    // write there, and nothing faults).
    if (mask_ && n->buffer->kind == BufferNode::Temp && n->buffer->scope == "local" &&
        speculatable(Load::make(n->buffer, n->indices)))
      return Store::make(n->buffer, idx, Select::make(mask_, wide, Load::make(n->buffer, idx)));
    return Store::make(n->buffer, std::move(idx), wide, mask_);
  }
  Stmt visit(const VarDecl *n, const Stmt &self) override {
    // Private per lane: the variable becomes a vector.
    DType vt = n->type.withLanes(lanes_);
    auto saved = vectorVars_;
    vectorVars_[n->name] = Var::make(vt, n->name);
    declMask_[n->name] = mask_;
    Stmt body = mutate(n->body);
    vectorVars_ = saved;
    return VarDecl::make(n->name, vt, body);
  }
  Stmt visit(const Assign *n, const Stmt &self) override {
    Expr v = mutate(n->value);
    if (!declMask_.count(n->name)) {
      // s = s op e: a reduction, if the update is the only read of s (also
      // when e does not vary: the N updates still have to happen). Any other
      // assignment to an outer variable is loop-carried: not vectorized.
      BinOp op = BinOp::Add;
      auto isAcc = [&](const Expr &e) {
        auto *var = e.as<Var>();
        return var && var->name == n->name;
      };
      Expr rest = loopnest::reductionRest(n->value, isAcc, op);
      if (!rest || uses_.varReads[n->name] != 1) throw NotVectorizable(); // loop-carried scalar
      Shuffle::Op r = Shuffle::ReduceAdd;
      reductionOp(op, r);
      Expr acc = Var::make(n->value.type(), n->name);
      return Assign::make(
          n->name,
          Binary::make(op, acc, Shuffle::reduce(r, masked(op, widen(mutate(rest), lanes_)))));
    }
    Expr wide = widen(v, lanes_);
    // A lane variable declared outside the `if` keeps its value in the lanes
    // that do not run.
    if (mask_ && !declMask_.at(n->name).same(mask_))
      wide = Select::make(mask_, wide, Var::make(wide.type(), n->name));
    return Assign::make(n->name, wide);
  }
  Stmt visit(const LetStmt *n, const Stmt &self) override {
    Expr v = mutate(n->value);
    auto saved = vectorVars_;
    if (v.type().lanes > 1) vectorVars_[n->name] = Var::make(v.type(), n->name);
    Stmt body = mutate(n->body);
    vectorVars_ = saved;
    return v.same(n->value) && body.same(n->body) ? self : LetStmt::make(n->name, v, body);
  }
  /// A per-lane condition (with `masks`): both branches run, each under the
  /// lanes that take it, as
  ///   let i.mask1 = cond
  ///   then [mask: outer and i.mask1]; otherwise [mask: outer and not i.mask1]
  /// (the let holds the condition: the branches may change what it reads).
  Stmt visit(const IfThenElse *n, const Stmt &self) override {
    Expr c = mutate(n->cond);
    if (c.type().lanes == 1) { // one branch runs, for all lanes
      Stmt then = scoped([&] { return mutate(n->then); });
      Stmt other = n->otherwise ? scoped([&] { return mutate(n->otherwise); }) : Stmt();
      if (c.same(n->cond) && then.same(n->then) && other.same(n->otherwise)) return self;
      return IfThenElse::make(c, then, other);
    }
    std::string name = var_ + ".mask" + std::to_string(++masksMade_);
    Expr m = Var::make(c.type(), name);
    auto saved = vectorVars_;
    vectorVars_[name] = m;
    Stmt then = mutateWhere(n->then, m);
    Stmt other = n->otherwise ? mutateWhere(n->otherwise, Not::make(m)) : Stmt();
    vectorVars_ = saved;
    // Both branches store into the same element: one store of a blend.
    auto *st = then.as<Store>(), *so = other ? other.as<Store>() : nullptr;
    if (st && so && st->buffer == so->buffer && st->predicate && so->predicate &&
        st->value.type() == so->value.type() && st->value.type().lanes == c.type().lanes &&
        loopnest::sameIndices(st->indices, so->indices))
      return LetStmt::make(
          name, c,
          Store::make(st->buffer, st->indices, Select::make(m, st->value, so->value), mask_));
    std::vector<Stmt> parts{then};
    if (other) parts.push_back(other);
    return LetStmt::make(name, c, Block::make(parts));
  }
  Stmt visit(const For *n, const Stmt &self) override {
    Expr mn = mutate(n->min), ext = mutate(n->extent);
    if (mn.type().lanes > 1 || ext.type().lanes > 1) throw NotVectorizable();
    return scoped([&] { return IRMutator::visit(n, self); });
  }
  Stmt visit(const While *, const Stmt &) override { throw NotVectorizable(); }
  Stmt visit(const Break *, const Stmt &) override { throw NotVectorizable(); }
  Stmt visit(const Continue *, const Stmt &) override { throw NotVectorizable(); }
  Stmt visit(const Allocate *, const Stmt &) override { throw NotVectorizable(); }
  Stmt visit(const AssertStmt *n, const Stmt &self) override {
    Expr c = mutate(n->cond);
    if (c.type().lanes > 1 || mask_) throw NotVectorizable(); // (runs only if some lane does)
    return IRMutator::visit(n, self);
  }
};

class Vectorizer : public IRMutator {
public:
  explicit Vectorizer(bool masks) : masks_(masks) {}

protected:
  using IRMutator::visit;
  bool masks_;
  std::map<std::string, loopnest::Interval> ranges_; // the loops around

  Stmt visit(const For *n, const Stmt &self) override {
    loopnest::VarRange range = [this](const std::string &v) {
      auto it = ranges_.find(v);
      return it == ranges_.end() ? loopnest::Interval() : it->second;
    };
    ranges_[n->name] = loopnest::loopRange(n->min, n->extent, range);
    Stmt body = mutate(n->body); // innermost first
    Stmt out = widenLoop(n, self, body, range);
    ranges_.erase(n->name);
    return out;
  }

  /// The loop with its (already processed) body, widened when it is a
  /// vectorized loop the Widener can express.
  Stmt widenLoop(const For *n, const Stmt &self, const Stmt &body,
                 const loopnest::VarRange &range) {
    Expr extent = simplify(n->extent); // held: asConstInt points into the node
    const int64_t *ext = asConstInt(extent);
    if (n->forKind != ForKind::Vectorized || !ext || *ext < 2 || *ext > 1024)
      return body.same(n->body)
                 ? self
                 : For::make(n->name, n->min, n->extent, n->forKind, body, n->threadTag);
    try {
      Widener w(n->name, n->min, (int)*ext, body, range, masks_);
      return simplify(w.mutate(body));
    } catch (NotVectorizable &) {
      return For::make(n->name, n->min, n->extent, ForKind::Vectorized, body, n->threadTag);
    }
  }
};

} // namespace

Stmt vectorizeLoops(const Stmt &s, bool masks) { return Vectorizer(masks).mutate(s); }

} // namespace hybridc::ir
