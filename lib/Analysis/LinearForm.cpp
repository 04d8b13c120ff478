//===- LinearForm.cpp - Constant differences of index expressions ---------===//
//
// constDifference() (Simplify.h) on top of the linear forms of LoopNest.h:
// a - b is constant when every term's coefficient cancels.
//
//===----------------------------------------------------------------------===//
#include "hybridc/Analysis/LoopNest.h"
#include "hybridc/Analysis/Simplify.h"

namespace hybridc::ir {

std::optional<int64_t> constDifference(const Expr &a, const Expr &b) {
  if (!a || !b || a.type().lanes != 1 || b.type().lanes != 1) return std::nullopt;
  if (!a.type().isIntegral() || !b.type().isIntegral()) return std::nullopt;
  loopnest::LinearForm d = loopnest::linearize(a);
  d.add(loopnest::linearize(b), -1);
  for (auto &[key, term] : d.terms)
    if (term.second != 0) return std::nullopt;
  return d.constant;
}

} // namespace hybridc::ir
