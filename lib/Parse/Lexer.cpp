//===- Lexer.cpp - Python tokens with INDENT/DEDENT -----------------------===//
//
// Turns a .hy buffer into the whole token stream up front, following
// CPython's tokenizer: a NEWLINE ends each logical line that has tokens,
// INDENT/DEDENT track the indentation stack (with CPython's tab rule: a
// line's indentation must compare the same way with tabs of width 8 and of
// width 1), blank and comment-only lines vanish, newlines inside brackets and
// after `\` are joined. Numbers are validated here (decimal, 0x, 0o, 0b,
// underscores, floats with fraction and exponent); strings are decoded here
// (both quotes, triple quotes, escapes, r/b/u/f prefixes — the parser looks
// at the prefix through the token's source range).
//
// The lexer never stops early and never fails: every problem is a diagnostic
// and lexing continues, so the stream always ends with NEWLINE (when the last
// line had tokens), the DEDENTs that close every open block, and EndOfFile.
//
//===----------------------------------------------------------------------===//
#include "hybridc/Parse/Lexer.h"
#include "hybridc/Support/Utf8.h"

#include <cstdio>
#include <limits>

namespace hybridc {

namespace {

const char *const kKeywords[] = {
    "def",    "for",    "in",       "if",     "elif",  "else", "while", "break",  "continue",
    "return", "assert", "and",      "or",     "not",   "pass", "True",  "False",  "None",
    "import", "from",   "as",       "lambda", "class", "with", "try",   "except", "finally",
    "raise",  "global", "nonlocal", "yield",  "del",   "is",   "async", "await"};

// Operators, longest first so that a linear scan finds the longest match.
const char *const kOps[] = {"**=", "//=", ">>=", "<<=", "...", "->", "**", "//", "<<", ">>",
                            "<=",  ">=",  "==",  "!=",  ":=",  "+=", "-=", "*=", "/=", "%=",
                            "&=",  "|=",  "^=",  "@=",  "+",   "-",  "*",  "/",  "%",  "&",
                            "|",   "^",   "~",   "<",   ">",   "(",  ")",  "[",  "]",  "{",
                            "}",   ",",   ":",   ".",   ";",   "@",  "="};

bool isIdentStart(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool isIdentChar(unsigned char c) { return isIdentStart(c) || (c >= '0' && c <= '9'); }
bool isDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool isHexDigit(unsigned char c) {
  return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool isKeyword(std::string_view s) {
  for (const char *k : kKeywords)
    if (s == k) return true;
  return false;
}

/// Whether `s` is a valid Python string prefix (r, b, u, f, rb, br, fr, rf in
/// any case).
bool isStringPrefix(std::string_view s) {
  if (s.empty() || s.size() > 2) return false;
  bool r = false, b = false, u = false, f = false;
  for (char c : s) {
    switch (c) {
    case 'r':
    case 'R':
      if (r) return false;
      r = true;
      break;
    case 'b':
    case 'B':
      if (b) return false;
      b = true;
      break;
    case 'u':
    case 'U':
      if (u) return false;
      u = true;
      break;
    case 'f':
    case 'F':
      if (f) return false;
      f = true;
      break;
    default: return false;
    }
  }
  if (u && s.size() > 1) return false;
  if (b && f) return false;
  return true;
}

/// Length of a well-formed UTF-8 sequence starting at s[i] (0 when
/// malformed), and its code point.
size_t utf8Length(std::string_view s, size_t i, uint32_t &cp) {
  unsigned char c = (unsigned char)s[i];
  size_t n;
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    cp = c & 0x07;
  } else
    return 0;
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    unsigned char d = (unsigned char)s[i + k];
    if ((d & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return n;
}

/// How an offending character is shown in a diagnostic: itself when
/// printable ASCII, U+XXXX for other code points, \xHH for bytes that are not
/// UTF-8.
std::string showChar(std::string_view s, size_t i, size_t &len) {
  uint32_t cp = 0;
  len = utf8Length(s, i, cp);
  char buf[16];
  if (len == 0) {
    len = 1;
    std::snprintf(buf, sizeof buf, "\\x%02X", (unsigned char)s[i]);
    return buf;
  }
  if (len == 1 && cp >= 0x20 && cp < 0x7F) return std::string(1, (char)cp);
  if (len == 1) {
    std::snprintf(buf, sizeof buf, "\\x%02X", cp);
    return buf;
  }
  std::snprintf(buf, sizeof buf, "U+%04X", cp);
  return buf;
}

/// Whether the byte at s[i] can begin a token, whitespace or a comment
/// (everything else is an invalid character).
bool startsToken(std::string_view s, size_t i) {
  unsigned char c = (unsigned char)s[i];
  if (isIdentChar(c)) return true;
  if (c == '!') return i + 1 < s.size() && s[i + 1] == '=';
  switch (c) {
  case ' ':
  case '\t':
  case '\n':
  case '\r':
  case '\f':
  case '#':
  case '\\':
  case '\'':
  case '"':
  case '+':
  case '-':
  case '*':
  case '/':
  case '%':
  case '&':
  case '|':
  case '^':
  case '~':
  case '<':
  case '>':
  case '(':
  case ')':
  case '[':
  case ']':
  case '{':
  case '}':
  case ',':
  case ':':
  case '.':
  case ';':
  case '@':
  case '=': return true;
  default: return false;
  }
}

/// Keywords that can only begin a statement: seeing one at the start of a
/// line inside brackets means a bracket was left open.
bool startsStatementOnly(std::string_view w) {
  return w == "def" || w == "return" || w == "while" || w == "elif" || w == "pass" ||
         w == "break" || w == "continue" || w == "assert" || w == "import" || w == "class" ||
         w == "with" || w == "try" || w == "except" || w == "finally";
}

class Lexer {
public:
  Lexer(const SourceManager &sm, uint32_t buffer, DiagnosticEngine &diags)
      : src_(sm.contents(buffer)), buffer_(buffer), diags_(diags) {}

  std::vector<Token> run();

private:
  struct Level {
    unsigned col8, col1; // indentation width with tab size 8 and tab size 1
  };
  struct Bracket {
    char open;
    uint32_t offset;
  };

  SourceLoc loc(size_t off) const { return {buffer_, (uint32_t)off}; }
  SourceRange range(size_t b, size_t e) const { return {loc(b), loc(e)}; }
  char peek(size_t k = 0) const { return pos_ + k < src_.size() ? src_[pos_ + k] : '\0'; }
  bool atEnd(size_t k = 0) const { return pos_ + k >= src_.size(); }

  void push(TokKind k, std::string text, size_t b, size_t e) {
    toks_.push_back({k, std::move(text), range(b, e)});
  }
  void error(DiagKind k, size_t b, size_t e, std::vector<std::string> args = {}) {
    diags_.report(k, range(b, e), std::move(args));
  }

  bool lineStart();
  void lexToken();
  void lexNumber();
  void lexString(size_t start, size_t prefixLen);
  void closeOpenBrackets();
  void endLogicalLine(size_t b, size_t e);

  std::string_view src_;
  uint32_t buffer_;
  DiagnosticEngine &diags_;
  size_t pos_ = 0;
  std::vector<Token> toks_;
  std::vector<Level> indents_{{0, 0}};
  std::vector<Bracket> brackets_;
  bool lineHasTokens_ = false;
};

/// Emits NEWLINE for a logical line that had tokens.
void Lexer::endLogicalLine(size_t b, size_t e) {
  if (lineHasTokens_) push(TokKind::Newline, "", b, e);
  lineHasTokens_ = false;
}

/// Reports the innermost open bracket as unmatched and forgets all of them
/// (used at end of file and when a new statement clearly begins).
void Lexer::closeOpenBrackets() {
  if (brackets_.empty()) return;
  const Bracket &b = brackets_.back();
  error(DiagKind::UnbalancedBracket, b.offset, b.offset + 1, {std::string(1, b.open)});
  brackets_.clear();
}

/// Handles the indentation at the start of a physical line (outside
/// brackets). Returns false when the line is blank or a comment (it produces
/// no tokens), after consuming it up to its newline.
bool Lexer::lineStart() {
  unsigned col8 = 0, col1 = 0;
  while (!atEnd()) {
    char c = peek();
    if (c == ' ') {
      ++col8;
      ++col1;
    } else if (c == '\t') {
      col8 = (col8 / 8 + 1) * 8;
      ++col1;
    } else if (c == '\f') {
      col8 = col1 = 0;
    } else
      break;
    ++pos_;
  }
  // Blank lines, comment-only lines and a `\r` before the newline.
  size_t p = pos_;
  while (p < src_.size() && src_[p] == '\r') ++p;
  if (p >= src_.size() || src_[p] == '\n' || src_[p] == '#') {
    pos_ = p;
    while (!atEnd() && peek() != '\n') ++pos_;
    return false;
  }
  // A line made of a `\` continuation alone is joined like any other.
  size_t first = pos_;
  const Level &top = indents_.back();
  if (col8 == top.col8) {
    if (col1 != top.col1) error(DiagKind::MixedTabsSpaces, first, first);
  } else if (col8 > top.col8) {
    if (col1 <= top.col1) error(DiagKind::MixedTabsSpaces, first, first);
    indents_.push_back({col8, col1});
    push(TokKind::Indent, "", first, first);
  } else {
    Level popped = top;
    while (indents_.size() > 1 && col8 < indents_.back().col8) {
      popped = indents_.back();
      indents_.pop_back();
      push(TokKind::Dedent, "", first, first);
    }
    if (col8 != indents_.back().col8) {
      // Between two levels: report it and keep the line in the inner block
      // (the last level popped), so that the enclosing block goes on.
      error(DiagKind::InconsistentIndent, first, first);
      indents_.push_back(popped);
      toks_.pop_back();
    } else if (col1 != indents_.back().col1) {
      error(DiagKind::MixedTabsSpaces, first, first);
    }
  }
  return true;
}

std::vector<Token> Lexer::run() {
  // About one token per 4 bytes of source: one allocation, not a doubling
  // series of copies (bench/scaling.sh).
  toks_.reserve(src_.size() / 4 + 16);
  bool atLineStart = true;
  while (true) {
    if (atLineStart && brackets_.empty()) {
      atLineStart = false;
      if (!lineStart()) {
        if (atEnd()) break;
        ++pos_; // the newline of a blank line
        atLineStart = true;
        continue;
      }
    }
    atLineStart = false;
    if (atEnd()) break;
    char c = peek();
    if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
      ++pos_;
      continue;
    }
    if (c == '#') {
      while (!atEnd() && peek() != '\n') ++pos_;
      continue;
    }
    if (c == '\n') {
      if (!brackets_.empty()) {
        ++pos_;
        // Heuristic recovery: a statement keyword at the start of the next
        // line means a bracket was never closed; end the logical line here.
        // `for`, `if`, `else` may continue an expression, but not at or
        // left of the indentation of the statement holding the bracket.
        size_t p = pos_;
        unsigned col8 = 0;
        for (; p < src_.size(); ++p) {
          if (src_[p] == ' ')
            ++col8;
          else if (src_[p] == '\t')
            col8 = (col8 / 8 + 1) * 8;
          else if (src_[p] == '\f')
            col8 = 0;
          else
            break;
        }
        size_t q = p;
        while (q < src_.size() && isIdentChar((unsigned char)src_[q])) ++q;
        std::string_view word = src_.substr(p, q - p);
        bool atCol0At = p == pos_ && p < src_.size() && src_[p] == '@';
        bool leftOfStmt = col8 <= indents_.back().col8;
        if (startsStatementOnly(word) || atCol0At ||
            (leftOfStmt && (word == "for" || word == "if" || word == "else"))) {
          closeOpenBrackets();
          endLogicalLine(pos_ - 1, pos_);
          atLineStart = true;
        }
        continue;
      }
      endLogicalLine(pos_, pos_ + 1);
      ++pos_;
      atLineStart = true;
      continue;
    }
    if (c == '\\') {
      // Explicit line joining: `\` must be the last character of the line.
      size_t p = pos_ + 1;
      if (p < src_.size() && src_[p] == '\r') ++p;
      if (p < src_.size() && src_[p] == '\n') {
        pos_ = p + 1;
        continue;
      }
      if (p >= src_.size()) { // `\` at end of file: nothing left to join
        pos_ = p;
        continue;
      }
      error(DiagKind::InvalidCharacter, pos_, pos_ + 1, {"\\"});
      ++pos_;
      continue;
    }
    lexToken();
  }
  // End of file: close the last line, brackets and blocks.
  size_t end = src_.size();
  closeOpenBrackets();
  endLogicalLine(end, end);
  while (indents_.size() > 1) {
    indents_.pop_back();
    push(TokKind::Dedent, "", end, end);
  }
  push(TokKind::EndOfFile, "", end, end);
  return std::move(toks_);
}

void Lexer::lexToken() {
  size_t start = pos_;
  unsigned char c = (unsigned char)peek();
  bool hadTokens = lineHasTokens_;
  lineHasTokens_ = true;
  if (isIdentStart(c)) {
    while (!atEnd() && isIdentChar((unsigned char)peek())) ++pos_;
    std::string_view word = src_.substr(start, pos_ - start);
    if ((peek() == '\'' || peek() == '"') && isStringPrefix(word)) {
      lexString(start, word.size());
      return;
    }
    push(isKeyword(word) ? TokKind::Keyword : TokKind::Identifier, std::string(word), start, pos_);
    return;
  }
  if (isDigit(c) || (c == '.' && isDigit((unsigned char)peek(1)))) {
    lexNumber();
    return;
  }
  if (c == '\'' || c == '"') {
    lexString(start, 0);
    return;
  }
  for (const char *op : kOps) {
    size_t n = std::char_traits<char>::length(op);
    if (src_.substr(pos_, n) == op) {
      pos_ += n;
      std::string text(op);
      if (n == 1 && (c == '(' || c == '[' || c == '{')) {
        brackets_.push_back({(char)c, (uint32_t)start});
      } else if (n == 1 && (c == ')' || c == ']' || c == '}')) {
        char want = c == ')' ? '(' : c == ']' ? '[' : '{';
        size_t k = brackets_.size();
        while (k > 0 && brackets_[k - 1].open != want) --k;
        if (k == 0 && brackets_.empty()) {
          // Closes nothing: report it and drop it.
          error(DiagKind::UnbalancedBracket, start, pos_, {text});
          lineHasTokens_ = hadTokens;
          return;
        }
        if (k == 0) {
          // The wrong kind of closer: report it and let it close the
          // innermost bracket, spelled as that bracket's closer.
          error(DiagKind::UnbalancedBracket, start, pos_, {text});
          char open = brackets_.back().open;
          text = open == '(' ? ")" : open == '[' ? "]" : "}";
          k = brackets_.size();
        }
        if (k != brackets_.size()) {
          const Bracket &inner = brackets_.back();
          error(DiagKind::UnbalancedBracket, inner.offset, inner.offset + 1,
                {std::string(1, inner.open)});
        }
        brackets_.resize(k - 1);
      }
      push(TokKind::Op, std::move(text), start, pos_);
      return;
    }
  }
  // Anything else: one diagnostic for a run of invalid characters.
  lineHasTokens_ = hadTokens;
  size_t len = 1;
  std::string shown = showChar(src_, pos_, len);
  pos_ += len;
  while (!atEnd() && !startsToken(src_, pos_)) {
    uint32_t cp;
    size_t n = utf8Length(src_, pos_, cp);
    pos_ += n ? n : 1;
  }
  error(DiagKind::InvalidCharacter, start, pos_, {shown});
}

/// number := decimal | 0x hex | 0o octal | 0b binary | float
/// Underscores may separate digits. A literal running into letters or
/// digits that do not belong to it is one invalid literal.
void Lexer::lexNumber() {
  size_t start = pos_;
  bool ok = true, isFloat = false;
  // digits(pred): digit (['_'] digit)*; returns how many digits were seen.
  auto digits = [&](bool (*pred)(unsigned char)) {
    size_t n = 0;
    while (!atEnd()) {
      unsigned char d = (unsigned char)peek();
      if (pred(d)) {
        ++n;
        ++pos_;
      } else if (d == '_' && n > 0 && pred((unsigned char)peek(1))) {
        ++pos_;
      } else {
        break;
      }
    }
    return n;
  };
  auto isOct = [](unsigned char d) { return d >= '0' && d <= '7'; };
  auto isBin = [](unsigned char d) { return d == '0' || d == '1'; };
  int base = 10;
  char p1 = peek(1);
  if (peek() == '0' &&
      (p1 == 'x' || p1 == 'X' || p1 == 'o' || p1 == 'O' || p1 == 'b' || p1 == 'B')) {
    pos_ += 2;
    if (peek() == '_') ++pos_;
    size_t n = 0;
    if (p1 == 'x' || p1 == 'X') {
      base = 16;
      n = digits(isHexDigit);
    } else if (p1 == 'o' || p1 == 'O') {
      base = 8;
      n = digits(+isOct);
    } else {
      base = 2;
      n = digits(+isBin);
    }
    if (n == 0) ok = false;
  } else {
    size_t intStart = pos_;
    size_t n = digits(isDigit);
    std::string_view intPart = src_.substr(intStart, pos_ - intStart);
    if (peek() == '.' && !(peek(1) == '.' && peek(2) == '.')) {
      isFloat = true;
      ++pos_;
      if (isDigit((unsigned char)peek())) digits(isDigit);
    }
    if ((peek() == 'e' || peek() == 'E') &&
        (isDigit((unsigned char)peek(1)) ||
         ((peek(1) == '+' || peek(1) == '-') && isDigit((unsigned char)peek(2))))) {
      isFloat = true;
      pos_ += (peek(1) == '+' || peek(1) == '-') ? 2 : 1;
      digits(isDigit);
    }
    // Python forbids leading zeros in a non-zero decimal integer ("010").
    if (!isFloat && n > 1 && intPart[0] == '0') {
      for (char d : intPart)
        if (d != '0' && d != '_') ok = false;
    }
  }
  // Letters, digits, underscores or a second '.' glued to the literal.
  if (!atEnd() && (isIdentChar((unsigned char)peek()) ||
                   (isFloat && peek() == '.' && isDigit((unsigned char)peek(1))))) {
    ok = false;
    while (!atEnd() && (isIdentChar((unsigned char)peek()) || peek() == '.')) ++pos_;
  }
  std::string spelling(src_.substr(start, pos_ - start));
  if (!ok) {
    error(DiagKind::InvalidNumber, start, pos_, {spelling});
    push(TokKind::Int, "0", start, pos_);
    return;
  }
  if (!isFloat) {
    // The value must fit in int64 (Sema checks the int32 range).
    uint64_t v = 0;
    bool overflow = false;
    size_t i = base == 10 ? 0 : 2;
    for (; i < spelling.size(); ++i) {
      char d = spelling[i];
      if (d == '_') continue;
      unsigned dv = isDigit((unsigned char)d) ? d - '0' : (d | 0x20) - 'a' + 10;
      if (v > (std::numeric_limits<uint64_t>::max() - dv) / base) overflow = true;
      v = v * base + dv;
    }
    if (overflow || v > (uint64_t)std::numeric_limits<int64_t>::max()) {
      error(DiagKind::InvalidNumber, start, pos_, {spelling});
      push(TokKind::Int, "0", start, pos_);
      return;
    }
  }
  push(isFloat ? TokKind::Float : TokKind::Int, std::move(spelling), start, pos_);
}

/// string := prefix? (' ... ' | " ... " | ''' ... ''' | """ ... """)
/// The token's text is the decoded value; raw strings keep backslashes.
void Lexer::lexString(size_t start, size_t prefixLen) {
  bool raw = false;
  for (size_t i = start; i < start + prefixLen; ++i)
    if (src_[i] == 'r' || src_[i] == 'R') raw = true;
  char q = peek();
  bool triple = peek(1) == q && peek(2) == q;
  pos_ += triple ? 3 : 1;
  std::string value;
  while (true) {
    if (atEnd()) {
      error(DiagKind::UnterminatedString, start, pos_);
      break;
    }
    char c = peek();
    if (c == q && (!triple || (peek(1) == q && peek(2) == q))) {
      pos_ += triple ? 3 : 1;
      break;
    }
    if (c == '\n' && !triple) {
      // Leave the newline to end the logical line, and forget the brackets
      // the string was meant to be inside (one mistake, one error).
      error(DiagKind::UnterminatedString, start, pos_);
      brackets_.clear();
      break;
    }
    if (c == '\\' && !atEnd(1)) {
      char e = peek(1);
      if (raw) {
        // Raw strings keep the backslash, but it still protects a quote.
        value += c;
        value += e;
        pos_ += 2;
        continue;
      }
      pos_ += 2;
      switch (e) {
      case '\n': break; // escaped newline: joined
      case '\r':
        if (peek() == '\n') ++pos_;
        break;
      case '\\': value += '\\'; break;
      case '\'': value += '\''; break;
      case '"': value += '"'; break;
      case 'a': value += '\a'; break;
      case 'b': value += '\b'; break;
      case 'f': value += '\f'; break;
      case 'n': value += '\n'; break;
      case 'r': value += '\r'; break;
      case 't': value += '\t'; break;
      case 'v': value += '\v'; break;
      case 'x':
      case 'u':
      case 'U': {
        size_t want = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        uint32_t cp = 0;
        size_t n = 0;
        while (n < want && isHexDigit((unsigned char)peek())) {
          char h = peek();
          cp = cp * 16 + (isDigit((unsigned char)h) ? h - '0' : (h | 0x20) - 'a' + 10);
          ++pos_;
          ++n;
        }
        if (n < want) {
          // Python rejects a short escape; keep the text as written.
          value += '\\';
          value += e;
          value += std::string(src_.substr(pos_ - n, n));
        } else if (e == 'x') {
          value += (char)cp;
        } else {
          appendUtf8(value, cp);
        }
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          uint32_t v = e - '0';
          for (int k = 0; k < 2 && peek() >= '0' && peek() <= '7'; ++k) {
            v = v * 8 + (peek() - '0');
            ++pos_;
          }
          value += (char)(v & 0xFF);
        } else {
          // Unknown escapes keep their backslash, as in Python.
          value += '\\';
          value += e;
        }
      }
      continue;
    }
    value += c;
    ++pos_;
  }
  push(TokKind::String, std::move(value), start, pos_);
}

} // namespace

std::vector<Token> lex(const SourceManager &sm, uint32_t buffer, DiagnosticEngine &diags) {
  return Lexer(sm, buffer, diags).run();
}

std::string describe(const Token &t) {
  switch (t.kind) {
  case TokKind::EndOfFile: return "end of file";
  case TokKind::Newline: return "end of line";
  case TokKind::Indent: return "indent";
  case TokKind::Dedent: return "unindent";
  case TokKind::Identifier: return "identifier '" + t.text + "'";
  case TokKind::Keyword: return "keyword '" + t.text + "'";
  case TokKind::Int:
  case TokKind::Float: return "number '" + t.text + "'";
  case TokKind::String: return "string literal";
  case TokKind::Op: return "'" + t.text + "'";
  }
  return "token";
}

} // namespace hybridc
