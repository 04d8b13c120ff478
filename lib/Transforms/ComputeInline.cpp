//===- ComputeInline.cpp - A producer nest inlined into its readers -------===//
//
// computeInline() is the schedule's `compute_inline` op (TVM's and Halide's
// compute_inline, docs/schedules.md "compute_inline"): a buffer allocated in
// the def and set by one nest
//
//   bx = allocate((4098, 4096))
//   for y, x:  bx[y, x] = (inp[y, x] + inp[y, x + 1] + inp[y, x + 2]) / 3.0
//
// is not stored any more; each read bx[e0, e1] becomes that expression with
// y := e0, x := e1. The producer's loops stay, empty (so that loop names and
// numbers do not change), the allocation goes.
//
// When: the buffer is allocated (not an argument), stored exactly once, by a
// perfect nest whose indices are its loops (each once); the stored value
// reads only buffers that nothing in the def writes and scalars that nothing
// assigns (parameters, constants, the nest's loops). Then every read of an
// element the nest wrote gets the value it would have read.
//
// Expects: apply-schedule's loop nest. Guarantees: the same results.
//
//===----------------------------------------------------------------------===//
#include "hybridc/Analysis/LoopNest.h"
#include "hybridc/Analysis/Simplify.h"
#include "hybridc/IR/IRPrinter.h"
#include "hybridc/IR/IRVisitor.h"
#include "hybridc/Transforms/Passes.h"

namespace hybridc::ir {
namespace {

using namespace loopnest;

/// The stores of the buffer (with the loops around each), its allocation
/// and every name bound anywhere.
class Find : public IRVisitor {
public:
  explicit Find(std::string name) : name_(std::move(name)) {}
  const Allocate *alloc = nullptr;
  std::vector<std::pair<const Store *, std::vector<const For *>>> stores;
  std::vector<const For *> loops_;
  using IRVisitor::visit;

protected:
  std::string name_;
  void visit(const Allocate *n) override {
    if (n->buffer->name == name_) alloc = n;
    IRVisitor::visit(n);
  }
  void visit(const Store *n) override {
    if (n->buffer->name == name_) stores.push_back({n, loops_});
    IRVisitor::visit(n);
  }
  void visit(const For *n) override {
    loops_.push_back(n);
    IRVisitor::visit(n);
    loops_.pop_back();
  }
};

class Inline : public IRMutator {
public:
  Inline(const Allocate *alloc, const Store *store, std::vector<std::string> vars)
      : alloc_(alloc), store_(store), vars_(std::move(vars)) {}

protected:
  using IRMutator::visit;
  const Allocate *alloc_;
  const Store *store_;
  std::vector<std::string> vars_;
  Stmt visit(const Allocate *n, const Stmt &self) override {
    return n == alloc_ ? mutate(n->body) : IRMutator::visit(n, self);
  }
  Stmt visit(const Store *n, const Stmt &self) override {
    if (n == store_)
      return withLoc(Evaluate::make(StringImm::make("inlined into its readers")), n->loc);
    return IRMutator::visit(n, self);
  }
  Expr visit(const Load *n, const Expr &self) override {
    if (n->buffer != alloc_->buffer) return IRMutator::visit(n, self);
    bool changed = false;
    std::vector<Expr> idx = IRMutator::mutate(n->indices, changed);
    // Substitute all indices at once: through fresh names, so that an index
    // naming another of the producer's loops is not substituted twice.
    Expr v = store_->value;
    for (size_t d = 0; d < vars_.size(); ++d)
      v = substitute(v, vars_[d], Var::make(idx[d].type(), vars_[d] + ".inline"));
    for (size_t d = 0; d < vars_.size(); ++d) {
      Expr at = idx[d];
      DType t = store_->indices[d].type();
      if (at.type() != t) at = Cast::make(t, at);
      v = substitute(v, vars_[d] + ".inline", at);
    }
    return v; // (v reads no buffer the def writes, so not this one: nothing to redo)
  }
};

} // namespace

ComputeInlineResult computeInline(const Stmt &root, const std::string &buffer) {
  ComputeInlineResult res;
  auto fail = [&](std::string why) {
    res.error = std::move(why);
    return res;
  };
  Find f(buffer);
  f.visit(root);
  if (!f.alloc)
    return fail("'" + buffer +
                "' is not allocated in the def (an argument's values must be stored)");
  if (f.stores.size() != 1)
    return fail("'" + buffer + "' is stored " + std::to_string(f.stores.size()) +
                " times; it must be set by one nest");
  const Store *st = f.stores[0].first;
  const std::vector<const For *> &loops = f.stores[0].second;
  // The indices: distinct loops around the store, innermost ones, each the
  // whole body of the previous (a perfect nest ending at the store).
  std::vector<std::string> vars;
  std::set<std::string> seen;
  for (auto &e : st->indices) {
    auto *v = e.as<Var>();
    bool isLoop = false;
    for (auto *l : loops) isLoop |= v && l->name == v->name;
    if (!isLoop || !seen.insert(v->name).second)
      return fail("its store " + buffer + "[...] = ... does not index it by loops (" + toString(e) +
                  ")");
    vars.push_back(v->name);
  }
  if (loops.size() < vars.size()) return fail("internal: fewer loops than indices");
  for (size_t k = loops.size() - vars.size(); k < loops.size(); ++k) {
    if (!seen.count(loops[k]->name))
      return fail("its store is inside loop '" + loops[k]->name + "', which it does not index by");
    const Stmt &next = loops[k]->body;
    if (k + 1 < loops.size() ? next.get() != loops[k + 1] : next.get() != st)
      return fail("the nest that stores it holds other statements");
  }
  // The value: the same wherever it is re-evaluated.
  Effects all = effectsOf(root);
  std::set<std::string> own(vars.begin(), vars.end());
  for (auto &v : freeVars(st->value))
    if (!own.count(v) && all.written.count(v))
      return fail("the stored value reads '" + v + "', which the def changes");
  class Loaded : public IRVisitor {
  public:
    std::set<const BufferNode *> bufs;
    using IRVisitor::visit;

  protected:
    void visit(const Load *n) override {
      bufs.insert(n->buffer.get());
      IRVisitor::visit(n);
    }
  } loaded;
  loaded.visit(st->value);
  for (auto *b : loaded.bufs)
    if (all.stored.count(b))
      return fail("the stored value reads '" + b->name + "', which the def writes");
  res.body = Inline(f.alloc, st, vars).mutate(root);
  return res;
}

} // namespace hybridc::ir
