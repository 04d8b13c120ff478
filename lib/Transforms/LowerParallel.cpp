//===- LowerParallel.cpp - What becomes a function of its own -------------===//
//
// The lower-parallel pass (Passes.h), after flatten-storage, on the CPU
// targets. It decides which statements code generation compiles as
// functions of their own (ParallelFor.cpp) and what each receives, as
// `Outlined` statements:
//
//  - every parallel loop, wherever it is: its iterations run on the
//    runtime's thread pool, in contiguous chunks;
//  - for compile time, in a def with more than kOutlineNestsAbove loops
//    outside any loop, each serial one (LLVM's loop analyses grow faster
//    than linearly with the loops of one function: loop_N of
//    bench/scaling.sh, 100 loops in one function cost 6 ms per loop at -O3,
//    300 cost 7 ms; bench/RESULTS.md);
//  - for compile time, a block outside any loop longer than
//    kChunkBlocksAbove statements, in chunks of kBlockChunk statements (one
//    basic block of 10,000 stores took 6.4 s at -O3). Every statement is
//    self-contained (declarations scope their bodies), so a chunk can be
//    compiled on its own; a chunk's statements are still outside any loop.
//
// The captures are the scalars the body names that are bound outside it, in
// order of first use (parameters, strides, lets, enclosing loop variables,
// mutable variables: by address when the body assigns one, else its value),
// and the buffers it accesses that are bound outside (constant tables are
// globals, not captured). A loop's own variable, its range, and everything
// declared inside are not captured.
//
// Expects: flatten-storage's output. Guarantees: no parallel For outside an
// Outlined one; same results.
//
//===----------------------------------------------------------------------===//
#include "hybridc/Analysis/LoopNest.h"
#include "hybridc/IR/IRVisitor.h"
#include "hybridc/Transforms/Passes.h"

#include <set>

namespace hybridc::ir {
namespace {

constexpr size_t kOutlineNestsAbove = 16;
constexpr size_t kChunkBlocksAbove = 1024;
constexpr size_t kBlockChunk = 512;

/// The free scalars and outside buffers of a statement, in order of first use.
class Captures : public IRVisitor {
public:
  using IRVisitor::visit;
  std::vector<Outlined::Capture> captures;
  std::vector<Buffer> buffers;

  void bind(const std::string &name) { scopes_.back().insert(name); }
  void finish() {
    for (auto &c : captures) c.byAddress = assigned_.count(c.name) > 0;
  }

protected:
  void visit(const Var *op) override { use(op->name); }
  void visit(const Assign *op) override {
    if (use(op->name)) assigned_.insert(op->name);
    visit(op->value);
  }
  void visit(const Load *op) override {
    access(op->buffer);
    IRVisitor::visit(op);
  }
  void visit(const Store *op) override {
    access(op->buffer);
    IRVisitor::visit(op);
  }
  void visit(const LetStmt *op) override {
    visit(op->value);
    scoped(op->name, op->body);
  }
  void visit(const VarDecl *op) override { scoped(op->name, op->body); }
  void visit(const For *op) override {
    visit(op->min), visit(op->extent);
    scoped(op->name, op->body);
  }
  void visit(const Allocate *op) override {
    // Its size is computed inside.
    for (const Expr &e : op->buffer->shape) visit(e);
    allocated_.insert(op->buffer.get());
    visit(op->body);
  }

private:
  std::vector<std::set<std::string>> scopes_{1};
  std::set<std::string> seen_, assigned_;
  std::set<const BufferNode *> allocated_, seenBuffers_;

  void scoped(const std::string &name, const Stmt &body) {
    scopes_.emplace_back();
    bind(name);
    visit(body);
    scopes_.pop_back();
  }
  /// Records a use; true when `name` is bound outside.
  bool use(const std::string &name) {
    for (auto &s : scopes_)
      if (s.count(name)) return false;
    if (seen_.insert(name).second) captures.push_back({name, false});
    return true;
  }
  void access(const Buffer &b) {
    if (b->kind == BufferNode::Const || allocated_.count(b.get())) return;
    if (seenBuffers_.insert(b.get()).second) buffers.push_back(b);
  }
};

Stmt outline(const std::string &name, bool parallel, const Stmt &s) {
  Captures c;
  if (auto *loop = s.as<For>()) {
    c.bind(loop->name); // the outlined function's own
    c.visit(loop->body);
  } else {
    c.visit(s);
  }
  c.finish();
  Stmt out = Outlined::make(name, parallel, std::move(c.captures), std::move(c.buffers), s);
  return withLoc(out, s->loc);
}

class Lowerer : public IRMutator {
public:
  bool outlineNests = false;

protected:
  using IRMutator::visit;

  Stmt visit(const For *op, const Stmt &self) override {
    bool saved = inLoop_;
    inLoop_ = true;
    Stmt s = IRMutator::visit(op, self);
    inLoop_ = saved;
    if (op->forKind == ForKind::Parallel) return outline(op->name, true, s);
    if (op->forKind == ForKind::Serial && outlineNests && !inLoop_)
      return outline(op->name, false, s);
    return s;
  }
  Stmt visit(const While *op, const Stmt &self) override {
    bool saved = inLoop_;
    inLoop_ = true;
    Stmt s = IRMutator::visit(op, self);
    inLoop_ = saved;
    return s;
  }
  Stmt visit(const Block *op, const Stmt &self) override {
    if (inLoop_ || op->stmts.size() <= kChunkBlocksAbove) return IRMutator::visit(op, self);
    std::vector<Stmt> chunks;
    for (size_t first = 0; first < op->stmts.size(); first += kBlockChunk) {
      size_t last = std::min(op->stmts.size(), first + kBlockChunk);
      std::vector<Stmt> part;
      for (size_t k = first; k < last; ++k) part.push_back(mutate(op->stmts[k]));
      Stmt chunk = withLoc(Block::make(std::move(part)), op->stmts[first]->loc);
      chunks.push_back(outline("chunk" + std::to_string(first / kBlockChunk), false, chunk));
    }
    return Block::make(std::move(chunks));
  }

private:
  bool inLoop_ = false;
};

} // namespace

Stmt lowerParallel(const Stmt &s) {
  Lowerer l;
  l.outlineNests = loopnest::countTopLevelLoops(s) > kOutlineNestsAbove;
  return l.mutate(s);
}

} // namespace hybridc::ir
