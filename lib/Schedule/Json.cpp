//===- Json.cpp - A strict JSON parser that remembers source ranges -------===//
//
// RFC 8259 JSON, nothing more: no comments, no trailing commas, no NaN or
// Infinity, no single quotes. Every value and every object key keeps its
// source range, so that the schedule reader can point a caret at the exact
// offending token. The first syntax error is reported as JsonSyntax at the
// offending character and parsing stops (later errors in a broken file are
// mostly noise).
//
//===----------------------------------------------------------------------===//
#include "hybridc/Schedule/Json.h"
#include "hybridc/Support/Utf8.h"

#include <cstdlib>
#include <string_view>

namespace hybridc::json {

const Value *Value::get(const std::string &key) const {
  for (auto &m : members)
    if (m.first == key) return m.second.get();
  return nullptr;
}

const char *Value::kindName() const {
  switch (kind) {
  case Null: return "null";
  case Bool: return "boolean";
  case Number: return "number";
  case String: return "string";
  case Array: return "array";
  case Object: return "object";
  }
  return "value";
}

namespace {

/// Deeper nesting than this is rejected instead of exhausting the stack.
constexpr unsigned kMaxDepth = 256;

class Parser {
public:
  Parser(const SourceManager &sm, uint32_t buffer, DiagnosticEngine &diags)
      : sm_(sm), buffer_(buffer), text_(sm.contents(buffer)), diags_(diags) {}

  std::unique_ptr<Value> parseDocument() {
    skipSpace();
    if (atEnd()) {
      error(pos_, pos_, "the file is empty; expected a JSON object");
      return nullptr;
    }
    std::unique_ptr<Value> v = parseValue(0);
    if (!v) return nullptr;
    skipSpace();
    if (!atEnd()) {
      error(pos_, tokenEnd(pos_),
            "unexpected " + describe(pos_) + " after the end of the top-level value");
      return nullptr;
    }
    return v;
  }

private:
  const SourceManager &sm_;
  uint32_t buffer_;
  std::string_view text_;
  DiagnosticEngine &diags_;
  size_t pos_ = 0;
  bool failed_ = false;

  bool atEnd() const { return pos_ >= text_.size(); }
  char peek() const { return atEnd() ? '\0' : text_[pos_]; }
  SourceLoc loc(size_t offset) const { return sm_.locAt(buffer_, (uint32_t)offset); }
  SourceRange range(size_t b, size_t e) const { return {loc(b), loc(e)}; }

  void error(size_t b, size_t e, const std::string &msg) {
    if (failed_) return;
    failed_ = true;
    diags_.report(DiagKind::JsonSyntax, range(b, e), {msg});
  }

  static bool isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '+' || c == '-';
  }

  /// The end of the "token" starting at `p`, for ranges under bad input: a
  /// word (e.g. NaN, True, 'abc) or a single character.
  size_t tokenEnd(size_t p) const {
    if (p >= text_.size()) return p;
    size_t e = p;
    while (e < text_.size() && isWordChar(text_[e])) ++e;
    return e == p ? p + 1 : e;
  }

  /// "end of file", "'}'", "'NaN'", "byte 0x01".
  std::string describe(size_t p) const {
    if (p >= text_.size()) return "end of file";
    unsigned char c = (unsigned char)text_[p];
    if (c < 0x20 || c >= 0x7f) {
      static const char *hex = "0123456789abcdef";
      return std::string("byte 0x") + hex[c >> 4] + hex[c & 15];
    }
    return "'" + std::string(text_.substr(p, tokenEnd(p) - p)) + "'";
  }

  void skipSpace() {
    while (!atEnd()) {
      char c = text_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++pos_;
      } else if (c == '/' && pos_ + 1 < text_.size() &&
                 (text_[pos_ + 1] == '/' || text_[pos_ + 1] == '*')) {
        error(pos_, pos_ + 2, "comments are not allowed in JSON");
        return;
      } else {
        return;
      }
    }
  }

  std::unique_ptr<Value> make(Value::Kind k, size_t begin) {
    auto v = std::make_unique<Value>();
    v->kind = k;
    v->range = range(begin, begin);
    return v;
  }

  std::unique_ptr<Value> parseValue(unsigned depth) {
    skipSpace();
    if (failed_) return nullptr;
    if (depth > kMaxDepth) {
      error(pos_, pos_ + 1, "nesting is too deep");
      return nullptr;
    }
    char c = peek();
    switch (c) {
    case '{': return parseObject(depth);
    case '[': return parseArray(depth);
    case '"': return parseString();
    default:
      if (c == '-' || isDigit(c)) return parseNumber();
      break;
    }
    size_t start = pos_;
    size_t end = tokenEnd(start);
    std::string_view word = text_.substr(start, end - start);
    if (word == "true" || word == "false" || word == "null") {
      auto v = make(word == "null" ? Value::Null : Value::Bool, start);
      v->boolean = word == "true";
      pos_ = end;
      v->range.end = loc(end);
      return v;
    }
    if (word == "True" || word == "False" || word == "None")
      error(start, end,
            "'" + std::string(word) + "' is Python; JSON spells it " +
                (word == "True"    ? "'true'"
                 : word == "False" ? "'false'"
                                   : "'null'"));
    else if (c == '\'')
      error(start, start + 1, "strings must use double quotes");
    else
      error(start, end, "expected a value, found " + describe(start));
    return nullptr;
  }

  std::unique_ptr<Value> parseObject(unsigned depth) {
    auto obj = make(Value::Object, pos_);
    ++pos_; // '{'
    skipSpace();
    if (peek() == '}') {
      ++pos_;
      obj->range.end = loc(pos_);
      return obj;
    }
    for (;;) {
      skipSpace();
      if (failed_) return nullptr;
      if (peek() != '"') {
        if (peek() == '\'')
          error(pos_, pos_ + 1, "strings must use double quotes");
        else
          error(pos_, tokenEnd(pos_), "expected a string key, found " + describe(pos_));
        return nullptr;
      }
      size_t keyStart = pos_;
      std::unique_ptr<Value> key = parseString();
      if (!key) return nullptr;
      skipSpace();
      if (failed_) return nullptr;
      if (peek() != ':') {
        error(pos_, tokenEnd(pos_), "expected ':' after object key, found " + describe(pos_));
        return nullptr;
      }
      ++pos_;
      std::unique_ptr<Value> value = parseValue(depth + 1);
      if (!value) return nullptr;
      obj->members.emplace_back(std::move(key->string), std::move(value));
      obj->keyRanges.push_back(range(keyStart, key->range.end.offset));
      switch (afterItem(*obj, '}', "object member")) {
      case More: continue;
      case Closed: return obj;
      case Failed: return nullptr;
      }
    }
  }

  enum ItemEnd { More, Closed, Failed };
  /// After a member or element of `v`: a ',' (then not the closing bracket:
  /// no trailing commas) or the closing bracket, which ends `v`.
  ItemEnd afterItem(Value &v, char close, const char *what) {
    skipSpace();
    if (failed_) return Failed;
    if (peek() == ',') {
      size_t comma = pos_++;
      skipSpace();
      if (failed_) return Failed;
      if (peek() == close) {
        error(comma, comma + 1, std::string("trailing comma before '") + close + "'");
        return Failed;
      }
      return More;
    }
    if (peek() == close) {
      ++pos_;
      v.range.end = loc(pos_);
      return Closed;
    }
    error(pos_, tokenEnd(pos_),
          std::string("expected ',' or '") + close + "' after " + what + ", found " +
              describe(pos_));
    return Failed;
  }

  std::unique_ptr<Value> parseArray(unsigned depth) {
    auto arr = make(Value::Array, pos_);
    ++pos_; // '['
    skipSpace();
    if (peek() == ']') {
      ++pos_;
      arr->range.end = loc(pos_);
      return arr;
    }
    for (;;) {
      std::unique_ptr<Value> elt = parseValue(depth + 1);
      if (!elt) return nullptr;
      arr->elements.push_back(std::move(elt));
      switch (afterItem(*arr, ']', "array element")) {
      case More: continue;
      case Closed: return arr;
      case Failed: return nullptr;
      }
    }
  }

  static int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  /// Reads the 4 hex digits of a \u escape at pos_ (after "\u").
  bool readHex4(size_t escStart, unsigned &out) {
    out = 0;
    for (int i = 0; i < 4; ++i) {
      int d = pos_ < text_.size() ? hexDigit(text_[pos_]) : -1;
      if (d < 0) {
        error(escStart, pos_ + (pos_ < text_.size() ? 1 : 0),
              "'\\u' must be followed by four hex digits");
        return false;
      }
      out = out * 16 + (unsigned)d;
      ++pos_;
    }
    return true;
  }

  std::unique_ptr<Value> parseString() {
    size_t start = pos_;
    auto v = make(Value::String, start);
    ++pos_; // '"'
    for (;;) {
      if (atEnd() || text_[pos_] == '\n' || text_[pos_] == '\r') {
        error(start, pos_, "unterminated string");
        return nullptr;
      }
      char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        break;
      }
      if ((unsigned char)c < 0x20) {
        error(pos_, pos_ + 1, "control character " + describe(pos_) + " in a string; escape it");
        return nullptr;
      }
      if (c != '\\') {
        v->string += c;
        ++pos_;
        continue;
      }
      size_t esc = pos_++;
      char e = peek();
      switch (e) {
      case '"': v->string += '"'; break;
      case '\\': v->string += '\\'; break;
      case '/': v->string += '/'; break;
      case 'b': v->string += '\b'; break;
      case 'f': v->string += '\f'; break;
      case 'n': v->string += '\n'; break;
      case 'r': v->string += '\r'; break;
      case 't': v->string += '\t'; break;
      case 'u': {
        ++pos_;
        unsigned cp;
        if (!readHex4(esc, cp)) return nullptr;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          // A high surrogate must be followed by an escaped low surrogate.
          unsigned lo = 0;
          if (text_.substr(pos_, 2) != "\\u") {
            error(esc, pos_, "unpaired UTF-16 surrogate in '\\u' escape");
            return nullptr;
          }
          size_t esc2 = pos_;
          pos_ += 2;
          if (!readHex4(esc2, lo)) return nullptr;
          if (lo < 0xDC00 || lo > 0xDFFF) {
            error(esc, pos_, "unpaired UTF-16 surrogate in '\\u' escape");
            return nullptr;
          }
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
          error(esc, pos_, "unpaired UTF-16 surrogate in '\\u' escape");
          return nullptr;
        }
        appendUtf8(v->string, cp);
        continue; // pos_ is already past the escape
      }
      default:
        if (atEnd() || e == '\n' || e == '\r') {
          error(start, pos_, "unterminated string");
        } else {
          error(esc, pos_ + 1, "invalid escape '\\" + std::string(1, e) + "' in a string");
        }
        return nullptr;
      }
      ++pos_;
    }
    v->range.end = loc(pos_);
    return v;
  }

  static bool isDigit(char c) { return c >= '0' && c <= '9'; }

  std::unique_ptr<Value> parseNumber() {
    size_t start = pos_;
    auto v = make(Value::Number, start);
    bool integer = true;
    if (peek() == '-') ++pos_;
    if (!isDigit(peek())) {
      error(start, tokenEnd(start), "invalid number " + describe(start));
      return nullptr;
    }
    if (peek() == '0' && pos_ + 1 < text_.size() && isDigit(text_[pos_ + 1])) {
      error(start, tokenEnd(start), "leading zeros are not allowed in numbers");
      return nullptr;
    }
    while (isDigit(peek())) ++pos_;
    if (peek() == '.') {
      integer = false;
      ++pos_;
      if (!isDigit(peek())) {
        error(start, tokenEnd(start), "expected a digit after '.' in a number");
        return nullptr;
      }
      while (isDigit(peek())) ++pos_;
    }
    if (peek() == 'e' || peek() == 'E') {
      integer = false;
      ++pos_;
      if (peek() == '+' || peek() == '-') ++pos_;
      if (!isDigit(peek())) {
        error(start, tokenEnd(start), "expected a digit in the exponent of a number");
        return nullptr;
      }
      while (isDigit(peek())) ++pos_;
    }
    // A number glued to letters ("12abc", "1.5f") is one bad token.
    if (!atEnd() && isWordChar(peek())) {
      error(start, tokenEnd(start), "invalid number " + describe(start));
      return nullptr;
    }
    std::string spelled(text_.substr(start, pos_ - start));
    v->number = std::strtod(spelled.c_str(), nullptr);
    v->isInteger = integer;
    v->range.end = loc(pos_);
    return v;
  }
};

} // namespace

std::unique_ptr<Value> parse(const SourceManager &sm, uint32_t buffer, DiagnosticEngine &diags) {
  return Parser(sm, buffer, diags).parseDocument();
}

} // namespace hybridc::json
