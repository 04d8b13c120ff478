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

/// Drops the producer's store and the allocation; with `inlineReads`,
/// each read of the buffer becomes the producer's value there.
class Inline : public IRMutator {
public:
  Inline(const Producer &p, bool inlineReads) : p_(p), inlineReads_(inlineReads) {}

protected:
  using IRMutator::visit;
  const Producer &p_;
  bool inlineReads_;
  Stmt visit(const Allocate *n, const Stmt &self) override {
    return n->buffer == p_.buffer ? mutate(n->body) : IRMutator::visit(n, self);
  }
  Stmt visit(const Store *n, const Stmt &self) override {
    if (n->buffer == p_.buffer)
      return withLoc(Evaluate::make(StringImm::make(inlineReads_ ? "inlined into its readers"
                                                                 : "computed where it is read")),
                     n->loc);
    return IRMutator::visit(n, self);
  }
  Expr visit(const Load *n, const Expr &self) override {
    if (!inlineReads_ || n->buffer != p_.buffer) return IRMutator::visit(n, self);
    bool changed = false;
    // (the value reads no buffer the def writes, so not this one: nothing
    // to redo inside it)
    return p_.valueAt(IRMutator::mutate(n->indices, changed));
  }
};

} // namespace

Expr Producer::valueAt(const std::vector<Expr> &at) const {
  // Substitute all indices at once: through fresh names, so that an index
  // naming another of the producer's loops is not substituted twice.
  Expr v = store->value;
  for (size_t d = 0; d < vars.size(); ++d)
    v = substitute(v, vars[d], Var::make(at[d].type(), vars[d] + ".inline"));
  for (size_t d = 0; d < vars.size(); ++d) {
    Expr e = at[d];
    DType t = store->indices[d].type();
    if (e.type() != t) e = Cast::make(t, e);
    v = substitute(v, vars[d] + ".inline", e);
  }
  return v;
}

const For *Producer::loopOf(size_t d) const {
  for (auto *l : loops)
    if (l->name == vars[d]) return l;
  return nullptr;
}

std::optional<Producer> findProducer(const Stmt &root, const std::string &buffer,
                                     std::string &why) {
  auto fail = [&](std::string w) -> std::optional<Producer> {
    why = std::move(w);
    return std::nullopt;
  };
  Find f(buffer);
  f.visit(root);
  if (!f.alloc)
    return fail("'" + buffer +
                "' is not allocated in the def (an argument's values must be stored)");
  if (f.stores.size() != 1)
    return fail("'" + buffer + "' is stored " + std::to_string(f.stores.size()) +
                " times; it must be set by one nest");
  Producer p;
  p.buffer = f.alloc->buffer;
  p.store = f.stores[0].first;
  p.loops = f.stores[0].second;
  const Store *st = p.store;
  // The indices: distinct loops around the store, innermost ones, each the
  // whole body of the previous (a perfect nest ending at the store).
  std::set<std::string> seen;
  for (auto &e : st->indices) {
    auto *v = e.as<Var>();
    bool isLoop = false;
    for (auto *l : p.loops) isLoop |= v && l->name == v->name;
    if (!isLoop || !seen.insert(v->name).second)
      return fail("its store " + buffer + "[...] = ... does not index it by loops (" + toString(e) +
                  ")");
    p.vars.push_back(v->name);
  }
  const auto &loops = p.loops;
  if (loops.size() < p.vars.size()) return fail("internal: fewer loops than indices");
  for (size_t k = loops.size() - p.vars.size(); k < loops.size(); ++k) {
    if (!seen.count(loops[k]->name))
      return fail("its store is inside loop '" + loops[k]->name + "', which it does not index by");
    const Stmt &next = loops[k]->body;
    if (k + 1 < loops.size() ? next.get() != loops[k + 1] : next.get() != st)
      return fail("the nest that stores it holds other statements");
  }
  // The value: the same wherever it is re-evaluated.
  Effects all = effectsOf(root);
  for (auto &v : freeVars(st->value))
    if (!seen.count(v) && all.written.count(v))
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
  return p;
}

Stmt dropProducer(const Stmt &root, const Producer &p) { return Inline(p, false).mutate(root); }

ComputeInlineResult computeInline(const Stmt &root, const std::string &buffer) {
  ComputeInlineResult res;
  std::optional<Producer> p = findProducer(root, buffer, res.error);
  if (p) res.body = Inline(*p, true).mutate(root);
  return res;
}

} // namespace hybridc::ir
