//===- FoldInit.cpp - An initialisation nest folded into its reduction ----===//
//
// The plain way to write a reduction into a buffer is two nests:
//
//   for i, j:        C[i, j] = 0.0                      (the init nest)
//   for i, k, j:     C[i, j] += A[i, k] * B[k, j]       (the update nest)
//
// The init nest is a whole pass over C that only stores a constant. The
// fold-init pass makes the first update of each element store `v op e`
// instead (v the initial value), and empties the init nest:
//
//   for i, j:        "initialisation folded into the next nest"
//   for i, k, j:     if k == 0: C[i, j] = 0.0 + A[i, k] * B[k, j]
//                    else:      C[i, j] += A[i, k] * B[k, j]
//
// unswitch-loops then peels that first iteration off the scheduled loops
// (a register tile starts from its first product), and final-simplify drops
// the empty nest. The result is bit for bit the same: the first update
// computes `v op e` from the same operands (C's load replaced by v).
//
// When: the init nest is a perfect nest whose body is one store C[u1, ...,
// un] = v, each index one of its loops (all of them, once), v a load-free
// value the update nest does not change; the update nest comes right after
// it in the same block, is a perfect nest whose innermost body accesses C
// only in updates C[w1, ..., wn] = C[w1, ..., wn] op e (one index tuple, one
// op of + * min max, e not reading C), each w_d a loop of the update nest
// with the same bounds as u_d's loop; the other loops (the reduction loops)
// have constant bounds and run at least once, no loop's bounds use another,
// the reduction loops are serial or unrolled and nothing leaves a loop
// early. Then every element's first update in execution order (in any loop
// order, also after a reorder) is the one with every reduction loop at its
// minimum, so it is the one that now starts from v.
//
// Expects: the simplified loop nest as written, before apply-schedule (the
// emptied init nest keeps its loops, so the schedule's loop names and
// numbers stay those of the source). Guarantees: the same results.
//
//===----------------------------------------------------------------------===//
#include "hybridc/Analysis/LoopNest.h"
#include "hybridc/Analysis/Simplify.h"
#include "hybridc/IR/IRVisitor.h"
#include "hybridc/Transforms/Passes.h"

namespace hybridc::ir {
namespace {

using namespace loopnest;

/// What the emptied init nest holds (dropped by simplify).
const char *const kFolded = "initialisation folded into the next nest";

/// A perfect nest: its loops, outermost first, and the innermost body.
struct Nest {
  std::vector<const For *> loops;
  Stmt body;
};

Nest perfectNest(const Stmt &s) {
  Nest n;
  Stmt cur = s;
  while (auto *f = cur.as<For>()) {
    n.loops.push_back(f);
    cur = f->body;
  }
  n.body = cur;
  return n;
}

/// Whether no loop's bounds use a loop of the nest or read memory, and none
/// leaves early.
bool rectangular(const Nest &n) {
  std::set<std::string> names;
  for (auto *f : n.loops) names.insert(f->name);
  for (auto *f : n.loops)
    if (usesAnyVar(f->min, names) || usesAnyVar(f->extent, names) || hasLoad(f->min) ||
        hasLoad(f->extent) || // (a bound read from C would see it unset)
        f->forKind == ForKind::ThreadBinding || effectsOf(f->body).ownExit)
      return false;
  return true;
}

/// The loop each index names (null if an index is not a distinct loop of `n`
/// or some loop is not named).
std::vector<const For *> indexLoops(const std::vector<Expr> &idx, const Nest &n, bool all) {
  std::vector<const For *> out;
  std::set<const For *> seen;
  for (auto &e : idx) {
    auto *v = e.as<Var>();
    const For *l = nullptr;
    for (auto *f : n.loops)
      if (v && f->name == v->name) l = f;
    if (!l || !seen.insert(l).second) return {};
    out.push_back(l);
  }
  if (all && seen.size() != n.loops.size()) return {};
  return out;
}

/// The init nest's store, if `s` is one.
const Store *initStore(const Stmt &s, Nest &nest) {
  nest = perfectNest(s);
  auto *st = nest.body.as<Store>();
  if (nest.loops.empty() || !st || !rectangular(nest)) return nullptr;
  if (st->indices.empty() || indexLoops(st->indices, nest, true).empty()) return nullptr;
  if (hasLoad(st->value)) return nullptr;
  for (auto *f : nest.loops)
    if (usesVar(st->value, f->name)) return nullptr;
  return st;
}

/// Finds the update stores of C in the update nest's body and checks them.
class Updates : public IRVisitor {
public:
  explicit Updates(const BufferNode *c) : c_(c) {}
  std::vector<const Store *> stores;
  bool ok = true;
  BinOp op = BinOp::Add;
  using IRVisitor::visit;

protected:
  const BufferNode *c_;
  void visit(const Store *n) override {
    IRVisitor::visit(n);
    if (n->buffer.get() != c_) return;
    auto isAcc = [&](const Expr &e) { return loadsStoredElement(e, n); };
    BinOp o;
    Expr rest = reductionRest(n->value, isAcc, o);
    if (!rest || (!stores.empty() && o != op)) ok = false;
    if (!stores.empty())
      for (size_t k = 0; ok && k < n->indices.size(); ++k)
        ok = sameExpr(n->indices[k], stores[0]->indices[k]);
    op = o;
    stores.push_back(n);
  }
  // An update inside a loop of the body or under a condition may run zero
  // or several times per iteration: not the simple form.
  void visit(const For *) override { ok = false; }
  void visit(const While *) override { ok = false; }
  void visit(const IfThenElse *n) override {
    Updates inner(c_);
    inner.visit(n->then);
    inner.visit(n->otherwise);
    if (!inner.stores.empty()) ok = false;
  }
};

/// C[w] loaded -> v (the first update starts from the initial value).
class LoadToInit : public IRMutator {
public:
  LoadToInit(const BufferNode *c, Expr v) : c_(c), v_(std::move(v)) {}

protected:
  using IRMutator::visit;
  const BufferNode *c_;
  Expr v_;
  Expr visit(const Load *n, const Expr &self) override {
    return n->buffer.get() == c_ ? v_ : IRMutator::visit(n, self);
  }
};

class FirstUpdate : public IRMutator {
public:
  FirstUpdate(const BufferNode *c, Expr v, Expr first)
      : c_(c), v_(std::move(v)), first_(std::move(first)) {}

protected:
  using IRMutator::visit;
  const BufferNode *c_;
  Expr v_, first_;
  Stmt visit(const Store *n, const Stmt &self) override {
    if (n->buffer.get() != c_) return self;
    Stmt init =
        withLoc(Store::make(n->buffer, n->indices, LoadToInit(c_, v_).mutate(n->value)), n->loc);
    return first_ ? withLoc(IfThenElse::make(first_, init, self), n->loc) : init;
  }
};

/// The folded update nest, or null when the pair does not qualify.
Stmt fold(const Stmt &initNest, const Stmt &updateNest) {
  Nest in;
  const Store *st = initStore(initNest, in);
  if (!st) return Stmt();
  const BufferNode *c = st->buffer.get();
  Nest up = perfectNest(updateNest);
  if (up.loops.empty() || !rectangular(up)) return Stmt();
  Updates u(c);
  u.visit(up.body);
  if (!u.ok || u.stores.empty()) return Stmt();
  if (countUses(up.body).bufferAccesses[c] != 2 * (int)u.stores.size()) return Stmt();
  // Each index a loop with the init loop's bounds.
  std::vector<const For *> w = indexLoops(u.stores[0]->indices, up, false);
  if (w.size() != st->indices.size()) return Stmt();
  for (size_t d = 0; d < w.size(); ++d) {
    const For *initLoop = indexLoops({st->indices[d]}, in, false)[0];
    if (!sameExpr(w[d]->min, initLoop->min) || !sameExpr(w[d]->extent, initLoop->extent))
      return Stmt();
  }
  // The reduction loops: constant bounds, at least one iteration, in order.
  Expr first;
  for (auto *f : up.loops) {
    if (std::find(w.begin(), w.end(), f) != w.end()) continue;
    const int64_t *mn = asConstInt(f->min), *ext = asConstInt(f->extent);
    if (!mn || !ext || *ext < 1) return Stmt();
    if (f->forKind != ForKind::Serial && f->forKind != ForKind::Unrolled) return Stmt();
    Expr test = Cmp::make(CmpOp::EQ, Var::make(f->min.type(), f->name), f->min);
    first = first ? Logical::make(true, first, test) : test;
  }
  // The initial value means the same inside the update nest.
  Effects e = effectsOf(updateNest);
  for (auto &v : freeVars(st->value))
    if (e.written.count(v)) return Stmt();
  return FirstUpdate(c, st->value, first).mutate(updateNest);
}

Stmt emptied(const Stmt &initNest) {
  if (auto *f = initNest.as<For>()) return rebuildFor(f, emptied(f->body));
  return withLoc(Evaluate::make(StringImm::make(kFolded)), initNest->loc);
}

class Folder : public IRMutator {
protected:
  using IRMutator::visit;
  Stmt visit(const Block *n, const Stmt &self) override {
    std::vector<Stmt> out;
    bool changed = false;
    for (auto &s : n->stmts) {
      Stmt m = mutate(s);
      changed |= !m.same(s);
      out.push_back(m);
    }
    for (size_t k = 0; k + 1 < out.size(); ++k)
      if (Stmt folded = fold(out[k], out[k + 1])) {
        out[k] = emptied(out[k]);
        out[k + 1] = folded;
        changed = true;
      }
    return changed ? Block::make(std::move(out)) : self;
  }
};

} // namespace

Stmt foldInitNests(const Stmt &s) { return Folder().mutate(s); }

} // namespace hybridc::ir
