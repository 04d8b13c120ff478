//===- ParserTest.cpp - AST shapes, ranges and syntax errors --------------===//
//
// Parses small programs and compares ast::dump output, checks the source
// ranges of a few nodes (as line:col), the message of every unsupported
// construct, and that recovery reports independent errors in one run
// without cascades.
//
//===----------------------------------------------------------------------===//
#include "hybridc/Parse/Parser.h"
#include "hybridc/AST/AST.h"

#include <catch2/catch.hpp>

using namespace hybridc;
using namespace hybridc::ast;

namespace {

struct Parsed {
  std::unique_ptr<SourceManager> sm = std::make_unique<SourceManager>();
  std::unique_ptr<DiagnosticEngine> diags;
  std::unique_ptr<Module> module;
  uint32_t buffer = 0;
  std::string dump() const { return ast::dump(*module); }
  /// "line:col Kind: message" for each diagnostic, in report order.
  std::vector<std::string> errors() const {
    std::vector<std::string> out;
    for (const Diagnostic &d : diags->diagnostics()) {
      LineCol lc = sm->lineCol(d.range.begin);
      out.push_back(std::to_string(lc.line) + ":" + std::to_string(lc.col) + " " +
                    diagInfo(d.kind).name + ": " + d.message);
    }
    return out;
  }
  std::vector<std::string> kinds() const {
    std::vector<std::string> out;
    for (const Diagnostic &d : diags->diagnostics()) out.push_back(diagInfo(d.kind).name);
    return out;
  }
  std::string lc(SourceLoc l) const {
    LineCol c = sm->lineCol(l);
    return std::to_string(c.line) + ":" + std::to_string(c.col);
  }
  /// "l:c-l:c" of a range.
  std::string span(SourceRange r) const { return lc(r.begin) + "-" + lc(r.end); }
  std::string text(SourceRange r) const { return std::string(sm->text(r)); }
};

Parsed parse(const std::string &src) {
  Parsed p;
  p.buffer = p.sm->addBuffer("t.hy", src);
  p.diags = std::make_unique<DiagnosticEngine>(*p.sm);
  p.module = parseModule(*p.sm, p.buffer, *p.diags);
  return p;
}

/// Parses `x = <src>` inside a def and dumps the value (or the errors).
std::string expr(const std::string &src) {
  Parsed p = parse("def f():\n    x = " + src + "\n");
  if (p.diags->hasErrors()) {
    std::string s;
    for (auto &e : p.errors()) s += e + "\n";
    return s;
  }
  REQUIRE(p.module->defs.size() == 1);
  REQUIRE(p.module->defs[0]->body.size() == 1);
  auto *a = dyn_cast<Assign>(p.module->defs[0]->body[0].get());
  REQUIRE(a);
  return dump(*a->value);
}

/// The diagnostics of a def body `body` (lines indented by the caller).
std::vector<std::string> bodyErrors(const std::string &body) {
  return parse("def f(a: float32[10]):\n" + body).errors();
}

/// The single error message of a one-line statement in a def body.
std::string stmtError(const std::string &stmt) {
  auto e = bodyErrors("    " + stmt + "\n    return a\n");
  if (e.size() != 1) {
    std::string all = std::to_string(e.size()) + " errors:";
    for (auto &s : e) all += " | " + s;
    return all;
  }
  return e[0];
}

using V = std::vector<std::string>;

} // namespace

TEST_CASE("outer product from the language reference", "[parser]") {
  Parsed p = parse("import tvm\n"
                   "from tvm.te.hybrid import script\n"
                   "\n"
                   "@tvm.te.hybrid.script\n"
                   "def outer_product(a: float32[100], b: float32[99]):\n"
                   "    \"\"\"The outer product of two vectors.\"\"\"\n"
                   "    c = output_tensor((100, 99), 'float32')\n"
                   "    for i in range(a.shape[0]):\n"
                   "        for j in range(b.shape[0]):\n"
                   "            c[i, j] = a[i] * b[j]\n"
                   "    return c\n");
  CHECK(p.errors().empty());
  CHECK(
      p.dump() ==
      "(module\n"
      "  (def outer_product\n"
      "    (param a (subscript (name float32) (int 100)))\n"
      "    (param b (subscript (name float32) (int 99)))\n"
      "    (expr (str \"The outer product of two vectors.\"))\n"
      "    (assign (name c) = (call output_tensor (tuple (int 100) (int 99)) (str \"float32\")))\n"
      "    (for (i) (call range (subscript (attr (name a) shape) (int 0)))\n"
      "      (for (j) (call range (subscript (attr (name b) shape) (int 0)))\n"
      "        (assign (subscript (name c) (name i) (name j)) = (binop * (subscript (name a) "
      "(name i)) (subscript (name b) (name j))))))\n"
      "    (return (name c))))\n");
}

TEST_CASE("parameters, annotations and return annotations", "[parser]") {
  Parsed p = parse("def f(n: int32, a: float32[n, 4], alpha, b: float16[100,],) -> float32:\n"
                   "    pass\n");
  CHECK(p.errors().empty());
  CHECK(p.dump() == "(module\n"
                    "  (def f\n"
                    "    (param n (name int32))\n"
                    "    (param a (subscript (name float32) (name n) (int 4)))\n"
                    "    (param alpha)\n"
                    "    (param b (subscript (name float16) (int 100)))\n"
                    "    (pass)))\n");
  auto &d = *p.module->defs[0];
  CHECK(p.text(d.nameRange) == "f");
  CHECK(p.text(d.params[1].range) == "a: float32[n, 4]");
  CHECK(p.text(d.params[1].name->range) == "a");
  CHECK(p.text(d.params[2].range) == "alpha");
  CHECK(p.span(d.range) == "1:1-2:9");
}

TEST_CASE("literals", "[parser]") {
  CHECK(expr("0") == "(int 0)");
  CHECK(expr("1_000") == "(int 1000)");
  CHECK(expr("0x1F") == "(int 31)");
  CHECK(expr("0o17") == "(int 15)");
  CHECK(expr("0b1010") == "(int 10)");
  CHECK(expr("9223372036854775807") == "(int 9223372036854775807)");
  CHECK(expr("1.5") == "(float 1.5)");
  CHECK(expr("1.") == "(float 1)");
  CHECK(expr(".5") == "(float 0.5)");
  CHECK(expr("1e-3") == "(float 0.001)");
  CHECK(expr("1.5E+2") == "(float 150)");
  CHECK(expr("0.1") == "(float 0.1)");
  CHECK(expr("True") == "(bool True)");
  CHECK(expr("False") == "(bool False)");
  CHECK(expr("'float32'") == "(str \"float32\")");
  CHECK(expr("\"a\\tb\"") == "(str \"a\\tb\")");
}

TEST_CASE("primary expressions", "[parser]") {
  CHECK(expr("a") == "(name a)");
  CHECK(expr("a.shape") == "(attr (name a) shape)");
  CHECK(expr("a.dtype") == "(attr (name a) dtype)");
  CHECK(expr("a.shape[0]") == "(subscript (attr (name a) shape) (int 0))");
  CHECK(expr("a[i, j]") == "(subscript (name a) (name i) (name j))");
  CHECK(expr("a[i + 1, j * 2]") ==
        "(subscript (name a) (binop + (name i) (int 1)) (binop * (name j) (int 2)))");
  CHECK(expr("a[b[i]]") == "(subscript (name a) (subscript (name b) (name i)))");
  CHECK(expr("f()") == "(call f)");
  CHECK(expr("exp(a[i] - m)") == "(call exp (binop - (subscript (name a) (name i)) (name m)))");
  CHECK(expr("max(a, b,)") == "(call max (name a) (name b))");
  CHECK(expr("float32(x)") == "(call float32 (name x))");
  CHECK(expr("f(x)[0]") == "(subscript (call f (name x)) (int 0))");
  CHECK(expr("len(a)") == "(call len (name a))");
  CHECK(expr("print(a)") == "(call print (name a))"); // Sema rejects it
}

TEST_CASE("tuples and parentheses", "[parser]") {
  CHECK(expr("(10,)") == "(tuple (int 10))");
  CHECK(expr("(100, 99)") == "(tuple (int 100) (int 99))");
  CHECK(expr("()") == "(tuple)");
  CHECK(expr("(a)") == "(name a)");
  CHECK(expr("((a))") == "(name a)");
  CHECK(expr("1, 2") == "(tuple (int 1) (int 2))");
  CHECK(expr("a,") == "(tuple (name a))");
  CHECK(expr("((1, 2), 3)") == "(tuple (tuple (int 1) (int 2)) (int 3))");
  CHECK(expr("output_tensor((10,), 'float32')") ==
        "(call output_tensor (tuple (int 10)) (str \"float32\"))");
  CHECK(expr("allocate((n, 4), 'float32', 'local')") ==
        "(call allocate (tuple (name n) (int 4)) (str \"float32\") (str \"local\"))");
}

TEST_CASE("operators", "[parser]") {
  CHECK(expr("a + b") == "(binop + (name a) (name b))");
  CHECK(expr("a - b") == "(binop - (name a) (name b))");
  CHECK(expr("a * b") == "(binop * (name a) (name b))");
  CHECK(expr("a / b") == "(binop / (name a) (name b))");
  CHECK(expr("a // b") == "(binop // (name a) (name b))");
  CHECK(expr("a % b") == "(binop % (name a) (name b))");
  CHECK(expr("a & b") == "(binop & (name a) (name b))");
  CHECK(expr("a | b") == "(binop | (name a) (name b))");
  CHECK(expr("a ^ b") == "(binop ^ (name a) (name b))");
  CHECK(expr("-a") == "(unary - (name a))");
  CHECK(expr("+a") == "(unary + (name a))");
  CHECK(expr("~a") == "(unary ~ (name a))");
  CHECK(expr("not a") == "(unary not (name a))");
  CHECK(expr("- -a") == "(unary - (unary - (name a)))");
  CHECK(expr("a and b") == "(and (name a) (name b))");
  CHECK(expr("a or b or c") == "(or (name a) (name b) (name c))");
  CHECK(expr("a and b and c") == "(and (name a) (name b) (name c))");
  CHECK(expr("a < b") == "(compare (name a) < (name b))");
  CHECK(expr("a <= b") == "(compare (name a) <= (name b))");
  CHECK(expr("a > b") == "(compare (name a) > (name b))");
  CHECK(expr("a >= b") == "(compare (name a) >= (name b))");
  CHECK(expr("a == b") == "(compare (name a) == (name b))");
  CHECK(expr("a != b") == "(compare (name a) != (name b))");
  CHECK(expr("x if c else y") == "(ifexp (name c) (name x) (name y))");
}

TEST_CASE("precedence and associativity follow Python", "[parser]") {
  CHECK(expr("a + b * c") == "(binop + (name a) (binop * (name b) (name c)))");
  CHECK(expr("a * b + c") == "(binop + (binop * (name a) (name b)) (name c))");
  CHECK(expr("a - b - c") == "(binop - (binop - (name a) (name b)) (name c))");
  CHECK(expr("a / b / c") == "(binop / (binop / (name a) (name b)) (name c))");
  CHECK(expr("(a + b) * c") == "(binop * (binop + (name a) (name b)) (name c))");
  CHECK(expr("-a * b") == "(binop * (unary - (name a)) (name b))");
  CHECK(expr("-a.shape[0]") == "(unary - (subscript (attr (name a) shape) (int 0)))");
  CHECK(expr("a | b ^ c & d") ==
        "(binop | (name a) (binop ^ (name b) (binop & (name c) (name d))))");
  CHECK(expr("a & b + c") == "(binop & (name a) (binop + (name b) (name c)))");
  CHECK(expr("a + b < c * d") ==
        "(compare (binop + (name a) (name b)) < (binop * (name c) (name d)))");
  CHECK(expr("a | b == c") == "(compare (binop | (name a) (name b)) == (name c))");
  CHECK(expr("not a < b") == "(unary not (compare (name a) < (name b)))");
  CHECK(expr("not a and b") == "(and (unary not (name a)) (name b))");
  CHECK(expr("a or b and c") == "(or (name a) (and (name b) (name c)))");
  CHECK(expr("a and b or c and d") == "(or (and (name a) (name b)) (and (name c) (name d)))");
  CHECK(expr("x if a or b else y") == "(ifexp (or (name a) (name b)) (name x) (name y))");
  CHECK(expr("x if c else y if d else z") ==
        "(ifexp (name c) (name x) (ifexp (name d) (name y) (name z)))");
  CHECK(expr("a + b if c else d") == "(ifexp (name c) (binop + (name a) (name b)) (name d))");
  CHECK(expr("~a & b") == "(binop & (unary ~ (name a)) (name b))");
  CHECK(expr("a % b * c // d") ==
        "(binop // (binop * (binop % (name a) (name b)) (name c)) (name d))");
}

TEST_CASE("chained comparisons are one Compare node", "[parser]") {
  CHECK(expr("0 <= i < n") == "(compare (int 0) <= (name i) < (name n))");
  CHECK(expr("a < b <= c == d != e") ==
        "(compare (name a) < (name b) <= (name c) == (name d) != (name e))");
  Parsed p = parse("def f():\n    x = 0 <= i < n\n");
  auto *c = cast<Compare>(cast<Assign>(p.module->defs[0]->body[0].get())->value.get());
  CHECK(c->operands.size() == 3);
  CHECK(c->ops.size() == 2);
}

TEST_CASE("statements", "[parser]") {
  Parsed p = parse("def f(a: float32[10], n: int32):\n"
                   "    s = 0.0\n"
                   "    b[i] = a[i]\n"
                   "    x, y = g(a)\n"
                   "    s += a[0]\n"
                   "    s -= 1; s *= 2\n"
                   "    s /= 2\n"
                   "    k //= 2\n"
                   "    k %= 3\n"
                   "    k &= 1\n"
                   "    k |= 1\n"
                   "    k ^= 1\n"
                   "    assert n > 0, \"n must be positive\"\n"
                   "    assert n\n"
                   "    while n > 0:\n"
                   "        n -= 1\n"
                   "        if n == 3:\n"
                   "            break\n"
                   "        continue\n"
                   "    pass\n"
                   "    return x, y\n");
  CHECK(p.errors().empty());
  CHECK(p.dump() == "(module\n"
                    "  (def f\n"
                    "    (param a (subscript (name float32) (int 10)))\n"
                    "    (param n (name int32))\n"
                    "    (assign (name s) = (float 0))\n"
                    "    (assign (subscript (name b) (name i)) = (subscript (name a) (name i)))\n"
                    "    (assign (name x) (name y) = (call g (name a)))\n"
                    "    (augassign (name s) += (subscript (name a) (int 0)))\n"
                    "    (augassign (name s) -= (int 1))\n"
                    "    (augassign (name s) *= (int 2))\n"
                    "    (augassign (name s) /= (int 2))\n"
                    "    (augassign (name k) //= (int 2))\n"
                    "    (augassign (name k) %= (int 3))\n"
                    "    (augassign (name k) &= (int 1))\n"
                    "    (augassign (name k) |= (int 1))\n"
                    "    (augassign (name k) ^= (int 1))\n"
                    "    (assert (compare (name n) > (int 0)) (str \"n must be positive\"))\n"
                    "    (assert (name n))\n"
                    "    (while (compare (name n) > (int 0))\n"
                    "      (augassign (name n) -= (int 1))\n"
                    "      (if (compare (name n) == (int 3))\n"
                    "        (then\n"
                    "          (break)))\n"
                    "      (continue))\n"
                    "    (pass)\n"
                    "    (return (tuple (name x) (name y)))))\n");
}

TEST_CASE("return forms", "[parser]") {
  Parsed p = parse("def f():\n    return\ndef g():\n    return (x, y)\ndef h():\n    return c\n");
  CHECK(p.errors().empty());
  CHECK(p.dump() == "(module\n"
                    "  (def f\n"
                    "    (return))\n"
                    "  (def g\n"
                    "    (return (tuple (name x) (name y))))\n"
                    "  (def h\n"
                    "    (return (name c))))\n");
}

TEST_CASE("all loop kinds, grid and one-line bodies", "[parser]") {
  Parsed p = parse("def f(a: float32[4, 8]):\n"
                   "    for i, j in grid(4, 8):\n"
                   "        pass\n"
                   "    for (i, j) in grid(4, 8):\n"
                   "        pass\n"
                   "    for k in const_range(4): a[k, 0] = 0.0\n"
                   "    for tx in bind('threadIdx.x', 100):\n"
                   "        pass\n"
                   "    for i in parallel(n): pass\n");
  CHECK(p.errors().empty());
  CHECK(p.dump() == "(module\n"
                    "  (def f\n"
                    "    (param a (subscript (name float32) (int 4) (int 8)))\n"
                    "    (for (i j) (call grid (int 4) (int 8))\n"
                    "      (pass))\n"
                    "    (for (i j) (call grid (int 4) (int 8))\n"
                    "      (pass))\n"
                    "    (for (k) (call const_range (int 4))\n"
                    "      (assign (subscript (name a) (name k) (int 0)) = (float 0)))\n"
                    "    (for (tx) (call bind (str \"threadIdx.x\") (int 100))\n"
                    "      (pass))\n"
                    "    (for (i) (call parallel (name n))\n"
                    "      (pass))))\n");
  auto *f = cast<For>(p.module->defs[0]->body[0].get());
  REQUIRE(f->vars.size() == 2);
  CHECK(p.text(f->vars[0]->range) == "i");
  CHECK(p.text(f->vars[1]->range) == "j");
  // The loop iterable may be any expression; Sema checks it.
  CHECK(parse("def f():\n    for j in a.shape[i]:\n        pass\n").errors().empty());
}

TEST_CASE("if / elif / else chains", "[parser]") {
  Parsed p = parse("def f(x: int32):\n"
                   "    if x < 0:\n"
                   "        y = 0\n"
                   "    elif x < 10:\n"
                   "        y = 1\n"
                   "    elif x < 20:\n"
                   "        y = 2\n"
                   "    else:\n"
                   "        y = 3\n"
                   "    if x: pass\n"
                   "    else: y = 4\n");
  CHECK(p.errors().empty());
  CHECK(p.dump() == "(module\n"
                    "  (def f\n"
                    "    (param x (name int32))\n"
                    "    (if (compare (name x) < (int 0))\n"
                    "      (then\n"
                    "        (assign (name y) = (int 0)))\n"
                    "      (else\n"
                    "        (elif (compare (name x) < (int 10))\n"
                    "          (then\n"
                    "            (assign (name y) = (int 1)))\n"
                    "          (else\n"
                    "            (elif (compare (name x) < (int 20))\n"
                    "              (then\n"
                    "                (assign (name y) = (int 2)))\n"
                    "              (else\n"
                    "                (assign (name y) = (int 3))))))))\n"
                    "    (if (name x)\n"
                    "      (then\n"
                    "        (pass))\n"
                    "      (else\n"
                    "        (assign (name y) = (int 4))))))\n");
  auto *top = cast<If>(p.module->defs[0]->body[0].get());
  CHECK_FALSE(top->isElif);
  REQUIRE(top->orelse.size() == 1);
  auto *elif = dyn_cast<If>(top->orelse[0].get());
  REQUIRE(elif);
  CHECK(elif->isElif);
  CHECK(p.span(top->range) == "2:5-9:14");
  CHECK(p.span(elif->range) == "4:5-9:14");
}

TEST_CASE("comments, blank lines, continuation and docstrings in a kernel", "[parser]") {
  Parsed p = parse("# leading comment\n"
                   "\n"
                   "def f(a: float32[10],   # first\n"
                   "      b: float32[10]):  # second\n"
                   "    '''Docstring\n"
                   "    over lines.'''\n"
                   "\n"
                   "    c = output_tensor((10,),\n"
                   "                      'float32')\n"
                   "    for i in range(10):\n"
                   "        # comment line\n"
                   "        c[i] = a[i] + \\\n"
                   "               b[i]\n"
                   "    return c\n");
  CHECK(p.errors().empty());
  REQUIRE(p.module->defs.size() == 1);
  CHECK(p.module->defs[0]->body.size() == 4);
}

TEST_CASE("source ranges of nodes", "[parser]") {
  Parsed p = parse("def f(a: float32[10]):\n"
                   "    c[i, j] = exp(a[i] + b.shape[0]) * -x\n"
                   "    y = t if 0 <= i < n else (1, 2)\n"
                   "    s += (a[i] + 1)\n"
                   "    return c\n");
  REQUIRE(p.errors().empty());
  auto &body = p.module->defs[0]->body;
  auto *as = cast<Assign>(body[0].get());
  CHECK(p.span(as->range) == "2:5-2:42");
  auto *tgt = cast<Subscript>(as->targets[0].get());
  CHECK(p.span(tgt->range) == "2:5-2:12");
  CHECK(p.span(tgt->indices[1]->range) == "2:10-2:11");
  auto *mul = cast<BinOp>(as->value.get());
  CHECK(p.span(mul->range) == "2:15-2:42");
  CHECK(p.span(mul->opRange) == "2:38-2:39");
  auto *call = cast<Call>(mul->lhs.get());
  CHECK(p.text(call->range) == "exp(a[i] + b.shape[0])");
  CHECK(p.span(call->calleeRange) == "2:15-2:18");
  auto *add = cast<BinOp>(call->args[0].get());
  CHECK(p.text(add->range) == "a[i] + b.shape[0]");
  CHECK(p.text(add->opRange) == "+");
  auto *shape0 = cast<Subscript>(add->rhs.get());
  CHECK(p.text(shape0->range) == "b.shape[0]");
  auto *attr = cast<Attribute>(shape0->value.get());
  CHECK(p.text(attr->range) == "b.shape");
  CHECK(p.text(attr->attrRange) == "shape");
  CHECK(p.text(cast<Name>(attr->value.get())->range) == "b");
  auto *neg = cast<UnaryOp>(mul->rhs.get());
  CHECK(p.text(neg->range) == "-x");

  auto *as2 = cast<Assign>(body[1].get());
  auto *ife = cast<IfExp>(as2->value.get());
  CHECK(p.text(ife->range) == "t if 0 <= i < n else (1, 2)");
  CHECK(p.text(ife->cond->range) == "0 <= i < n");
  CHECK(p.text(ife->orelse->range) == "(1, 2)");

  auto *aug = cast<AugAssign>(body[2].get());
  CHECK(p.span(aug->range) == "4:5-4:20");
  CHECK(p.text(aug->opRange) == "+=");
  CHECK(p.text(aug->value->range) == "a[i] + 1"); // parentheses are not part of it

  auto *ret = cast<Return>(body[3].get());
  CHECK(p.span(ret->range) == "5:5-5:13");
  CHECK(p.span(p.module->defs[0]->range) == "1:1-5:13");
}

TEST_CASE("ranges of compound statements span their bodies", "[parser]") {
  Parsed p = parse("def f():\n"
                   "    for i in range(3):\n"
                   "        x = 1\n"
                   "\n"
                   "    while a:\n"
                   "        y = 2  # trailing comment\n");
  REQUIRE(p.errors().empty());
  CHECK(p.span(p.module->defs[0]->body[0]->range) == "2:5-3:14");
  CHECK(p.span(p.module->defs[0]->body[1]->range) == "5:5-6:14");
}

TEST_CASE("decorators and imports are ignored", "[parser]") {
  Parsed p = parse("import tvm\n"
                   "import numpy as np, os.path\n"
                   "from tvm import te\n"
                   "from tvm.te.hybrid import script as s, (output_tensor)\n"
                   "from . import x\n"
                   "from .mod import (a, b,)\n"
                   "@script\n"
                   "@tvm.te.hybrid.script\n"
                   "@decorate(1, key='v', *args)\n"
                   "def f():\n"
                   "    pass\n");
  CHECK(p.kinds() == V{"ExpectedToken"}); // only `import script as s, (x)` is wrong
  Parsed q = parse("from tvm.te.hybrid import script as s, output_tensor\n"
                   "@script\n"
                   "@tvm.te.hybrid.script\n"
                   "@decorate(1, key='v', *args)\n"
                   "def f():\n"
                   "    pass\n");
  CHECK(q.errors().empty());
  CHECK(q.module->defs.size() == 1);
}

TEST_CASE("module docstrings and return annotations", "[parser]") {
  Parsed p = parse("\"\"\"Kernels for the tests.\n\nMore text.\"\"\"\n"
                   "def f(a: float32[10]) -> None:\n    pass\n"
                   "def g(a: float32[10]) -> Tuple[float32[10], int32]:\n    pass\n");
  CHECK(p.errors().empty());
  CHECK(p.module->defs.size() == 2);
  CHECK(parse("'doc'.upper()\ndef f():\n    pass\n").kinds() == V{"TopLevelStatement"});
  CHECK(parse("def f() -> :\n    pass\n").errors() ==
        V{"1:12 ExpectedToken: expected a return annotation, found ':'"});
}

TEST_CASE("several defs and calls between them", "[parser]") {
  Parsed p = parse("def add_one(a: float32[10]):\n"
                   "    b = output_tensor((10,), 'float32')\n"
                   "    for i in range(10):\n"
                   "        b[i] = a[i] + 1.0\n"
                   "    return b\n"
                   "\n"
                   "def two(a: float32[10]):\n"
                   "    x, y = pair(a)\n"
                   "    return x, y\n");
  CHECK(p.errors().empty());
  REQUIRE(p.module->defs.size() == 2);
  CHECK(p.module->find("two") == p.module->defs[1].get());
}

//===--- Unsupported constructs ------------------------------------------===//

TEST_CASE("unsupported Python says what is unsupported", "[parser]") {
  auto U = [](const std::string &what) { return what + " is not supported in hybrid script"; };
  auto msg = [](const std::string &e) { return e.substr(e.find(": ") + 2); };
  CHECK(msg(stmtError("x = f(y=1, a)")) ==
        "a positional argument cannot follow a keyword argument");
  CHECK(msg(stmtError("x = a[1:3]")) == U("slicing"));
  CHECK(msg(stmtError("x = a[:, 0]")) == U("slicing"));
  CHECK(msg(stmtError("x = a[::2]")) == U("slicing"));
  CHECK(msg(stmtError("x = a ** 2")) == U("the '**' operator (use power(a, b))"));
  CHECK(msg(stmtError("x = lambda y: y")) == U("'lambda'"));
  CHECK(msg(stmtError("import numpy")) == U("'import' inside a def"));
  CHECK(msg(stmtError("from numpy import exp")) == U("'import' inside a def"));
  CHECK(msg(stmtError("x = a is b")) == U("the 'is' operator"));
  CHECK(msg(stmtError("x = a is not b")) == U("the 'is' operator"));
  CHECK(msg(stmtError("x = a in b")) == U("the 'in' operator"));
  CHECK(msg(stmtError("x = a not in b")) == U("the 'in' operator"));
  CHECK(msg(stmtError("x = [1, 2]")) == U("a list literal"));
  CHECK(msg(stmtError("x = []")) == U("a list literal"));
  CHECK(msg(stmtError("x = [i for i in y]")) == U("a list comprehension"));
  CHECK(msg(stmtError("x = {1: 2}")) == U("a dict or set literal"));
  CHECK(msg(stmtError("x = {1, 2}")) == U("a dict or set literal"));
  CHECK(msg(stmtError("x = f(*a)")) == U("a starred argument"));
  CHECK(msg(stmtError("x = f(**a)")) == U("a starred argument"));
  CHECK(msg(stmtError("x = sum(i for i in y)")) == U("a generator expression"));
  CHECK(msg(stmtError("x = (i for i in y)")) == U("a generator expression"));
  CHECK(msg(stmtError("x = (y := 3)")) == U("an assignment expression (':=')"));
  CHECK(msg(stmtError("x = a << 2")) == U("the '<<' operator"));
  CHECK(msg(stmtError("x = a >> 2")) == U("the '>>' operator"));
  CHECK(msg(stmtError("x = 'a' 'b'")) == U("implicit string concatenation"));
  CHECK(msg(stmtError("x = f'{a}'")) == U("an f-string"));
  CHECK(msg(stmtError("x = b'abc'")) == U("a bytes literal"));
  CHECK(msg(stmtError("x = a @ b")) == U("the '@' operator (matrix multiplication)"));
  CHECK(msg(stmtError("x = None")) == U("'None'"));
  CHECK(msg(stmtError("x = ...")) == U("'...' (Ellipsis)"));
  CHECK(msg(stmtError("x = np.exp(a)")) == U("calling an attribute ('np.exp(...)')"));
  CHECK(msg(stmtError("x = f(a)(b)")) == U("calling 'f(a)' (only names can be called)"));
  CHECK(msg(stmtError("x = *a, b")) == U("a starred expression"));
  CHECK(msg(stmtError("x = a, *b")) == U("a starred expression"));
  CHECK(msg(stmtError("x = g((*a, b))")) == U("a starred expression"));
  CHECK(msg(stmtError("raise ValueError()")) == U("'raise' (use 'assert cond, \"message\"')"));
  CHECK(msg(stmtError("global x")) == U("a 'global' declaration"));
  CHECK(msg(stmtError("nonlocal x")) == U("a 'nonlocal' declaration"));
  CHECK(msg(stmtError("del x")) == U("a 'del' statement"));
  CHECK(msg(stmtError("yield x")) == U("'yield'"));
  CHECK(msg(stmtError("x = await y")) == U("'await'"));
  CHECK(msg(stmtError("x **= 2")) == U("the '**=' operator"));
  CHECK(msg(stmtError("x <<= 2")) == U("the '<<=' operator"));
  CHECK(msg(stmtError("x @= 2")) == U("the '@=' operator"));
  CHECK(msg(stmtError("x = y = f(a)")) ==
        U("chained assignment (to unpack several outputs write 'x, y = f(...)')"));
  CHECK(msg(stmtError("x: int32 = 0")) ==
        U("annotated assignment (a variable takes the type of its first value; write "
          "'x = int32(...)')"));
  CHECK(msg(stmtError("(x, y), z = f(a)")) == U("nested tuple unpacking"));
  CHECK(msg(stmtError("assert(a[0] > 0, 'positive')")) ==
        U("asserting a tuple (always true; write 'assert cond, \"message\"')"));
}

TEST_CASE("unsupported compound statements skip their blocks", "[parser]") {
  auto U = [](const std::string &what) { return what + " is not supported in hybrid script"; };
  CHECK(bodyErrors("    class A:\n        x = 1 +\n    return a\n") ==
        V{"2:5 Unsupported: " + U("a class definition")});
  CHECK(bodyErrors("    def g():\n        return 1\n    return a\n") ==
        V{"2:5 Unsupported: " + U("a nested def")});
  CHECK(bodyErrors("    @deco\n    def g():\n        return 1\n    return a\n") ==
        V{"2:5 Unsupported: " + U("a nested def")});
  CHECK(bodyErrors("    with open(f) as g:\n        pass\n    return a\n") ==
        V{"2:5 Unsupported: " + U("a 'with' statement")});
  CHECK(bodyErrors("    try:\n        x = 1\n    except E:\n        pass\n    else:\n"
                   "        pass\n    finally:\n        pass\n    return a\n") ==
        V{"2:5 Unsupported: " + U("a 'try' statement")});
  CHECK(bodyErrors("    for i in range(3):\n        pass\n    else:\n        pass\n") ==
        V{"4:5 Unsupported: " + U("an 'else' clause on a loop")});
  CHECK(bodyErrors("    while x:\n        pass\n    else:\n        pass\n") ==
        V{"4:5 Unsupported: " + U("an 'else' clause on a loop")});
  CHECK(bodyErrors("    async for x in y:\n        pass\n") ==
        V{"2:5 Unsupported: " + U("'async'")});
  // Top level.
  CHECK(parse("class A:\n    def f(self):\n        pass\ndef g():\n    pass\n").errors() ==
        V{"1:1 Unsupported: " + U("a class definition")});
  CHECK(parse("def f(a, b=1):\n    pass\n").errors() ==
        V{"1:11 Unsupported: " + U("a default parameter value")});
  CHECK(parse("def f(*args, **kw):\n    pass\n").errors() ==
        V{"1:7 Unsupported: " + U("a '*args' parameter"),
          "1:14 Unsupported: " + U("a '**kwargs' parameter")});
}

TEST_CASE("a statement still builds its node after a recoverable error", "[parser]") {
  // `**` is reported and kept as power(a, b); keyword arguments are kept
  // by name (Sema puts them in order).
  Parsed p = parse("def f():\n    x = a ** 2\n    y = g(a, k=1)\n");
  CHECK(p.kinds() == V{"Unsupported"});
  CHECK(p.dump() == "(module\n"
                    "  (def f\n"
                    "    (assign (name x) = (call power (name a) (int 2)))\n"
                    "    (assign (name y) = (call g (name a) (kw k (int 1))))))\n");
}

//===--- Syntax errors -----------------------------------------------------===//

TEST_CASE("syntax errors are precise", "[parser]") {
  CHECK(stmtError("x = (1 + )") == "2:14 ExpectedExpression: expected an expression, found ')'");
  CHECK(stmtError("x = 1 +") ==
        "2:12 ExpectedExpression: expected an expression, found end of line");
  CHECK(stmtError("x = a b") == "2:11 ExpectedToken: expected end of line, found identifier 'b'");
  CHECK(stmtError("for i range(3): pass") ==
        "2:11 ExpectedToken: expected 'in', found identifier 'range'");
  CHECK(stmtError("if x pass") == "2:10 ExpectedToken: expected ':', found keyword 'pass'");
  CHECK(stmtError("if x = 1: pass") ==
        "2:10 ExpectedToken: expected ':' (use '==' to compare), found '='");
  CHECK(stmtError("while x = 1: pass") ==
        "2:13 ExpectedToken: expected ':' (use '==' to compare), found '='");
  CHECK(stmtError("x = a[]") == "2:11 ExpectedExpression: expected an expression, found ']'");
  CHECK(stmtError("x = a.1") == "2:10 ExpectedToken: expected end of line, found number '.1'");
  CHECK(stmtError("x = a.") == "2:11 ExpectedToken: expected a name, found end of line");
  CHECK(stmtError("else:") == "2:5 ExpectedStatement: expected a statement, found keyword 'else'");
  CHECK(stmtError("x = y if c") == "2:15 ExpectedToken: expected 'else', found end of line");
}

TEST_CASE("invalid assignment targets", "[parser]") {
  CHECK(stmtError("f(a) = 1") == "2:5 InvalidAssignTarget: cannot assign to a function call");
  CHECK(stmtError("1 = x") == "2:5 InvalidAssignTarget: cannot assign to a literal");
  CHECK(stmtError("a.shape = x") == "2:5 InvalidAssignTarget: cannot assign to an attribute");
  CHECK(stmtError("a + b = x") ==
        "2:5 InvalidAssignTarget: cannot assign to an operator expression");
  CHECK(stmtError("x, f(a) = y") == "2:8 InvalidAssignTarget: cannot assign to a function call");
  CHECK(stmtError("f(a) += 1") == "2:5 InvalidAssignTarget: cannot assign to a function call");
  CHECK(stmtError("x, y += 1") ==
        "2:5 InvalidAssignTarget: cannot assign to a tuple in an augmented assignment");
  CHECK(stmtError("for a[i] in range(3): pass") ==
        "2:9 InvalidAssignTarget: cannot assign to a subscript (a loop variable must be a "
        "name)");
}

TEST_CASE("indentation errors", "[parser]") {
  CHECK(parse("def f():\nreturn 1\n").errors() ==
        V{"2:1 ExpectedIndent: expected an indented block after function definition on line 1"});
  CHECK(parse("def f():\n    for i in range(3):\n    x = 1\n").errors() ==
        V{"3:5 ExpectedIndent: expected an indented block after 'for' statement on line 2"});
  CHECK(parse("def f():\n    if x:\n    y = 1\n").errors() ==
        V{"3:5 ExpectedIndent: expected an indented block after 'if' statement on line 2"});
  CHECK(parse("def f():\n    if x:\n        y = 1\n    else:\n    z = 1\n").errors() ==
        V{"5:5 ExpectedIndent: expected an indented block after 'else' statement on line 4"});
  CHECK(parse("def f():\n    x = 1\n        y = 2\n    z = 3\n").errors() ==
        V{"3:9 UnexpectedIndent: unexpected indent"});
  CHECK(parse("  def f():\n      pass\n").errors() == V{"1:3 UnexpectedIndent: unexpected indent"});
  CHECK(parse("def f():\n").errors() ==
        V{"2:1 ExpectedIndent: expected an indented block after function definition on line 1"});
}

TEST_CASE("top-level statements, duplicate defs and parameters", "[parser]") {
  Parsed p = parse("x += 1\n"
                   "def f(a, b, a):\n"
                   "    pass\n"
                   "print(f)\n"
                   "def f(c):\n"
                   "    pass\n");
  CHECK(p.errors() == V{"1:1 TopLevelStatement: only 'def', 'import', decorators and constants "
                        "('N = 16') may appear at the top level",
                        "2:13 DuplicateParameter: duplicate parameter 'a' in def 'f'",
                        "4:1 TopLevelStatement: only 'def', 'import', decorators and constants "
                        "('N = 16') may appear at the top level",
                        "5:5 DuplicateFunction: redefinition of def 'f'"});
  REQUIRE(p.module->defs.size() == 1);
  CHECK(p.module->defs[0]->params.size() == 2);
  // The notes point at the first occurrences.
  const auto &ds = p.diags->diagnostics();
  REQUIRE(ds[1].notes.size() == 1);
  CHECK(p.lc(ds[1].notes[0].range.begin) == "2:7");
  REQUIRE(ds[3].notes.size() == 1);
  CHECK(p.lc(ds[3].notes[0].range.begin) == "2:5");
  // A top-level `if` block is skipped whole.
  CHECK(parse("if __name__ == '__main__':\n    main()\n    x = (\ndef f():\n    pass\n").kinds() ==
        V{"UnbalancedBracket", "TopLevelStatement"});
}

//===--- Recovery ------------------------------------------------------------===//

TEST_CASE("recovery reports independent errors in one run", "[parser]") {
  Parsed p = parse("def f(a: float32[10]):\n"
                   "    x = (1 +\n" // never closed
                   "    y = a[1:2]\n"
                   "    for i in range(10):\n"
                   "        b[i] = a[i] +* 2\n"
                   "        c[i] = f(key=1, x)\n"
                   "    return b\n"
                   "def g(a b):\n"
                   "    z = 1 2\n"
                   "def h():\n"
                   "    if x\n"
                   "        y = 1\n"
                   "    return y\n");
  // One diagnostic per mistake, nothing in between.
  CHECK(p.errors() ==
        V{"2:9 UnbalancedBracket: unmatched '('",
          "5:22 ExpectedExpression: expected an expression, found '*'",
          "6:25 PositionalAfterKeyword: a positional argument cannot follow a keyword argument",
          "8:9 ExpectedToken: expected ')', found identifier 'b'",
          "9:11 ExpectedToken: expected end of line, found number '2'",
          "11:9 ExpectedToken: expected ':', found end of line"});
  // Defs whose header parsed are kept with the statements that parsed.
  CHECK(p.module->find("f"));
  CHECK_FALSE(p.module->find("g"));
  CHECK(p.module->find("h"));
}

TEST_CASE("an error in a header still checks its body", "[parser]") {
  Parsed p = parse("def f():\n"
                   "    for i in range(3) + :\n"
                   "        x = 1 +\n"
                   "        y = 2\n"
                   "    return y\n");
  CHECK(p.kinds() == V{"ExpectedExpression", "ExpectedExpression"});
}

TEST_CASE("lexer errors are not repeated by the parser", "[parser]") {
  // The bad character makes the line unparsable; only the lexer speaks.
  CHECK(parse("def f():\n    x = a $ b c\n    y = 'abc\n    return x\n").kinds() ==
        V{"InvalidCharacter", "UnterminatedString"});
  CHECK(parse("def f():\n    x = 12abc 3\n").kinds() == V{"InvalidNumber"});
  CHECK(parse("def f():\n    x = g(a))\n    return x\n").kinds() == V{"UnbalancedBracket"});
  CHECK(parse("def f():\n    x = g(a\n    return x\n").kinds() == V{"UnbalancedBracket"});
  CHECK(parse("def f():\n    if x:\n        a = 1\n      b = 2\n    return c\n").kinds() ==
        V{"InconsistentIndent"});
  CHECK(parse("def f():\n    a = 1\n  b = 2\n    return c\n").kinds() == V{"InconsistentIndent"});
}

TEST_CASE("deep nesting is an error, not a crash", "[parser]") {
  std::string deep = std::string(5000, '(') + "1" + std::string(5000, ')');
  CHECK(parse("def f():\n    x = " + deep + "\n").kinds() == V{"Unsupported"});
  std::string neg(100000, '-');
  CHECK(parse("def f():\n    x = " + neg + "1\n").kinds() == V{"Unsupported"});
  std::string sum = "a";
  for (int i = 0; i < 20000; ++i) sum += "+a";
  CHECK(parse("def f():\n    x = " + sum + "\n    return x\n").kinds() == V{"Unsupported"});
  std::string nested = "def f():\n";
  for (int i = 0; i < 300; ++i) nested += std::string(i + 1, ' ') + "if x:\n";
  nested += std::string(301, ' ') + "pass\n";
  CHECK(parse(nested).kinds() == V{"Unsupported"});
  std::string elifs = "def f():\n    if x:\n        pass\n";
  for (int i = 0; i < 150; ++i) elifs += "    elif x:\n        pass\n";
  CHECK(parse(elifs).errors().empty());
}
