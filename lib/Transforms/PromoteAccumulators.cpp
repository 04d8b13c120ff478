//===- PromoteAccumulators.cpp - Register tiles across serial loops -------===//
//
// Bottom-up over serial loops. For loop L with variable k, a buffer B is a
// candidate when every access to B in L's body is an unconditional Load or
// Store (not under an `if`, a `while` or an inner loop that may run zero
// times) whose indices read no Load and no scalar that L's body writes:
// not k, not an inner loop variable, let or declaration, and not a scalar
// declared outside but assigned inside (a counter `out[n] = x; n += 1` is
// not invariant, however far the assignment is nested). The distinct index
// tuples must be pairwise provably disjoint (some dimension differs by a
// constant at least as large as the vector width; a fused loop's row and
// column `A // d, A % d` count as the one dimension A). Each tuple then gets a
// variable `B.acc<n>`: loaded before L, used and assigned inside, stored
// after L. When L may run zero times the load and the store are guarded by
// `extent > 0`, so an index that is only valid when the body runs is never
// touched. LLVM keeps such variables in registers, which is what makes a
// 6x16 / 8x32 matmul tile run at FMA speed (bench/RESULTS.md).
//
// Expects: unrolled, vectorized and simplified loops. Guarantees: the same
// results; no access to a promoted element left inside its loop.
//
//===----------------------------------------------------------------------===//
#include "hybridc/Analysis/LoopNest.h"
#include "hybridc/Analysis/Simplify.h"
#include "hybridc/IR/IRVisitor.h"
#include "hybridc/Transforms/Passes.h"

#include <map>
#include <set>

namespace hybridc::ir {
namespace {

class UsesAny : public IRVisitor {
public:
  explicit UsesAny(const std::set<std::string> &n) : names(n) {}
  const std::set<std::string> &names;
  bool found = false;
  using IRVisitor::visit;

protected:
  void visit(const Var *n) override { found |= names.count(n->name) > 0; }
  void visit(const Load *n) override { found = true; }
};

struct Access {
  std::vector<Expr> indices;
  DType type; // the access's (possibly vector) type
};

/// Collects the accesses of each buffer in a loop body.
class AccessCollector : public IRVisitor {
public:
  std::map<BufferNode *, std::vector<Access>> accesses;
  std::set<BufferNode *> stored;
  std::set<BufferNode *> conditional; // accessed under an if: not promoted
  std::vector<Buffer> order;          // buffers in first-access order (determinism)
  using IRVisitor::visit;

protected:
  int ifDepth_ = 0; // inside an if, a while or a loop that may run zero times
  void visit(const IfThenElse *n) override {
    visit(n->cond);
    ++ifDepth_;
    visit(n->then), visit(n->otherwise);
    --ifDepth_;
  }
  void visit(const While *n) override {
    ++ifDepth_;
    IRVisitor::visit(n);
    --ifDepth_;
  }
  void visit(const For *n) override {
    bool empty = loopnest::mayBeEmpty(n->extent);
    ifDepth_ += empty;
    IRVisitor::visit(n);
    ifDepth_ -= empty;
  }
  /// An access of `b` (`predicated`: in some lanes only, Load::predicate).
  void note(const Buffer &b, const std::vector<Expr> &idx, DType t, const Expr &predicated) {
    if (ifDepth_ || predicated) conditional.insert(b.get());
    if (!accesses.count(b.get())) order.push_back(b);
    accesses[b.get()].push_back({idx, t});
  }
  void visit(const Load *n) override {
    note(n->buffer, n->indices, n->type, n->predicate);
    IRVisitor::visit(n);
  }
  void visit(const Store *n) override {
    note(n->buffer, n->indices, n->value.type(), n->predicate);
    stored.insert(n->buffer.get());
    IRVisitor::visit(n);
  }
};

bool sameIndices(const std::vector<Expr> &a, const std::vector<Expr> &b) {
  for (size_t k = 0; k < a.size(); ++k)
    if (!equal(a[k], b[k])) return false;
  return true;
}

/// `idx` with each adjacent pair (A // d, A % d) of a positive constant d
/// (the row and column of a fused loop's index A) replaced by A: the pair is
/// a one-to-one function of A, so two tuples meet only where their As do.
std::vector<Expr> collapseFused(const std::vector<Expr> &idx) {
  std::vector<Expr> out;
  for (size_t k = 0; k < idx.size(); ++k) {
    Expr e, m;
    if (k + 1 < idx.size() && loopnest::asDelinearizedPair(idx[k], idx[k + 1], e, m)) {
      out.push_back(e);
      ++k;
    } else {
      out.push_back(idx[k]);
    }
  }
  return out;
}

/// Two index tuples that never address a common element.
bool disjoint(const std::vector<Expr> &a0, const std::vector<Expr> &b0) {
  std::vector<Expr> a = collapseFused(a0), b = collapseFused(b0);
  if (a.size() != b.size()) a = a0, b = b0;
  for (size_t k = 0; k < a.size(); ++k) {
    Expr x = a[k], y = b[k];
    int lanes = std::max<int>(x.type().lanes, y.type().lanes);
    Expr bx = x, by = y;
    int64_t sx = 0, sy = 0;
    if (auto *r = x.as<Ramp>()) {
      bx = r->base;
      if (auto *s = asConstInt(r->stride))
        sx = *s;
      else
        continue;
    }
    if (auto *r = y.as<Ramp>()) {
      by = r->base;
      if (auto *s = asConstInt(r->stride))
        sy = *s;
      else
        continue;
    }
    if (x.type().lanes > 1 && !x.as<Ramp>()) continue;
    if (y.type().lanes > 1 && !y.as<Ramp>()) continue;
    std::optional<int64_t> d = constDifference(bx, by);
    if (!d) continue;
    // Covered ranges [base, base + (lanes-1)*stride] for unit/zero strides.
    if (sx < 0 || sy < 0 || sx > 1 || sy > 1) continue;
    int64_t lenx = sx ? lanes : 1, leny = sy ? lanes : 1;
    if (*d >= leny || -*d >= lenx) return true;
  }
  return false;
}

class Rewriter : public IRMutator {
public:
  Rewriter(BufferNode *b, std::vector<std::pair<std::vector<Expr>, Expr>> vars)
      : buf(b), vars(std::move(vars)) {}
  BufferNode *buf;
  std::vector<std::pair<std::vector<Expr>, Expr>> vars; // indices -> Var

protected:
  using IRMutator::visit;
  const Expr *lookup(const std::vector<Expr> &idx) {
    for (auto &v : vars)
      if (sameIndices(v.first, idx)) return &v.second;
    return nullptr;
  }
  Expr visit(const Load *n, const Expr &self) override {
    if (n->buffer.get() == buf)
      if (const Expr *v = lookup(n->indices)) return *v;
    return IRMutator::visit(n, self);
  }
  Stmt visit(const Store *n, const Stmt &self) override {
    if (n->buffer.get() == buf)
      if (const Expr *v = lookup(n->indices))
        return Assign::make((*v).as<Var>()->name, mutate(n->value));
    return IRMutator::visit(n, self);
  }
};

class Promoter : public IRMutator {
  int counter_ = 0;

protected:
  using IRMutator::visit;
  Stmt visit(const For *n, const Stmt &self) override {
    Stmt body = mutate(n->body);
    Stmt loop = body.same(n->body)
                    ? self
                    : For::make(n->name, n->min, n->extent, n->forKind, body, n->threadTag);
    if (n->forKind != ForKind::Serial && n->forKind != ForKind::Unrolled) return loop;
    loopnest::Effects bound = loopnest::effectsOf(body);
    bound.written.insert(n->name);
    AccessCollector acc;
    acc.visit(body);
    std::vector<Stmt> before, after;
    std::vector<std::pair<std::string, DType>> decls;
    for (const Buffer &b : acc.order) {
      // A buffer allocated inside the loop is a new buffer every iteration.
      if (bound.allocated.count(b.get())) continue;
      if (!acc.stored.count(b.get()) || acc.conditional.count(b.get()) ||
          b->kind == BufferNode::Input || b->kind == BufferNode::Const)
        continue;
      auto &list = acc.accesses[b.get()];
      bool ok = true;
      std::vector<Access> distinct;
      for (auto &a : list) {
        UsesAny u(bound.written);
        for (auto &i : a.indices) u.visit(i);
        if (u.found) {
          ok = false;
          break;
        }
        bool seen = false;
        for (auto &d : distinct)
          if (sameIndices(d.indices, a.indices)) {
            if (d.type != a.type) ok = false;
            seen = true;
          }
        if (!seen) distinct.push_back(a);
      }
      for (size_t x = 0; ok && x < distinct.size(); ++x)
        for (size_t y = x + 1; ok && y < distinct.size(); ++y)
          ok = disjoint(distinct[x].indices, distinct[y].indices);
      if (!ok || distinct.empty() || distinct.size() > 64) continue;
      std::vector<std::pair<std::vector<Expr>, Expr>> vars;
      for (auto &d : distinct) {
        std::string name = b->name + ".acc" + std::to_string(counter_++);
        Expr v = Var::make(d.type, name);
        vars.push_back({d.indices, v});
        decls.push_back({name, d.type});
        before.push_back(Assign::make(name, Load::make(b, d.indices)));
        after.push_back(Store::make(b, d.indices, v));
      }
      loop = Rewriter(b.get(), vars).mutate(loop);
    }
    if (decls.empty()) return loop;
    before.push_back(loop);
    for (auto &s : after) before.push_back(s);
    Stmt out = Block::make(std::move(before));
    if (loopnest::mayBeEmpty(n->extent)) // the accesses happen only if the loop runs
      out = IfThenElse::make(
          simplify(Cmp::make(CmpOp::GT, n->extent, makeConst(n->extent.type(), 0))), out, Stmt());
    for (auto it = decls.rbegin(); it != decls.rend(); ++it)
      out = VarDecl::make(it->first, it->second, out);
    return out;
  }
};

} // namespace

Stmt promoteAccumulators(const Stmt &s) { return Promoter().mutate(s); }

} // namespace hybridc::ir
