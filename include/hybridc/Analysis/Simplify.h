//===- Simplify.h - Constant folding and algebraic cleanup ----------------===//
//
// Folds constant arithmetic, comparisons, casts and selects; removes x+0,
// x*1, x*0 on integers; drops `if` statements with a constant condition
// (this is what folds compile-time ifs over const_range variables) and loops
// of extent 0; inlines LetStmts bound to constants or variables.
// Guarantees: the same results as the input, bit for bit (floats are only
// folded when both operands are constants, in the type's precision).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "hybridc/IR/IR.h"

namespace hybridc::ir {

Expr simplify(const Expr &e);
Stmt simplify(const Stmt &s);

/// Replaces every Var named `name` by `value` (no capture check: names are
/// unique within a LoweredFunc).
Stmt substitute(const Stmt &s, const std::string &name, const Expr &value);
Expr substitute(const Expr &e, const std::string &name, const Expr &value);

} // namespace hybridc::ir

#include <optional>

namespace hybridc::ir {

/// a - b when it is a constant for every value of the variables (scalar
/// integer expressions; sums of constant multiples of the same terms
/// cancel: `io*8 + 1 - io*8` is 1). nullopt when it cannot be proved.
std::optional<int64_t> constDifference(const Expr &a, const Expr &b);

} // namespace hybridc::ir
