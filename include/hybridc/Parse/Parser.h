//===- Parser.h - .hy source to AST ---------------------------------------===//
//
// parseModule() lexes (Python tokens with INDENT/DEDENT) and parses a whole
// .hy buffer with a recursive-descent parser (one method per grammar rule).
// Syntax errors are reported to `diags`; the parser recovers at statement
// level, so several errors can be reported in one run. The returned module
// holds every def that parsed (possibly partially); callers check
// diags.hasErrors().
//
//===----------------------------------------------------------------------===//
#pragma once

#include "hybridc/AST/AST.h"
#include "hybridc/Support/Diagnostics.h"

#include <memory>

namespace hybridc {

std::unique_ptr<ast::Module> parseModule(const SourceManager &sm, uint32_t buffer,
                                         DiagnosticEngine &diags);

} // namespace hybridc
