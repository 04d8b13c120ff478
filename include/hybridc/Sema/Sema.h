//===- Sema.h - Scope, type and shape checking ----------------------------===//
//
// checkModule() applies every rule of docs/semantics.md to a parsed module and
// annotates it in place: Expr::type / constInt, Name::symbol, Call::target,
// For::varSymbols, Def::symbols / outputs / checked. Errors go to `diags`,
// with recovery at statement level so that independent errors are all
// reported. `schedule` (may be null) supplies "args" descriptions of
// parameters.
//
// What a def with `checked == true` guarantees to the lowering:
//  - every expression has its Type after promotion (int literals int32,
//    float literals float32, True/False bool); integer-typed compile-time
//    constants carry Expr::constInt (folded with wrap-around to the dtype,
//    Python floor semantics for // and %); only integer types carry it;
//  - every Name has its Symbol (builtins, defs and dtype names excepted);
//    a Call to another def has Call::target; For::varSymbols holds one
//    LoopVar per variable (always int32, scopeStmt = that For);
//  - Def::symbols: the parameters in order, then every declared name in
//    source order (a loop variable reused by sibling loops has one Symbol
//    per loop); Symbol::scopeStmt is the innermost enclosing For (`if` and
//    `while` open no scope);
//  - a Var stored exactly once has Symbol::initExpr; if that value is an
//    integer constant, Symbol::constInt too (uses carry constInt);
//  - tensor dims (Symbol::shape) are a constant, a scalar parameter
//    (Dim::param), or a loop-invariant integer expression (Dim::expr) over
//    constants, scalar parameters, tensor shapes, len() and Vars with
//    initExpr; dims from the schedule file have no expr;
//  - outputs: Def::outputs in return order; exactly the OutputTensor
//    symbols, each with outputIndex. A returned global allocate() buffer or
//    call result is an output; an output_tensor that is not returned is a
//    global Allocated temporary;
//  - `x = f(...)` / `x, y = f(...)`: the names are Allocated "global"
//    buffers of the caller shaped like the callee's outputs, with the
//    callee's scalar-parameter dims replaced by the bound arguments;
//  - const arrays ("const" args) are ConstArray symbols (dtype int32 when
//    all values are integral and no dtype is given, else float32), indexed
//    only by constants and const_range variables (and expressions of them).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "hybridc/AST/AST.h"
#include "hybridc/Support/Diagnostics.h"

namespace hybridc {

struct ScheduleFile;

void checkModule(ast::Module &m, const ScheduleFile *schedule, DiagnosticEngine &diags);

} // namespace hybridc
