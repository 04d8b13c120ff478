//===- Parser.cpp - Recursive-descent parser for .hy files ----------------===//
//
// parseModule() lexes a buffer and parses it into the AST of AST.h, one
// method per grammar rule (the rule is written above each method). Every node
// gets its source range: Name the identifier, Call the whole call plus the
// callee, BinOp the whole operation plus the operator, statements from their
// first token to the end of their last statement.
//
// Python that hybrid script does not support is recognised and named
// ("keyword arguments is not supported ...") instead of being reported as an
// unexpected token. Constructs whose shape is still clear (keyword arguments,
// slices, `**`, shifts, `is`/`in`, walrus, string concatenation, None) are
// reported and parsing goes on with a stand-in node; the others abandon the
// statement.
//
// Recovery: a syntax error throws ParseError after its diagnostic; the
// statement loop catches it and skips to the end of the logical line (and
// over an indented block that follows it, parsing it silently for its own
// errors), so independent errors in one file are all reported. At the top
// level a broken item is skipped up to the next def. A parser error on a
// logical line where the lexer already reported one is not shown, and each
// statement reports at most one fatal error, so one mistake gives one
// diagnostic.
//
// Limits: expression and block nesting deeper than kMaxDepth, and expression
// trees taller than kMaxHeight, are reported instead of exhausting the stack
// (here or in later phases that recurse over the tree).
//
// Decision: annotated assignment `x: int32 = e` is reported as Unsupported
// (a variable takes the type of its first value; write `x = int32(e)`); the
// parser still builds the Assign so later errors stay precise.
//
//===----------------------------------------------------------------------===//
#include "hybridc/Parse/Parser.h"

#include "hybridc/Parse/Lexer.h"

#include <algorithm>
#include <charconv>
#include <unordered_map>

namespace hybridc {

using namespace ast;

namespace {

constexpr unsigned kMaxDepth = 200;   // nested parentheses, unary chains, blocks
constexpr unsigned kMaxHeight = 1000; // height of one expression tree

/// Thrown after a fatal syntax error has been reported (or suppressed);
/// caught by the statement and top-level loops. Never escapes the parser.
struct ParseError {};

class Parser {
public:
  Parser(const SourceManager &sm, uint32_t buffer, DiagnosticEngine &diags);
  std::unique_ptr<Module> parseModule();

private:
  //===--- Tokens ---------------------------------------------------------===//
  const Token &tok(size_t k = 0) const { return toks_[std::min(pos_ + k, toks_.size() - 1)]; }
  bool at(TokKind k) const { return tok().kind == k; }
  bool atOp(const char *s) const { return tok().isOp(s); }
  bool atKw(const char *s) const { return tok().isKeyword(s); }
  const Token &consume();
  bool acceptOp(const char *s);
  bool acceptKw(const char *s);
  const Token &expectOp(const char *s);
  const Token &expectKw(const char *s);
  const Token &expectName();
  void expectConditionColon();
  void expectNewline();
  SourceRange from(SourceLoc begin) const { return {begin, lastEnd_}; }
  std::string lineOf(const Token &t) const {
    return std::to_string(sm_.lineCol(t.range.begin).line);
  }

  //===--- Diagnostics and recovery ---------------------------------------===//
  bool lexErrorOnThisLine() const;
  void error(DiagKind k, SourceRange r, std::vector<std::string> args = {});
  [[noreturn]] void fail(DiagKind k, SourceRange r, std::vector<std::string> args = {});
  [[noreturn]] void failExpected(const char *what);
  [[noreturn]] void unsupported(SourceRange r, const std::string &what) {
    fail(DiagKind::Unsupported, r, {what});
  }
  void skipToLineEnd();
  void skipBlock();
  void recoverInBlock();
  void skipToNextTopLevel();

  struct DepthGuard {
    Parser &p;
    explicit DepthGuard(Parser &p, SourceRange r) : p(p) {
      if (++p.depth_ > kMaxDepth) {
        --p.depth_;
        p.fail(DiagKind::Unsupported, r,
               {"nesting deeper than " + std::to_string(kMaxDepth) + " levels"});
      }
    }
    ~DepthGuard() { --p.depth_; }
  };

  //===--- Node construction ----------------------------------------------===//
  template <typename T, typename... Args> std::unique_ptr<T> node(Args &&...args);
  unsigned height(const Expr *e) const;
  unsigned record(Expr *e);

  //===--- Grammar --------------------------------------------------------===//
  void parseTopLevel(Module &m);
  void parseImport();
  void parseDecorators();
  void parseDef(Module &m);
  void parseParams(Def &d);
  Block parseSuite(const std::string &after);
  void parseStatement(Block &out);
  void parseStatementInner(Block &out);
  void parseSimpleStmts(Block &out);
  void parseSimpleStmt(Block &out);
  void parseExprOrAssign(Block &out);
  StmtPtr parseIf();
  StmtPtr parseFor();
  StmtPtr parseWhile();
  StmtPtr parseReturn();
  StmtPtr parseAssert();
  void unsupportedCompound(const std::string &what);
  void checkTarget(const Expr &e, const char *context);
  std::vector<std::unique_ptr<Name>> parseForTargets();

  ExprPtr parseExprList();
  ExprPtr parseExpr();
  ExprPtr parseIfExp();
  ExprPtr parseOrTest();
  ExprPtr parseAndTest();
  ExprPtr parseNotTest();
  ExprPtr parseComparison();
  ExprPtr parseBitOr();
  ExprPtr parseBitXor();
  ExprPtr parseBitAnd();
  ExprPtr parseShift();
  ExprPtr parseArith();
  ExprPtr parseTerm();
  ExprPtr parseFactor();
  ExprPtr parsePower();
  ExprPtr parsePrimary();
  ExprPtr parseCall(ExprPtr callee, SourceLoc begin);
  ExprPtr parseSubscript(ExprPtr value, SourceLoc begin);
  ExprPtr parseSubscriptItem(bool &reportedSlice);
  ExprPtr parseAtom();
  ExprPtr parseParenthesized();
  ExprPtr parseStrings();

  const SourceManager &sm_;
  uint32_t buffer_;
  DiagnosticEngine &diags_;
  std::vector<Token> toks_;
  size_t pos_ = 0;
  SourceLoc lastEnd_;               // end of the last consumed real token
  std::vector<uint32_t> lexErrors_; // offsets of the lexer's diagnostics
  unsigned depth_ = 0;
};

Parser::Parser(const SourceManager &sm, uint32_t buffer, DiagnosticEngine &diags)
    : sm_(sm), buffer_(buffer), diags_(diags) {
  size_t before = diags.diagnostics().size();
  toks_ = lex(sm, buffer, diags);
  for (size_t i = before; i < diags.diagnostics().size(); ++i)
    lexErrors_.push_back(diags.diagnostics()[i].range.begin.offset);
  std::sort(lexErrors_.begin(), lexErrors_.end());
  lastEnd_ = {buffer, 0};
}

//===----------------------------------------------------------------------===//
// Tokens
//===----------------------------------------------------------------------===//

const Token &Parser::consume() {
  const Token &t = toks_[pos_];
  if (t.kind != TokKind::Newline && t.kind != TokKind::Indent && t.kind != TokKind::Dedent &&
      t.kind != TokKind::EndOfFile)
    lastEnd_ = t.range.end;
  if (pos_ + 1 < toks_.size()) ++pos_;
  return t;
}

bool Parser::acceptOp(const char *s) {
  if (!atOp(s)) return false;
  consume();
  return true;
}

bool Parser::acceptKw(const char *s) {
  if (!atKw(s)) return false;
  consume();
  return true;
}

void Parser::failExpected(const char *what) {
  fail(DiagKind::ExpectedToken, tok().range, {what, describe(tok())});
}

const Token &Parser::expectOp(const char *s) {
  if (!atOp(s)) {
    std::string q = std::string("'") + s + "'";
    fail(DiagKind::ExpectedToken, tok().range, {q, describe(tok())});
  }
  return consume();
}

const Token &Parser::expectKw(const char *s) {
  if (!atKw(s)) {
    std::string q = std::string("'") + s + "'";
    fail(DiagKind::ExpectedToken, tok().range, {q, describe(tok())});
  }
  return consume();
}

/// The ':' after an if/elif/while condition; `if a = b:` gets a hint.
void Parser::expectConditionColon() {
  if (atOp("="))
    fail(DiagKind::ExpectedToken, tok().range, {"':' (use '==' to compare)", describe(tok())});
  expectOp(":");
}

const Token &Parser::expectName() {
  if (!at(TokKind::Identifier)) failExpected("a name");
  return consume();
}

void Parser::expectNewline() {
  if (at(TokKind::Newline)) {
    consume();
    return;
  }
  if (at(TokKind::EndOfFile) || at(TokKind::Dedent)) return;
  failExpected("end of line");
}

//===----------------------------------------------------------------------===//
// Diagnostics and recovery
//===----------------------------------------------------------------------===//

/// Whether the lexer reported an error on the logical line of the current
/// token (then the parser's complaint about that line is a consequence).
bool Parser::lexErrorOnThisLine() const {
  if (lexErrors_.empty()) return false;
  size_t k = pos_;
  while (k > 0 && toks_[k - 1].kind != TokKind::Newline) --k;
  uint32_t begin = k > 0 ? toks_[k - 1].range.end.offset : 0;
  k = pos_;
  while (k + 1 < toks_.size() && toks_[k].kind != TokKind::Newline) ++k;
  uint32_t end = toks_[k].range.end.offset;
  auto it = std::lower_bound(lexErrors_.begin(), lexErrors_.end(), begin);
  return it != lexErrors_.end() && *it <= end;
}

void Parser::error(DiagKind k, SourceRange r, std::vector<std::string> args) {
  if (lexErrorOnThisLine()) return;
  diags_.report(k, r, std::move(args));
}

void Parser::fail(DiagKind k, SourceRange r, std::vector<std::string> args) {
  error(k, r, std::move(args));
  throw ParseError{};
}

/// Skips to the end of the current logical line and consumes its NEWLINE.
void Parser::skipToLineEnd() {
  while (!at(TokKind::EndOfFile) && !at(TokKind::Dedent)) {
    if (at(TokKind::Newline)) {
      consume();
      return;
    }
    consume();
  }
}

/// Skips an indented block (INDENT ... matching DEDENT) without parsing it.
void Parser::skipBlock() {
  if (!at(TokKind::Indent)) return;
  unsigned level = 0;
  while (!at(TokKind::EndOfFile)) {
    if (at(TokKind::Indent)) ++level;
    if (at(TokKind::Dedent) && --level == 0) {
      consume();
      return;
    }
    consume();
  }
}

/// After a fatal error inside a block: skip the rest of the logical line; if
/// an indented block follows (the body of a broken header), parse it without
/// keeping it, so that its own errors are reported.
void Parser::recoverInBlock() {
  skipToLineEnd();
  if (!at(TokKind::Indent)) return;
  if (depth_ + 1 >= kMaxDepth) {
    skipBlock();
    return;
  }
  ++depth_;
  consume();
  Block discarded;
  while (!at(TokKind::Dedent) && !at(TokKind::EndOfFile)) parseStatement(discarded);
  if (at(TokKind::Dedent)) consume();
  --depth_;
}

/// After a fatal error at the top level: skip to the next line that starts a
/// top-level item (def, decorator, import, class).
void Parser::skipToNextTopLevel() {
  int level = 0;
  while (!at(TokKind::EndOfFile)) {
    const Token &prev = pos_ > 0 ? toks_[pos_ - 1] : toks_[0];
    bool lineStart = pos_ == 0 || prev.kind == TokKind::Newline || prev.kind == TokKind::Dedent ||
                     prev.kind == TokKind::Indent;
    if (level <= 0 && lineStart &&
        (atKw("def") || atOp("@") || atKw("import") || atKw("from") || atKw("class")))
      return;
    if (at(TokKind::Indent)) ++level;
    if (at(TokKind::Dedent)) --level;
    consume();
  }
}

//===----------------------------------------------------------------------===//
// Node construction
//===----------------------------------------------------------------------===//

unsigned Parser::height(const Expr *e) const {
  if (!e) return 0;
  return e->height;
}

/// The height of a new node from its children's (recorded) heights.
unsigned Parser::record(Expr *e) {
  unsigned h = 0;
  auto see = [&](const Expr *c) { h = std::max(h, height(c)); };
  auto seeAll = [&](const std::vector<ExprPtr> &v) {
    for (auto &c : v) see(c.get());
  };
  switch (e->kind) {
  case ExprKind::Attribute: see(static_cast<const Attribute *>(e)->value.get()); break;
  case ExprKind::Subscript:
    see(static_cast<const Subscript *>(e)->value.get());
    seeAll(static_cast<const Subscript *>(e)->indices);
    break;
  case ExprKind::Call: seeAll(static_cast<const Call *>(e)->args); break;
  case ExprKind::BinOp:
    see(static_cast<const BinOp *>(e)->lhs.get());
    see(static_cast<const BinOp *>(e)->rhs.get());
    break;
  case ExprKind::UnaryOp: see(static_cast<const UnaryOp *>(e)->operand.get()); break;
  case ExprKind::BoolOp: seeAll(static_cast<const BoolOp *>(e)->operands); break;
  case ExprKind::Compare: seeAll(static_cast<const Compare *>(e)->operands); break;
  case ExprKind::IfExp:
    see(static_cast<const IfExp *>(e)->cond.get());
    see(static_cast<const IfExp *>(e)->then.get());
    see(static_cast<const IfExp *>(e)->orelse.get());
    break;
  case ExprKind::Tuple: seeAll(static_cast<const Tuple *>(e)->elts); break;
  default: break;
  }
  e->height = h + 1;
  return h + 1;
}

/// Builds an expression node and records its height; a tree taller than
/// kMaxHeight is an error (later phases recurse over it).
template <typename T, typename... Args> std::unique_ptr<T> Parser::node(Args &&...args) {
  auto n = std::make_unique<T>(std::forward<Args>(args)...);
  if (record(n.get()) > kMaxHeight)
    fail(DiagKind::Unsupported, n->range,
         {"an expression nested deeper than " + std::to_string(kMaxHeight) + " levels"});
  return n;
}

//===----------------------------------------------------------------------===//
// Top level
//===----------------------------------------------------------------------===//

// module := (NEWLINE | import_stmt | from_stmt | decorator* def | class)* EOF
std::unique_ptr<Module> Parser::parseModule() {
  auto m = std::make_unique<Module>();
  m->buffer = buffer_;
  while (!at(TokKind::EndOfFile)) {
    size_t start = pos_;
    try {
      parseTopLevel(*m);
    } catch (const ParseError &) {
      skipToNextTopLevel();
    }
    if (pos_ == start && !at(TokKind::EndOfFile)) consume();
  }
  return m;
}

// top_level := NEWLINE | STRING+ NEWLINE (a module docstring)
//            | import_stmt | from_stmt | decorator* def | class_def
//            | NAME '=' expr NEWLINE    (a module constant, checked by Sema)
void Parser::parseTopLevel(Module &m) {
  if (at(TokKind::Newline) || at(TokKind::Dedent)) {
    consume();
    return;
  }
  if (at(TokKind::Indent)) {
    error(DiagKind::UnexpectedIndent, tok().range);
    skipBlock();
    return;
  }
  if (atKw("import") || atKw("from")) {
    parseImport();
    return;
  }
  if (at(TokKind::String)) {
    size_t k = 0;
    while (tok(k).kind == TokKind::String) ++k;
    if (tok(k).kind == TokKind::Newline || tok(k).kind == TokKind::EndOfFile) {
      parseStrings();
      expectNewline();
      return;
    }
  }
  if (atOp("@")) {
    parseDecorators();
    if (atKw("class")) {
      unsupportedCompound("a class definition");
      return;
    }
    if (!atKw("def")) failExpected("'def' after a decorator");
  }
  if (atKw("def")) {
    parseDef(m);
    return;
  }
  if (at(TokKind::Identifier) && tok(1).isOp("=")) {
    SourceLoc b = tok().range.begin;
    const Token &n = consume();
    auto name = std::make_unique<Name>(n.range, n.text);
    consume(); // '='
    ExprPtr value = parseExpr();
    m.constants.push_back({std::move(name), std::move(value), from(b)});
    expectNewline();
    return;
  }
  if (atKw("class")) {
    unsupportedCompound("a class definition");
    return;
  }
  fail(DiagKind::TopLevelStatement, tok().range);
}

// import_stmt := 'import' dotted_name ['as' NAME] (',' dotted_name ['as' NAME])* NEWLINE
// from_stmt := 'from' ('.' | '...')* [dotted_name] 'import'
//              ('*' | '(' import_names [','] ')' | import_names) NEWLINE
// import_names := NAME ['as' NAME] (',' NAME ['as' NAME])*
// dotted_name := NAME ('.' NAME)*
// Both are checked for syntax and otherwise ignored.
void Parser::parseImport() {
  auto dotted = [&] {
    expectName();
    while (acceptOp(".")) expectName();
  };
  auto names = [&](bool parens) {
    do {
      if (parens && atOp(")")) break;
      expectName();
      if (acceptKw("as")) expectName();
    } while (acceptOp(","));
  };
  if (acceptKw("import")) {
    do {
      dotted();
      if (acceptKw("as")) expectName();
    } while (acceptOp(","));
  } else {
    expectKw("from");
    bool relative = false;
    while (atOp(".") || atOp("...")) {
      consume();
      relative = true;
    }
    if (!relative || !atKw("import")) dotted();
    expectKw("import");
    if (acceptOp("*")) {
    } else if (acceptOp("(")) {
      names(true);
      expectOp(")");
    } else {
      names(false);
    }
  }
  expectNewline();
}

// decorator := '@' dotted_name ['(' <anything balanced> ')'] NEWLINE
// Decorators are checked for shape and ignored.
void Parser::parseDecorators() {
  while (atOp("@")) {
    consume();
    expectName();
    while (acceptOp(".")) expectName();
    if (atOp("(")) {
      int level = 0;
      do {
        if (atOp("(")) ++level;
        if (atOp(")")) --level;
        consume();
      } while (level > 0 && !at(TokKind::Newline) && !at(TokKind::EndOfFile));
    }
    expectNewline();
    while (at(TokKind::Newline)) consume();
  }
}

// def := 'def' NAME '(' [params] ')' ['->' annotation] ':' suite
// The return annotation (any balanced tokens up to the ':') is ignored.
void Parser::parseDef(Module &m) {
  const Token &defTok = consume();
  auto d = std::make_unique<Def>();
  try {
    const Token &name = expectName();
    d->name = name.text;
    d->nameRange = name.range;
    expectOp("(");
    parseParams(*d);
    expectOp(")");
    if (atOp("->")) {
      consume();
      if (atOp(":") || at(TokKind::Newline)) failExpected("a return annotation");
      int level = 0;
      while (!at(TokKind::Newline) && !at(TokKind::EndOfFile) && !(level == 0 && atOp(":"))) {
        if (atOp("(") || atOp("[") || atOp("{")) ++level;
        if (atOp(")") || atOp("]") || atOp("}")) --level;
        consume();
      }
    }
    expectOp(":");
  } catch (const ParseError &) {
    // A broken header: report the errors of its body, keep nothing.
    recoverInBlock();
    return;
  }
  bool missingIndent = at(TokKind::Newline) && tok(1).kind != TokKind::Indent;
  d->body = parseSuite("function definition on line " + lineOf(defTok));
  if (missingIndent) {
    // `def f():` followed by an unindented body: take the following lines
    // up to the next top-level item as the body, so that they do not each
    // become a top-level error.
    while (!at(TokKind::EndOfFile) && !at(TokKind::Dedent) && !atKw("def") && !atOp("@") &&
           !atKw("import") && !atKw("from") && !atKw("class"))
      parseStatement(d->body);
  }
  d->range = from(defTok.range.begin);
  if (const Def *prev = m.find(d->name)) {
    diags_.report(DiagKind::DuplicateFunction, d->nameRange, {d->name})
        .note(DiagKind::NoteDefinedHere, prev->nameRange, {d->name});
    return;
  }
  m.defs.push_back(std::move(d));
}

// params := param (',' param)* [',']
// param := NAME [':' expr]
// Unsupported: defaults (NAME '=' expr), '*args', '**kwargs', '/', '*'.
void Parser::parseParams(Def &d) {
  while (!atOp(")")) {
    if (atOp("*") || atOp("**") || atOp("/")) {
      const Token &star = consume();
      if (star.text == "/") {
        error(DiagKind::Unsupported, star.range, {"the positional-only marker '/'"});
      } else {
        error(DiagKind::Unsupported, star.range,
              {star.text == "*" ? "a '*args' parameter" : "a '**kwargs' parameter"});
        if (at(TokKind::Identifier)) consume();
        if (acceptOp(":")) parseExpr();
      }
    } else {
      const Token &name = expectName();
      Param p;
      p.name = node<Name>(name.range, name.text);
      if (acceptOp(":")) p.annotation = parseExpr();
      if (atOp("=")) {
        SourceLoc b = consume().range.begin;
        parseExpr();
        error(DiagKind::Unsupported, from(b), {"a default parameter value"});
      }
      p.range = from(name.range.begin);
      const Param *dup = nullptr;
      for (const Param &q : d.params)
        if (q.name->id == name.text) dup = &q;
      if (dup) {
        if (!lexErrorOnThisLine())
          diags_.report(DiagKind::DuplicateParameter, name.range, {name.text, d.name})
              .note(DiagKind::NoteDeclaredHere, dup->name->range, {name.text});
      } else {
        d.params.push_back(std::move(p));
      }
    }
    if (!acceptOp(",")) break;
  }
}

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

// suite := simple_stmts | NEWLINE INDENT statement+ DEDENT
// `after` names the header for "expected an indented block after ...".
Block Parser::parseSuite(const std::string &after) {
  Block body;
  if (!at(TokKind::Newline)) {
    // One-line body: `for i in range(3): a[i] = 0`.
    if (atKw("for") || atKw("while") || atKw("if") || atKw("def") || atKw("class") ||
        atKw("with") || atKw("try")) {
      error(DiagKind::ExpectedToken, tok().range,
            {"a line break before a compound statement", describe(tok())});
      recoverInBlock();
      return body;
    }
    size_t start = pos_;
    try {
      parseSimpleStmts(body);
    } catch (const ParseError &) {
      recoverInBlock();
    }
    if (pos_ == start && !at(TokKind::EndOfFile) && !at(TokKind::Dedent)) consume();
    return body;
  }
  consume(); // NEWLINE
  if (!at(TokKind::Indent)) {
    error(DiagKind::ExpectedIndent, tok().range, {after});
    return body;
  }
  if (depth_ + 1 > kMaxDepth) {
    error(DiagKind::Unsupported, tok().range,
          {"nesting deeper than " + std::to_string(kMaxDepth) + " levels"});
    skipBlock();
    return body;
  }
  ++depth_;
  consume(); // INDENT
  while (!at(TokKind::Dedent) && !at(TokKind::EndOfFile)) parseStatement(body);
  if (at(TokKind::Dedent)) consume();
  --depth_;
  return body;
}

// statement := compound_stmt | simple_stmts
// Catches a fatal error of the statement and recovers at the next line.
void Parser::parseStatement(Block &out) {
  size_t start = pos_;
  try {
    parseStatementInner(out);
  } catch (const ParseError &) {
    recoverInBlock();
  }
  if (pos_ == start && !at(TokKind::EndOfFile) && !at(TokKind::Dedent)) consume();
}

// compound_stmt := if_stmt | for_stmt | while_stmt
//                | <unsupported: def, class, with, try, async, decorators>
void Parser::parseStatementInner(Block &out) {
  if (at(TokKind::Newline)) { // an empty line left by a lexer error
    consume();
    return;
  }
  if (at(TokKind::Indent)) {
    // Unexpected indent: report it, then take the indented lines as if
    // they were not indented.
    error(DiagKind::UnexpectedIndent, tok().range);
    DepthGuard g(*this, tok().range);
    consume();
    while (!at(TokKind::Dedent) && !at(TokKind::EndOfFile)) parseStatement(out);
    if (at(TokKind::Dedent)) consume();
    return;
  }
  if (atKw("if")) {
    out.push_back(parseIf());
    return;
  }
  if (atKw("for")) {
    out.push_back(parseFor());
    return;
  }
  if (atKw("while")) {
    out.push_back(parseWhile());
    return;
  }
  if (atKw("def") || atOp("@")) return unsupportedCompound("a nested def");
  if (atKw("class")) return unsupportedCompound("a class definition");
  if (atKw("with")) return unsupportedCompound("a 'with' statement");
  if (atKw("try")) return unsupportedCompound("a 'try' statement");
  if (atKw("async")) return unsupportedCompound("'async'");
  if (atKw("elif") || atKw("else") || atKw("except") || atKw("finally"))
    fail(DiagKind::ExpectedStatement, tok().range, {describe(tok())});
  parseSimpleStmts(out);
}

/// Reports a compound statement hybrid script does not have and skips it
/// with its block (and, for `try`, its except/else/finally clauses).
void Parser::unsupportedCompound(const std::string &what) {
  bool isTry = atKw("try");
  error(DiagKind::Unsupported, tok().range, {what});
  do {
    if (atOp("@")) { // decorators, then the def they decorate
      while (atOp("@")) skipToLineEnd();
    }
    skipToLineEnd();
    skipBlock();
  } while (isTry && (atKw("except") || atKw("else") || atKw("finally")));
}

// simple_stmts := simple_stmt (';' simple_stmt)* [';'] NEWLINE
void Parser::parseSimpleStmts(Block &out) {
  while (true) {
    parseSimpleStmt(out);
    if (!acceptOp(";")) break;
    if (at(TokKind::Newline)) break;
  }
  expectNewline();
}

// simple_stmt := 'pass' | 'break' | 'continue' | return_stmt | assert_stmt
//              | expr_or_assign_stmt
//              | <unsupported: import, from, raise, global, nonlocal, del, yield>
void Parser::parseSimpleStmt(Block &out) {
  const Token &t = tok();
  if (t.kind == TokKind::Keyword) {
    if (t.text == "pass") {
      out.push_back(std::make_unique<Pass>(consume().range));
      return;
    }
    if (t.text == "break") {
      out.push_back(std::make_unique<Break>(consume().range));
      return;
    }
    if (t.text == "continue") {
      out.push_back(std::make_unique<Continue>(consume().range));
      return;
    }
    if (t.text == "return") {
      out.push_back(parseReturn());
      return;
    }
    if (t.text == "assert") {
      out.push_back(parseAssert());
      return;
    }
    if (t.text == "import" || t.text == "from") unsupported(t.range, "'import' inside a def");
    if (t.text == "raise") unsupported(t.range, "'raise' (use 'assert cond, \"message\"')");
    if (t.text == "global") unsupported(t.range, "a 'global' declaration");
    if (t.text == "nonlocal") unsupported(t.range, "a 'nonlocal' declaration");
    if (t.text == "del") unsupported(t.range, "a 'del' statement");
  }
  parseExprOrAssign(out);
}

// return_stmt := 'return' [expr_list]
StmtPtr Parser::parseReturn() {
  SourceLoc b = consume().range.begin;
  ExprPtr value;
  if (!at(TokKind::Newline) && !atOp(";") && !at(TokKind::EndOfFile)) value = parseExprList();
  return std::make_unique<Return>(from(b), std::move(value));
}

// assert_stmt := 'assert' expr [',' expr]
StmtPtr Parser::parseAssert() {
  SourceLoc b = consume().range.begin;
  ExprPtr cond = parseExpr();
  if (auto *t = dyn_cast<Tuple>(cond.get()); t && !t->elts.empty())
    error(DiagKind::Unsupported, t->range,
          {"asserting a tuple (always true; write 'assert cond, \"message\"')"});
  ExprPtr msg;
  if (acceptOp(",")) msg = parseExpr();
  return std::make_unique<Assert>(from(b), std::move(cond), std::move(msg));
}

/// What an expression is, for "cannot assign to ...".
static std::string describeTarget(const Expr &e) {
  switch (e.kind) {
  case ExprKind::IntLit:
  case ExprKind::FloatLit:
  case ExprKind::BoolLit:
  case ExprKind::StrLit: return "a literal";
  case ExprKind::Name: return "a name";
  case ExprKind::Attribute: return "an attribute";
  case ExprKind::Subscript: return "a subscript";
  case ExprKind::Call: return "a function call";
  case ExprKind::BinOp:
  case ExprKind::UnaryOp: return "an operator expression";
  case ExprKind::BoolOp: return "a boolean expression";
  case ExprKind::Compare: return "a comparison";
  case ExprKind::IfExp: return "a conditional expression";
  case ExprKind::Tuple: return "a tuple";
  }
  return "an expression";
}

/// A store target is a Name or a Subscript.
void Parser::checkTarget(const Expr &e, const char *context) {
  if (isa<Name>(&e) || isa<Subscript>(&e)) return;
  if (isa<Tuple>(&e)) unsupported(e.range, "nested tuple unpacking");
  fail(DiagKind::InvalidAssignTarget, e.range, {describeTarget(e) + context});
}

// expr_or_assign_stmt := expr_list
//                      | expr_list '=' expr_list              (targets: NAME or subscript)
//                      | target augassign expr
//                      | NAME ':' expr ['=' expr_list]        (unsupported)
// augassign := '+=' | '-=' | '*=' | '/=' | '//=' | '%=' | '&=' | '|=' | '^='
void Parser::parseExprOrAssign(Block &out) {
  SourceLoc b = tok().range.begin;
  ExprPtr lhs = parseExprList();
  if (atOp("=")) {
    consume();
    std::vector<ExprPtr> targets;
    if (auto *t = dyn_cast<Tuple>(lhs.get())) {
      if (t->elts.empty()) fail(DiagKind::InvalidAssignTarget, t->range, {"an empty tuple"});
      for (auto &e : t->elts) targets.push_back(std::move(e));
    } else {
      targets.push_back(std::move(lhs));
    }
    for (auto &t : targets) checkTarget(*t, "");
    ExprPtr value = parseExprList();
    if (atOp("=")) {
      SourceLoc cb = tok().range.begin;
      while (acceptOp("=")) value = parseExprList();
      error(DiagKind::Unsupported, from(cb),
            {"chained assignment (to unpack several outputs write 'x, y = f(...)')"});
    }
    out.push_back(std::make_unique<Assign>(from(b), std::move(targets), std::move(value)));
    return;
  }
  static const struct {
    const char *op;
    BinOpKind kind;
  } kAug[] = {{"+=", BinOpKind::Add},    {"-=", BinOpKind::Sub},       {"*=", BinOpKind::Mul},
              {"/=", BinOpKind::Div},    {"//=", BinOpKind::FloorDiv}, {"%=", BinOpKind::Mod},
              {"&=", BinOpKind::BitAnd}, {"|=", BinOpKind::BitOr},     {"^=", BinOpKind::BitXor}};
  for (const auto &a : kAug) {
    if (!atOp(a.op)) continue;
    SourceRange opRange = consume().range;
    if (isa<Tuple>(lhs.get()))
      fail(DiagKind::InvalidAssignTarget, lhs->range, {"a tuple in an augmented assignment"});
    checkTarget(*lhs, "");
    ExprPtr value = parseExpr();
    out.push_back(
        std::make_unique<AugAssign>(from(b), std::move(lhs), a.kind, std::move(value), opRange));
    return;
  }
  if (atOp("**=") || atOp("<<=") || atOp(">>=") || atOp("@="))
    unsupported(tok().range, "the '" + tok().text + "' operator");
  if (atOp(":")) {
    // Annotated assignment: reported, then kept as a plain assignment.
    SourceLoc cb = consume().range.begin;
    if (!isa<Name>(lhs.get())) checkTarget(*lhs, "");
    parseExpr();
    error(DiagKind::Unsupported, from(cb),
          {"annotated assignment (a variable takes the type of its first value; "
           "write 'x = int32(...)')"});
    if (acceptOp("=")) {
      std::vector<ExprPtr> targets;
      targets.push_back(std::move(lhs));
      ExprPtr value = parseExprList();
      out.push_back(std::make_unique<Assign>(from(b), std::move(targets), std::move(value)));
    }
    return;
  }
  out.push_back(std::make_unique<ExprStmt>(from(b), std::move(lhs)));
}

// if_stmt := 'if' expr ':' suite ('elif' expr ':' suite)* ['else' ':' suite]
// An elif is an If (isElif) as the only statement of the orelse block.
StmtPtr Parser::parseIf() {
  const Token &kw = consume(); // 'if' or 'elif'
  bool isElif = kw.text == "elif";
  DepthGuard g(*this, kw.range);
  SourceLoc b = kw.range.begin;
  std::string after = "'" + kw.text + "' statement on line " + lineOf(kw);
  ExprPtr cond = parseExpr();
  expectConditionColon();
  Block then = parseSuite(after);
  Block orelse;
  if (atKw("elif")) {
    orelse.push_back(parseIf());
  } else if (atKw("else")) {
    const Token &e = consume();
    std::string afterElse = "'else' statement on line " + lineOf(e);
    expectOp(":");
    orelse = parseSuite(afterElse);
  }
  auto s = std::make_unique<If>(from(b), std::move(cond), std::move(then), std::move(orelse));
  s->isElif = isElif;
  return s;
}

// for_stmt := 'for' for_targets 'in' expr_list ':' suite
StmtPtr Parser::parseFor() {
  const Token &kw = consume();
  SourceLoc b = kw.range.begin;
  auto vars = parseForTargets();
  expectKw("in");
  ExprPtr iter = parseExprList();
  expectOp(":");
  Block body = parseSuite("'for' statement on line " + lineOf(kw));
  auto s = std::make_unique<For>(from(b), std::move(vars), std::move(iter), std::move(body));
  if (atKw("else")) unsupportedCompound("an 'else' clause on a loop");
  return s;
}

// for_targets := target_name (',' target_name)* [','] | '(' for_targets ')'
// target_name := NAME
std::vector<std::unique_ptr<Name>> Parser::parseForTargets() {
  std::vector<ExprPtr> items;
  SourceLoc b = tok().range.begin;
  do {
    if (atKw("in")) break;
    items.push_back(parseBitOr()); // below comparisons: 'in' ends the targets
  } while (acceptOp(","));
  if (items.empty()) fail(DiagKind::ExpectedExpression, tok().range, {describe(tok())});
  if (items.size() == 1 && isa<Tuple>(items[0].get())) {
    auto t = std::move(items[0]);
    items = std::move(cast<Tuple>(t.get())->elts);
    if (items.empty()) fail(DiagKind::InvalidAssignTarget, from(b), {"an empty tuple"});
  }
  std::vector<std::unique_ptr<Name>> vars;
  for (auto &e : items) {
    if (isa<Tuple>(e.get())) unsupported(e->range, "nested tuple unpacking");
    if (!isa<Name>(e.get()))
      fail(DiagKind::InvalidAssignTarget, e->range,
           {describeTarget(*e) + " (a loop variable must be a name)"});
    vars.emplace_back(cast<Name>(e.release()));
  }
  return vars;
}

// while_stmt := 'while' expr ':' suite
StmtPtr Parser::parseWhile() {
  const Token &kw = consume();
  SourceLoc b = kw.range.begin;
  ExprPtr cond = parseExpr();
  expectConditionColon();
  Block body = parseSuite("'while' statement on line " + lineOf(kw));
  auto s = std::make_unique<While>(from(b), std::move(cond), std::move(body));
  if (atKw("else")) unsupportedCompound("an 'else' clause on a loop");
  return s;
}

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

// expr_list := expr (',' expr)* [',']        -- a Tuple when there is a comma
ExprPtr Parser::parseExprList() {
  SourceLoc b = tok().range.begin;
  if (atOp("*")) unsupported(tok().range, "a starred expression");
  ExprPtr first = parseExpr();
  if (!atOp(",")) return first;
  std::vector<ExprPtr> elts;
  elts.push_back(std::move(first));
  while (acceptOp(",")) {
    if (at(TokKind::Newline) || atOp("=") || atOp(")") || atOp(";") || atOp(":") ||
        at(TokKind::EndOfFile))
      break;
    if (atOp("*")) unsupported(tok().range, "a starred expression");
    elts.push_back(parseExpr());
  }
  return node<Tuple>(from(b), std::move(elts));
}

// expr := 'lambda' ... (unsupported) | ifexp [':=' expr (unsupported)]
ExprPtr Parser::parseExpr() {
  DepthGuard g(*this, tok().range);
  if (atKw("lambda")) unsupported(tok().range, "'lambda'");
  ExprPtr e = parseIfExp();
  if (atOp(":=")) {
    SourceRange op = consume().range;
    error(DiagKind::Unsupported, op, {"an assignment expression (':=')"});
    return parseExpr();
  }
  return e;
}

// ifexp := or_test ['if' or_test 'else' expr]
ExprPtr Parser::parseIfExp() {
  SourceLoc b = tok().range.begin;
  ExprPtr then = parseOrTest();
  if (!atKw("if")) return then;
  consume();
  ExprPtr cond = parseOrTest();
  expectKw("else");
  ExprPtr orelse = parseExpr();
  return node<IfExp>(from(b), std::move(cond), std::move(then), std::move(orelse));
}

// or_test := and_test ('or' and_test)*
ExprPtr Parser::parseOrTest() {
  SourceLoc b = tok().range.begin;
  ExprPtr first = parseAndTest();
  if (!atKw("or")) return first;
  std::vector<ExprPtr> ops;
  ops.push_back(std::move(first));
  while (acceptKw("or")) ops.push_back(parseAndTest());
  return node<BoolOp>(from(b), false, std::move(ops));
}

// and_test := not_test ('and' not_test)*
ExprPtr Parser::parseAndTest() {
  SourceLoc b = tok().range.begin;
  ExprPtr first = parseNotTest();
  if (!atKw("and")) return first;
  std::vector<ExprPtr> ops;
  ops.push_back(std::move(first));
  while (acceptKw("and")) ops.push_back(parseNotTest());
  return node<BoolOp>(from(b), true, std::move(ops));
}

// not_test := 'not' not_test | comparison
ExprPtr Parser::parseNotTest() {
  if (!atKw("not")) return parseComparison();
  const Token &kw = consume();
  DepthGuard g(*this, kw.range);
  ExprPtr operand = parseNotTest();
  return node<UnaryOp>(from(kw.range.begin), UnaryOpKind::Not, std::move(operand));
}

// comparison := bitor (comp_op bitor)*
// comp_op := '<' | '>' | '<=' | '>=' | '==' | '!='
//          | 'in' | 'not' 'in' | 'is' ['not']        (unsupported)
// A chain a < b <= c is one Compare node.
ExprPtr Parser::parseComparison() {
  SourceLoc b = tok().range.begin;
  ExprPtr first = parseBitOr();
  std::vector<ExprPtr> operands;
  std::vector<CmpOpKind> ops;
  while (true) {
    static const struct {
      const char *op;
      CmpOpKind kind;
    } kCmp[] = {{"<", CmpOpKind::Lt},  {"<=", CmpOpKind::Le}, {">", CmpOpKind::Gt},
                {">=", CmpOpKind::Ge}, {"==", CmpOpKind::Eq}, {"!=", CmpOpKind::Ne}};
    bool found = false;
    for (const auto &c : kCmp) {
      if (atOp(c.op)) {
        consume();
        ops.push_back(c.kind);
        found = true;
        break;
      }
    }
    if (!found) {
      if (atKw("in") || (atKw("not") && tok(1).isKeyword("in"))) {
        SourceLoc ob = tok().range.begin;
        if (atKw("not")) consume();
        consume();
        error(DiagKind::Unsupported, from(ob), {"the 'in' operator"});
        ops.push_back(CmpOpKind::Eq);
      } else if (atKw("is")) {
        SourceLoc ob = consume().range.begin;
        acceptKw("not");
        error(DiagKind::Unsupported, from(ob), {"the 'is' operator"});
        ops.push_back(CmpOpKind::Eq);
      } else {
        break;
      }
    }
    if (operands.empty()) operands.push_back(std::move(first));
    operands.push_back(parseBitOr());
  }
  if (ops.empty()) return first;
  return node<Compare>(from(b), std::move(operands), std::move(ops));
}

// bitor := bitxor ('|' bitxor)*
ExprPtr Parser::parseBitOr() {
  SourceLoc b = tok().range.begin;
  ExprPtr lhs = parseBitXor();
  while (atOp("|")) {
    SourceRange op = consume().range;
    ExprPtr rhs = parseBitXor();
    lhs = node<BinOp>(from(b), BinOpKind::BitOr, std::move(lhs), std::move(rhs), op);
  }
  return lhs;
}

// bitxor := bitand ('^' bitand)*
ExprPtr Parser::parseBitXor() {
  SourceLoc b = tok().range.begin;
  ExprPtr lhs = parseBitAnd();
  while (atOp("^")) {
    SourceRange op = consume().range;
    ExprPtr rhs = parseBitAnd();
    lhs = node<BinOp>(from(b), BinOpKind::BitXor, std::move(lhs), std::move(rhs), op);
  }
  return lhs;
}

// bitand := shift ('&' shift)*
ExprPtr Parser::parseBitAnd() {
  SourceLoc b = tok().range.begin;
  ExprPtr lhs = parseShift();
  while (atOp("&")) {
    SourceRange op = consume().range;
    ExprPtr rhs = parseShift();
    lhs = node<BinOp>(from(b), BinOpKind::BitAnd, std::move(lhs), std::move(rhs), op);
  }
  return lhs;
}

// shift := arith (('<<' | '>>') arith)*      (shifts are unsupported)
ExprPtr Parser::parseShift() {
  ExprPtr lhs = parseArith();
  while (atOp("<<") || atOp(">>")) {
    const Token &op = consume();
    parseArith();
    error(DiagKind::Unsupported, op.range, {"the '" + op.text + "' operator"});
  }
  return lhs;
}

// arith := term (('+' | '-') term)*
ExprPtr Parser::parseArith() {
  SourceLoc b = tok().range.begin;
  ExprPtr lhs = parseTerm();
  while (atOp("+") || atOp("-")) {
    const Token &t = consume();
    BinOpKind k = t.text == "+" ? BinOpKind::Add : BinOpKind::Sub;
    ExprPtr rhs = parseTerm();
    lhs = node<BinOp>(from(b), k, std::move(lhs), std::move(rhs), t.range);
  }
  return lhs;
}

// term := factor (('*' | '/' | '//' | '%' | '@') factor)*     ('@' is unsupported)
ExprPtr Parser::parseTerm() {
  SourceLoc b = tok().range.begin;
  ExprPtr lhs = parseFactor();
  while (true) {
    BinOpKind k;
    if (atOp("*"))
      k = BinOpKind::Mul;
    else if (atOp("/"))
      k = BinOpKind::Div;
    else if (atOp("//"))
      k = BinOpKind::FloorDiv;
    else if (atOp("%"))
      k = BinOpKind::Mod;
    else if (atOp("@")) {
      SourceRange op = consume().range;
      parseFactor();
      error(DiagKind::Unsupported, op, {"the '@' operator (matrix multiplication)"});
      continue;
    } else
      break;
    SourceRange op = consume().range;
    ExprPtr rhs = parseFactor();
    lhs = node<BinOp>(from(b), k, std::move(lhs), std::move(rhs), op);
  }
  return lhs;
}

// factor := ('+' | '-' | '~') factor | power
ExprPtr Parser::parseFactor() {
  UnaryOpKind k;
  if (atOp("-"))
    k = UnaryOpKind::Neg;
  else if (atOp("+"))
    k = UnaryOpKind::Plus;
  else if (atOp("~"))
    k = UnaryOpKind::Invert;
  else
    return parsePower();
  const Token &op = consume();
  DepthGuard g(*this, op.range);
  ExprPtr operand = parseFactor();
  return node<UnaryOp>(from(op.range.begin), k, std::move(operand));
}

// power := primary ['**' factor]      ('**' is unsupported; kept as power(a, b))
ExprPtr Parser::parsePower() {
  SourceLoc b = tok().range.begin;
  if (atKw("await")) unsupported(tok().range, "'await'");
  ExprPtr base = parsePrimary();
  if (!atOp("**")) return base;
  SourceRange op = consume().range;
  ExprPtr exp = parseFactor();
  error(DiagKind::Unsupported, op, {"the '**' operator (use power(a, b))"});
  std::vector<ExprPtr> args;
  args.push_back(std::move(base));
  args.push_back(std::move(exp));
  return node<Call>(from(b), "power", op, std::move(args));
}

// primary := atom trailer*
// trailer := '(' [arglist] ')' | '[' subscript_list ']' | '.' NAME
ExprPtr Parser::parsePrimary() {
  SourceLoc b = tok().range.begin;
  ExprPtr e = parseAtom();
  while (true) {
    if (atOp("(")) {
      e = parseCall(std::move(e), b);
    } else if (atOp("[")) {
      e = parseSubscript(std::move(e), b);
    } else if (atOp(".")) {
      consume();
      const Token &name = expectName();
      e = node<Attribute>(from(b), std::move(e), name.text, name.range);
    } else {
      return e;
    }
  }
}

// call := NAME '(' [arglist] ')'
// arglist := argument (',' argument)* [',']
// argument := expr | NAME '=' expr
//           | '*' expr | '**' expr | expr comp_for   (unsupported)
ExprPtr Parser::parseCall(ExprPtr callee, SourceLoc begin) {
  if (!isa<Name>(callee.get())) {
    std::string text(sm_.text(callee->range));
    if (isa<Attribute>(callee.get()))
      unsupported(callee->range, "calling an attribute ('" + text + "(...)')");
    unsupported(callee->range, "calling '" + text + "' (only names can be called)");
  }
  consume(); // '('
  std::vector<ExprPtr> args;
  std::vector<std::pair<std::string, SourceRange>> keywords;
  bool anyKeyword = false;
  while (!atOp(")")) {
    if (atOp("*") || atOp("**")) unsupported(tok().range, "a starred argument");
    if (at(TokKind::Identifier) && tok(1).isOp("=")) {
      const Token &kw = consume();
      consume();
      keywords.push_back({kw.text, kw.range});
      args.push_back(parseExpr());
      anyKeyword = true;
    } else {
      SourceLoc at = tok().range.begin;
      args.push_back(parseExpr());
      if (anyKeyword) error(DiagKind::PositionalAfterKeyword, from(at), {});
      keywords.push_back({"", SourceRange()});
      if (atKw("for")) unsupported(tok().range, "a generator expression");
    }
    if (!acceptOp(",")) break;
  }
  expectOp(")");
  auto *name = cast<Name>(callee.get());
  auto call = node<Call>(from(begin), name->id, name->range, std::move(args));
  if (anyKeyword) cast<Call>(call.get())->keywords = std::move(keywords);
  return call;
}

// subscript_list := subscript (',' subscript)* [',']
ExprPtr Parser::parseSubscript(ExprPtr value, SourceLoc begin) {
  consume(); // '['
  std::vector<ExprPtr> indices;
  bool reportedSlice = false;
  do {
    if (atOp("]") && !indices.empty()) break;
    indices.push_back(parseSubscriptItem(reportedSlice));
  } while (acceptOp(","));
  expectOp("]");
  return node<Subscript>(from(begin), std::move(value), std::move(indices));
}

// subscript := expr | [expr] ':' [expr] [':' [expr]]      (slices are unsupported)
ExprPtr Parser::parseSubscriptItem(bool &reportedSlice) {
  SourceLoc b = tok().range.begin;
  ExprPtr lo;
  if (!atOp(":")) lo = parseExpr();
  if (!atOp(":")) return lo;
  auto endsPart = [&] { return atOp(":") || atOp(",") || atOp("]"); };
  consume();
  if (!endsPart()) parseExpr();
  if (acceptOp(":") && !endsPart()) parseExpr();
  if (!reportedSlice) error(DiagKind::Unsupported, from(b), {"slicing"});
  reportedSlice = true;
  if (lo) return lo;
  return node<IntLit>(from(b), 0);
}

// atom := NAME | NUMBER | STRING+ | 'True' | 'False' | '(' [expr_list] ')'
//       | 'None' | '[' ... ']' | '{' ... '}' | '...' | 'yield' | '*' expr  (unsupported)
ExprPtr Parser::parseAtom() {
  const Token &t = tok();
  switch (t.kind) {
  case TokKind::Identifier: consume(); return node<Name>(t.range, t.text);
  case TokKind::Int: {
    consume();
    std::string digits;
    for (char c : t.text)
      if (c != '_') digits += c;
    int base = 10;
    size_t skip = 0;
    if (digits.size() > 1 && digits[0] == '0') {
      char p = digits[1] | 0x20;
      if (p == 'x')
        base = 16, skip = 2;
      else if (p == 'o')
        base = 8, skip = 2;
      else if (p == 'b')
        base = 2, skip = 2;
    }
    int64_t v = 0;
    std::from_chars(digits.data() + skip, digits.data() + digits.size(), v, base);
    return node<IntLit>(t.range, v);
  }
  case TokKind::Float: {
    consume();
    std::string digits;
    for (char c : t.text)
      if (c != '_') digits += c;
    double v = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), v);
    return node<FloatLit>(t.range, v);
  }
  case TokKind::String: return parseStrings();
  case TokKind::Keyword:
    if (t.text == "True" || t.text == "False") {
      consume();
      return node<BoolLit>(t.range, t.text == "True");
    }
    if (t.text == "None") {
      consume();
      error(DiagKind::Unsupported, t.range, {"'None'"});
      return node<IntLit>(t.range, 0);
    }
    if (t.text == "lambda") unsupported(t.range, "'lambda'");
    if (t.text == "yield") unsupported(t.range, "'yield'");
    if (t.text == "await") unsupported(t.range, "'await'");
    break;
  case TokKind::Op:
    if (t.text == "(") return parseParenthesized();
    if (t.text == "[") {
      // Tell a comprehension from a list literal for the message.
      SourceRange r = t.range;
      consume();
      if (!atOp("]")) {
        parseExpr();
        if (atKw("for")) unsupported(r, "a list comprehension");
      }
      unsupported(r, "a list literal");
    }
    if (t.text == "{") unsupported(t.range, "a dict or set literal");
    if (t.text == "...") unsupported(t.range, "'...' (Ellipsis)");
    break;
  default: break;
  }
  fail(DiagKind::ExpectedExpression, t.range, {describe(t)});
}

// parenthesized := '(' ')' | '(' expr ')' | '(' expr ',' [expr (',' expr)* [',']] ')'
//                | '(' expr comp_for ')'  (unsupported)
// A parenthesised expression keeps its own range; a tuple's includes the
// parentheses.
ExprPtr Parser::parseParenthesized() {
  SourceLoc b = consume().range.begin; // '('
  std::vector<ExprPtr> elts;
  bool comma = false;
  while (!atOp(")")) {
    if (atOp("*")) unsupported(tok().range, "a starred expression");
    elts.push_back(parseExpr());
    if (atKw("for")) unsupported(tok().range, "a generator expression");
    if (!acceptOp(",")) break;
    comma = true;
  }
  expectOp(")");
  if (elts.size() == 1 && !comma) return std::move(elts[0]);
  return node<Tuple>(from(b), std::move(elts));
}

// strings := STRING+     (adjacent strings, f-strings and bytes are unsupported)
ExprPtr Parser::parseStrings() {
  SourceLoc b = tok().range.begin;
  std::string value;
  bool first = true, reportedConcat = false;
  while (at(TokKind::String)) {
    const Token &t = consume();
    std::string_view text = sm_.text(t.range);
    size_t q = text.find_first_of("'\"");
    std::string_view prefix = text.substr(0, q == std::string_view::npos ? 0 : q);
    if (prefix.find_first_of("fF") != std::string_view::npos)
      error(DiagKind::Unsupported, t.range, {"an f-string"});
    else if (prefix.find_first_of("bB") != std::string_view::npos)
      error(DiagKind::Unsupported, t.range, {"a bytes literal"});
    if (!first && !reportedConcat) {
      error(DiagKind::Unsupported, t.range, {"implicit string concatenation"});
      reportedConcat = true;
    }
    value += t.text;
    first = false;
  }
  return node<StrLit>(from(b), std::move(value));
}

} // namespace

std::unique_ptr<Module> parseModule(const SourceManager &sm, uint32_t buffer,
                                    DiagnosticEngine &diags) {
  return Parser(sm, buffer, diags).parseModule();
}

} // namespace hybridc
