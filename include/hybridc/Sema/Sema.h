//===- Sema.h - Scope, type and shape checking ----------------------------===//
//
// checkModule() applies every rule of SEMANTICS.md to a parsed module and
// annotates it in place: Expr::type / constInt, Name::symbol, Call::target,
// For::varSymbols, Def::symbols / outputs / checked. Errors go to `diags`,
// with recovery at statement level so that independent errors are all
// reported. `schedule` (may be null) supplies "args" descriptions of
// parameters.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "hybridc/AST/AST.h"
#include "hybridc/Support/Diagnostics.h"

namespace hybridc {

struct ScheduleFile;

void checkModule(ast::Module &m, const ScheduleFile *schedule, DiagnosticEngine &diags);

} // namespace hybridc
