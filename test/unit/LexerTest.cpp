//===- LexerTest.cpp - Token streams of the .hy lexer ---------------------===//
//
// Each test lexes a small buffer and compares a compact rendering of the
// token stream: identifiers, keywords, numbers and operators by spelling,
// strings as "decoded value", NL / IN / DE for NEWLINE / INDENT / DEDENT and
// EOF at the end; and the kinds of the diagnostics reported.
//
//===----------------------------------------------------------------------===//
#include "hybridc/Parse/Lexer.h"

#include <catch2/catch.hpp>

using namespace hybridc;

namespace {

struct Lexed {
  std::string tokens;
  std::vector<std::string> diags; // kind names, in report order
  std::vector<Token> toks;
};

Lexed lexString(const std::string &src) {
  SourceManager sm;
  uint32_t b = sm.addBuffer("t.hy", src);
  DiagnosticEngine diags(sm);
  Lexed out;
  out.toks = lex(sm, b, diags);
  for (const Token &t : out.toks) {
    if (!out.tokens.empty()) out.tokens += ' ';
    switch (t.kind) {
    case TokKind::EndOfFile: out.tokens += "EOF"; break;
    case TokKind::Newline: out.tokens += "NL"; break;
    case TokKind::Indent: out.tokens += "IN"; break;
    case TokKind::Dedent: out.tokens += "DE"; break;
    case TokKind::String: out.tokens += "\"" + t.text + "\""; break;
    default: out.tokens += t.text;
    }
  }
  for (const Diagnostic &d : diags.diagnostics()) out.diags.push_back(diagInfo(d.kind).name);
  return out;
}

std::string toks(const std::string &src) { return lexString(src).tokens; }

std::vector<std::string> diagsOf(const std::string &src) { return lexString(src).diags; }

using V = std::vector<std::string>;

} // namespace

TEST_CASE("simple def with INDENT/DEDENT", "[lexer]") {
  CHECK(toks("def f(a):\n    return a\n") == "def f ( a ) : NL IN return a NL DE EOF");
  // No trailing newline: NEWLINE and DEDENT are still produced.
  CHECK(toks("def f(a):\n    return a") == "def f ( a ) : NL IN return a NL DE EOF");
  CHECK(toks("") == "EOF");
  CHECK(toks("\n\n   \n# only a comment\n") == "EOF");
}

TEST_CASE("nested blocks dedent several levels at once", "[lexer]") {
  std::string src = "def f():\n"
                    "    for i in range(3):\n"
                    "        if i:\n"
                    "            pass\n"
                    "    return c\n"
                    "def g():\n"
                    "\tpass\n";
  CHECK(toks(src) == "def f ( ) : NL IN for i in range ( 3 ) : NL IN if i : NL IN pass NL "
                     "DE DE return c NL DE def g ( ) : NL IN pass NL DE EOF");
  CHECK(diagsOf(src).empty());
}

TEST_CASE("blank lines and comments do not produce tokens", "[lexer]") {
  std::string src = "def f():  # header comment\n"
                    "\n"
                    "        # a comment at another indentation\n"
                    "    x = 1   \n"
                    "   \n"
                    "    return x\n";
  CHECK(toks(src) == "def f ( ) : NL IN x = 1 NL return x NL DE EOF");
  CHECK(diagsOf(src).empty());
}

TEST_CASE("implicit line joining inside brackets", "[lexer]") {
  std::string src = "def f():\n"
                    "    c = output_tensor((100,\n"
                    "  99),   # comment inside\n"
                    "                      'float32')\n"
                    "    x = [1,\n"
                    "2]\n";
  CHECK(toks(src) == "def f ( ) : NL IN c = output_tensor ( ( 100 , 99 ) , \"float32\" ) NL "
                     "x = [ 1 , 2 ] NL DE EOF");
  CHECK(diagsOf(src).empty());
}

TEST_CASE("backslash continuation", "[lexer]") {
  std::string src = "def f():\n"
                    "    x = 1 + \\\n"
                    "2\n"
                    "    return x\n";
  CHECK(toks(src) == "def f ( ) : NL IN x = 1 + 2 NL return x NL DE EOF");
  CHECK(toks("x = 1 + \\\r\n  2\r\n") == "x = 1 + 2 NL EOF");
  CHECK(diagsOf("x = 1 \\ 2\n") == V{"InvalidCharacter"});
}

TEST_CASE("CRLF line endings", "[lexer]") {
  CHECK(toks("def f():\r\n    pass\r\n\r\n") == "def f ( ) : NL IN pass NL DE EOF");
}

TEST_CASE("integer literals", "[lexer]") {
  CHECK(toks("0 7 1_000 0x1F 0XfF 0o17 0b1010 0b_1 00") ==
        "0 7 1_000 0x1F 0XfF 0o17 0b1010 0b_1 00 NL EOF");
  auto l = lexString("12 0x10");
  CHECK(l.toks[0].kind == TokKind::Int);
  CHECK(l.toks[1].kind == TokKind::Int);
  CHECK(l.diags.empty());
}

TEST_CASE("float literals", "[lexer]") {
  auto l = lexString("1.0 1. .5 1e-3 1.5E+2 3e7 1_0.2_5");
  for (int i = 0; i < 7; ++i) CHECK(l.toks[i].kind == TokKind::Float);
  CHECK(l.tokens == "1.0 1. .5 1e-3 1.5E+2 3e7 1_0.2_5 NL EOF");
  CHECK(l.diags.empty());
  // Attribute access on a name is not a float.
  CHECK(toks("a.shape") == "a . shape NL EOF");
  CHECK(toks("x[1].y") == "x [ 1 ] . y NL EOF");
}

TEST_CASE("invalid numeric literals", "[lexer]") {
  CHECK(diagsOf("1abc") == V{"InvalidNumber"});
  CHECK(diagsOf("0x") == V{"InvalidNumber"});
  CHECK(diagsOf("0b102") == V{"InvalidNumber"});
  CHECK(diagsOf("0o8") == V{"InvalidNumber"});
  CHECK(diagsOf("1__0") == V{"InvalidNumber"});
  CHECK(diagsOf("1_") == V{"InvalidNumber"});
  CHECK(diagsOf("1e") == V{"InvalidNumber"});
  CHECK(diagsOf("1.2.3") == V{"InvalidNumber"});
  CHECK(diagsOf("010") == V{"InvalidNumber"});
  CHECK(diagsOf("5j") == V{"InvalidNumber"});
  CHECK(diagsOf("99999999999999999999") == V{"InvalidNumber"});
  CHECK(diagsOf("9223372036854775807").empty());
  // One token for the whole bad literal, so the parser sees one operand.
  CHECK(toks("x = 12abc + 1") == "x = 0 + 1 NL EOF");
}

TEST_CASE("string literals", "[lexer]") {
  CHECK(toks("'float32' \"int32\"") == "\"float32\" \"int32\" NL EOF");
  CHECK(toks(R"('a\tb\n\\\'\"')") == "\"a\tb\n\\'\"\" NL EOF");
  CHECK(toks(R"("\x41\101\u00e9")") == "\"AA\xC3\xA9\" NL EOF");
  CHECK(toks(R"(r'a\nb')") == "\"a\\nb\" NL EOF");
  CHECK(toks(R"('\q')") == "\"\\q\" NL EOF"); // unknown escapes are kept
  CHECK(toks("'it''s'") == "\"it\" \"s\" NL EOF");
  CHECK(toks("f'x' b'y' rb'z'") == "\"x\" \"y\" \"z\" NL EOF");
  auto l = lexString("\"abc\"");
  CHECK(l.toks[0].kind == TokKind::String);
  CHECK(l.toks[0].range.begin.offset == 0);
  CHECK(l.toks[0].range.end.offset == 5);
}

TEST_CASE("docstrings and multi-line triple-quoted strings", "[lexer]") {
  std::string src = "def f(a):\n"
                    "    \"\"\"Adds one.\n"
                    "\n"
                    "  Second line, less indented.\n"
                    "    \"\"\"\n"
                    "    '''single ' quotes '' inside'''\n"
                    "    return a\n";
  CHECK(toks(src) == "def f ( a ) : NL IN \"Adds one.\n\n  Second line, less indented.\n    \" "
                     "NL \"single ' quotes '' inside\" NL return a NL DE EOF");
  CHECK(diagsOf(src).empty());
}

TEST_CASE("unterminated strings", "[lexer]") {
  auto l = lexString("x = 'abc\ny = 1\n");
  CHECK(l.diags == V{"UnterminatedString"});
  CHECK(l.tokens == "x = \"abc\" NL y = 1 NL EOF");
  CHECK(diagsOf("x = \"\"\"never closed\n\n") == V{"UnterminatedString"});
  CHECK(diagsOf("x = 'abc\\") == V{"UnterminatedString"});
  // The brackets the string was in are forgotten with it.
  CHECK(diagsOf("x = f(a, 'abc)\ny = 1\n") == V{"UnterminatedString"});
}

TEST_CASE("keywords and identifiers", "[lexer]") {
  auto l = lexString("def for in if elif else while break continue return assert and or not "
                     "pass True False None import from as lambda class with try except "
                     "finally raise global nonlocal yield del is async await print x_1 _y");
  for (size_t i = 0; i < 35; ++i) CHECK(l.toks[i].kind == TokKind::Keyword);
  CHECK(l.toks[35].kind == TokKind::Identifier); // print is a name
  CHECK(l.toks[36].kind == TokKind::Identifier);
  CHECK(l.toks[37].kind == TokKind::Identifier);
}

TEST_CASE("operators take the longest match", "[lexer]") {
  CHECK(toks("a -> b ** c // d << e >> f @ g := h") ==
        "a -> b ** c // d << e >> f @ g := h NL EOF");
  CHECK(toks("+= -= *= /= //= %= &= |= ^= **= <<= >>= @=") ==
        "+= -= *= /= //= %= &= |= ^= **= <<= >>= @= NL EOF");
  CHECK(toks("a<=b>=c==d!=e<f>g") == "a <= b >= c == d != e < f > g NL EOF");
  CHECK(toks("~x; a, b. c ...") == "~ x ; a , b . c ... NL EOF");
}

TEST_CASE("invalid characters are reported once per run and skipped", "[lexer]") {
  auto l = lexString("x = a $ b\n");
  CHECK(l.diags == V{"InvalidCharacter"});
  CHECK(l.tokens == "x = a b NL EOF");
  CHECK(diagsOf("x = a ?? b ! c") == V{"InvalidCharacter", "InvalidCharacter"});
  CHECK(diagsOf(std::string("x = \0\0 1", 8)) == V{"InvalidCharacter"});
  CHECK(diagsOf("x = \xC3\xA9t\xC3\xA9") == V{"InvalidCharacter", "InvalidCharacter"});
  CHECK(diagsOf("x = \xFF\xFE") == V{"InvalidCharacter"});
  // The message shows the character in a readable form.
  SourceManager sm;
  DiagnosticEngine d(sm);
  lex(sm,
      sm.addBuffer("t.hy", "a = \xC2\xA0"
                           "b\nc = \x01\n"),
      d);
  REQUIRE(d.diagnostics().size() == 2);
  CHECK(d.diagnostics()[0].message == "invalid character 'U+00A0' in source");
  CHECK(d.diagnostics()[1].message == "invalid character '\\x01' in source");
}

TEST_CASE("strings may hold any bytes", "[lexer]") {
  CHECK(diagsOf("x = '\xC3\xA9\xFF $ ?'").empty());
}

TEST_CASE("inconsistent dedent", "[lexer]") {
  std::string src = "def f():\n"
                    "    if x:\n"
                    "        a = 1\n"
                    "      b = 2\n"
                    "    return c\n";
  auto l = lexString(src);
  CHECK(l.diags == V{"InconsistentIndent"});
  // The line stays in the inner block; the next one dedents normally.
  CHECK(l.tokens == "def f ( ) : NL IN if x : NL IN a = 1 NL b = 2 NL DE return c NL DE EOF");
}

TEST_CASE("tabs and spaces must compare consistently", "[lexer]") {
  // A tab (width 8) then 8 spaces: equal at tab size 8, different at size 1.
  CHECK(diagsOf("def f():\n\tx = 1\n        y = 2\n") == V{"MixedTabsSpaces"});
  // Tabs only, and spaces only, are fine.
  CHECK(diagsOf("def f():\n\tx = 1\n\tif x:\n\t\ty = 2\n").empty());
  CHECK(diagsOf("def f():\n  x = 1\n  if x:\n     y = 2\n").empty());
  // Deeper with tab size 8 but not with tab size 1.
  CHECK(diagsOf("def f():\n       x = 1\n\ty = 2\n") == V{"MixedTabsSpaces"});
}

TEST_CASE("a stray indent is left to the parser", "[lexer]") {
  auto l = lexString("  x = 1\ny = 2\n");
  CHECK(l.tokens == "IN x = 1 NL DE y = 2 NL EOF");
  CHECK(l.diags.empty());
}

TEST_CASE("unbalanced brackets", "[lexer]") {
  CHECK(diagsOf("x = f(a))\n") == V{"UnbalancedBracket"});
  CHECK(toks("x = f(a))\n") == "x = f ( a ) NL EOF");
  // The wrong closer closes the innermost bracket: one error.
  CHECK(diagsOf("x = (a]\n") == V{"UnbalancedBracket"});
  CHECK(toks("x = (a]\n") == "x = ( a ) NL EOF");
  CHECK(diagsOf("def g(x: f[4]]:\n  pass\n") == V{"UnbalancedBracket"});
  CHECK(diagsOf("x = f(a[1)\n") == V{"UnbalancedBracket"});
  // Unclosed at end of file.
  CHECK(diagsOf("x = f(a,\n  b\n") == V{"UnbalancedBracket"});
  // Unclosed, and the next line clearly starts a statement: the line ends
  // there so the rest of the file lexes normally.
  auto l = lexString("def f():\n    x = g(a\n    return x\ndef h():\n    pass\n");
  CHECK(l.diags == V{"UnbalancedBracket"});
  CHECK(l.tokens == "def f ( ) : NL IN x = g ( a NL return x NL DE def h ( ) : NL IN pass NL "
                    "DE EOF");
}

TEST_CASE("token ranges", "[lexer]") {
  SourceManager sm;
  uint32_t b = sm.addBuffer("t.hy", "def f(a):\n    return a + 10\n");
  DiagnosticEngine d(sm);
  auto t = lex(sm, b, d);
  // def f ( a ) : NL IN return a + 10 NL DE EOF
  REQUIRE(t.size() == 15);
  auto lc = [&](const Token &k) {
    LineCol c = sm.lineCol(k.range.begin);
    return std::to_string(c.line) + ":" + std::to_string(c.col);
  };
  CHECK(lc(t[1]) == "1:5");
  CHECK(sm.text(t[1].range) == "f");
  CHECK(lc(t[8]) == "2:5");
  CHECK(sm.text(t[8].range) == "return");
  CHECK(sm.text(t[11].range) == "10");
  CHECK(lc(t[11]) == "2:16");
  CHECK(lc(t[6]) == "1:10"); // NEWLINE at the '\n'
}

TEST_CASE("describe tokens for messages", "[lexer]") {
  auto l = lexString("x def 12 'a' += \n");
  CHECK(describe(l.toks[0]) == "identifier 'x'");
  CHECK(describe(l.toks[1]) == "keyword 'def'");
  CHECK(describe(l.toks[2]) == "number '12'");
  CHECK(describe(l.toks[3]) == "string literal");
  CHECK(describe(l.toks[4]) == "'+='");
  CHECK(describe(l.toks[5]) == "end of line");
  CHECK(describe(l.toks[6]) == "end of file");
}
