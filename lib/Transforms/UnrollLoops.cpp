//===- UnrollLoops.cpp - Expand loops marked unroll -----------------------===//
//
// Bottom-up: inner loops are unrolled first, then each Unrolled For with a
// constant extent becomes a Block of body copies with the loop variable
// replaced by min + k. Loops of symbolic extent stay (codegen gives LLVM an
// unroll hint).
//
// Expects: extents simplified (check-legality's output, unswitched).
// Guarantees: the same results; no Unrolled loop of constant extent left.
//
//===----------------------------------------------------------------------===//
#include "hybridc/Analysis/LoopNest.h"
#include "hybridc/Analysis/Simplify.h"
#include "hybridc/IR/IRVisitor.h"
#include "hybridc/Transforms/Passes.h"

namespace hybridc::ir {
namespace {

class Unroller : public IRMutator {
protected:
  using IRMutator::visit;
  Stmt visit(const For *n, const Stmt &self) override {
    Stmt body = mutate(n->body);
    Expr extent = simplify(n->extent); // held: asConstInt points into the node
    const int64_t *ext = asConstInt(extent);
    // A loop that breaks out of itself cannot become straight-line code.
    if (n->forKind != ForKind::Unrolled || !ext || loopnest::effectsOf(body).ownExit)
      return body.same(n->body)
                 ? self
                 : For::make(n->name, n->min, n->extent, n->forKind, body, n->threadTag);
    std::vector<Stmt> copies;
    for (int64_t k = 0; k < *ext; ++k) {
      Expr v = simplify(n->min + IntImm::make(n->min.type(), k));
      copies.push_back(simplify(substitute(body, n->name, v)));
    }
    return Block::make(std::move(copies));
  }
};

} // namespace

Stmt unrollLoops(const Stmt &s) { return Unroller().mutate(s); }

} // namespace hybridc::ir
