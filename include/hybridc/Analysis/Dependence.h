//===- Dependence.h - Exact dependence tests on integer sets (isl) --------===//
//
// lib/Analysis/ExactDependence.cpp, the only user of isl: whether two
// iterations of a band of loops touch the same element (at least one of
// them writing it) in an order a schedule would change. Indices, loop
// bounds and if-conditions that are affine in the loops and the kernel's
// integer symbols (with floor division and modulo by constants) are used
// exactly; anything else (an index that loads, a product of two symbols) is
// over-approximated, so "no dependence" is always a proof. See
// docs/schedules.md, "Legality".
//
//===----------------------------------------------------------------------===//
#pragma once

#include "hybridc/IR/IR.h"

#include <string>
#include <vector>

namespace hybridc::ir::loopnest {

/// What is known around a loop: the loops that enclose it (outermost first)
/// and the if-conditions on the way (with the branch taken). Their
/// variables are the same for every iteration the tests compare; the
/// bounds and conditions narrow the symbols they range over.
struct LoopContext {
  std::vector<const For *> loops;
  std::vector<std::pair<Expr, bool>> conds;
};
/// The context of `target` inside `root` (empty when it is not found).
LoopContext contextOf(const Stmt &root, const For *target);

struct ExactVerdict {
  enum Kind {
    Holds,    ///< proved: no dependence is broken
    Violated, ///< a dependence is broken; `witness` shows one
    Unknown   ///< outside what the test models (or over its work limit)
  } kind = Unknown;
  /// "i = 0, j = 1 writes c[0, 1] and then i = 1, j = 0 reads it" (for
  /// Violated; may be "" when the test could not produce one).
  std::string witness;
};

/// Whether running the perfect band `from` (outermost first; `body` is the
/// innermost loop's body) in the loop order `to` keeps the order of every
/// pair of accesses to one element that are not both updates of one
/// reduction (`B[I] = B[I] op e`, `s = s op e`, op + * min max, the same op):
/// those may run in any order, as reorderHazard allows.
ExactVerdict exactReorder(const std::vector<const For *> &from, const std::vector<const For *> &to,
                          const Stmt &body, const LoopContext &context);

/// Whether two different iterations of `loop` (everything outside it fixed)
/// can touch one element of `buffer`, at least one of them writing it.
/// Holds: they cannot (the loop may run its iterations in any order, as far
/// as `buffer` goes); Violated: the witness shows two that do (the smaller
/// value of the loop first). Reductions get no exemption here.
ExactVerdict exactParallel(const For *loop, const BufferNode *buffer, const LoopContext &context);

} // namespace hybridc::ir::loopnest
