//===- IRPrinter.h - The stable text form of the loop IR ------------------===//
//
// What `--emit-lowered` prints: Python-like, one statement a line, loops with
// their name, range and kind:
//
//   def outer_product(a: float32[100], b: float32[99]) -> (c: float32[100, 99]):
//     for i in 0..100 serial:
//       for j in 0..99 vectorized:
//         c[i, j] = a[i] * b[j]
//
// The form is stable: golden tests compare it.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "hybridc/IR/IR.h"

#include <string>

namespace hybridc::ir {

std::string toString(const Expr &e);
std::string toString(const Stmt &s, int indent = 0);
std::string toString(const LoweredFunc &f);

} // namespace hybridc::ir
