//===- Lexer.h - Python tokens with INDENT/DEDENT -------------------------===//
//
// Produces the whole token stream of a buffer up front. Follows Python's
// tokenizer: NEWLINE ends a logical line, INDENT/DEDENT track indentation
// (tabs and spaces must be used consistently), newlines inside brackets and
// after a `\` are joined, comments and blank lines vanish. Errors go to the
// diagnostics engine; the lexer always returns a stream ending in EndOfFile.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "hybridc/Support/Diagnostics.h"

#include <string>
#include <vector>

namespace hybridc {

enum class TokKind : uint8_t {
  EndOfFile,
  Newline,
  Indent,
  Dedent,
  Identifier,
  Keyword,
  Int,
  Float,
  String,
  Op, // punctuation/operators; `text` holds the spelling ("+=", "(", "->")
};

struct Token {
  TokKind kind;
  std::string text; // spelling (identifier, keyword, operator, number); decoded value for strings
  SourceRange range;
  bool is(TokKind k) const { return kind == k; }
  bool isOp(const char *s) const { return kind == TokKind::Op && text == s; }
  bool isKeyword(const char *s) const { return kind == TokKind::Keyword && text == s; }
};

std::vector<Token> lex(const SourceManager &sm, uint32_t buffer, DiagnosticEngine &diags);

/// "'+='", "end of file", "identifier 'x'", ... for "expected X, found Y".
std::string describe(const Token &t);

} // namespace hybridc
