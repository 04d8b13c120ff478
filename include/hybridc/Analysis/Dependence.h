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
                          const Stmt &body);

} // namespace hybridc::ir::loopnest
