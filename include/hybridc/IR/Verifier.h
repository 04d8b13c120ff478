//===- Verifier.h - Invariants of the loop IR -----------------------------===//
//
// verify() checks what every pass must preserve: each Var is bound (a
// parameter, stride, loop, let or var declaration) where it is used and has
// the bound type; Assign targets a VarDecl in scope with the same type;
// loads and stores index every dimension with integer indices; loop bounds
// are integers of one type; conditions are bool; break/continue sit inside
// a loop and never cross a parallel loop body. Returns "" or a message
// naming the first violation. The pipeline runs it after every pass in debug
// builds and with --verify-each; a failure is an internal compiler error.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "hybridc/IR/IR.h"

#include <string>

namespace hybridc::ir {

std::string verify(const LoweredFunc &f);

} // namespace hybridc::ir
