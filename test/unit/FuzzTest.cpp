//===- FuzzTest.cpp - Lexer and parser survive arbitrary bytes ------------===//
//
// Feeds every prefix of six realistic kernels, and a few thousand
// deterministic mutations of them (bit flips, byte insertions and deletions,
// random bytes including 0x00 and 0xFF, spliced-in Python tokens, swapped
// lines), to lex + parseModule + ast::dump + rendering of the diagnostics.
// Nothing may crash, hang or throw, and every diagnostic and AST node must
// carry a well-formed range inside the buffer. The whole test runs in well
// under a second in a release build.
//
//===----------------------------------------------------------------------===//
#include "hybridc/AST/AST.h"
#include "hybridc/Parse/Lexer.h"
#include "hybridc/Parse/Parser.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <sstream>

using namespace hybridc;
using namespace hybridc::ast;

namespace {

const char *const kKernels[] = {
    // Outer product (the language reference's first example).
    R"(import tvm
from tvm.te.hybrid import script

@tvm.te.hybrid.script
def outer_product(a: float32[100], b: float32[99]):
    """c[i, j] = a[i] * b[j]"""
    c = output_tensor((100, 99), 'float32')
    for i in range(a.shape[0]):
        for j in range(b.shape[0]):
            c[i, j] = a[i] * b[j]
    return c
)",
    // A 2-D blur through an allocated buffer.
    R"(@script
def blur(a: float32[64, 64]):
    b = output_tensor((62, 62), 'float32')
    t = allocate((64, 62), 'float32', 'global')
    for i in range(64):
        for j in range(62):
            t[i, j] = (a[i, j] + a[i, j + 1] + a[i, j + 2]) / 3.0
    for i, j in grid(62, 62):
        b[i, j] = (t[i, j] + t[i + 1, j] + \
                   t[i + 2, j]) / 3.0
    return b
)",
    // Softmax over rows with exp and max.
    R"(def softmax(n: int32, x: float32[n, 128]):
    y = output_tensor((n, 128), 'float32')
    for i in parallel(n):
        m = x[i, 0]
        for j in range(1, 128):
            m = max(m, x[i, j])
        s = 0.0
        for j in range(128):
            y[i, j] = exp(x[i, j] - m)
            s += y[i, j]
        for j in vectorize(128):
            y[i, j] = y[i, j] / s
    return y
)",
    // Matmul with a scalar accumulator.
    R"(def matmul(a: float32[256, 128], b: float32[128, 512]):
    c = output_tensor((256, 512), 'float32')
    for i in range(256):
        for j in range(512):
            acc = 0.0
            for k in range(128):
                acc += a[i, k] * b[k, j]
            c[i, j] = acc
    return c
)",
    // Two outputs, and a call to another def.
    R"(def stats(a: float32[1024]):
    lo = output_tensor((1,), 'float32')
    hi = output_tensor((1,), 'float32')
    lo[0] = a[0]
    hi[0] = a[0]
    for i in range(1, 1024):
        lo[0] = min(lo[0], a[i])
        hi[0] = max(hi[0], a[i])
    return lo, hi

def normalize(a: float32[1024]):
    lo, hi = stats(a)
    out = output_tensor((1024,), 'float32')
    for i in range(1024):
        out[i] = (a[i] - lo[0]) / (hi[0] - lo[0]) if hi[0] > lo[0] else 0.0
    return out
)",
    // Control flow: while, break, continue, if/elif/else, assert, bind.
    R"(def control(n: int32, a: int32[16]):
    assert n > 0 and n <= 16, "n out of range"
    b = output_tensor((16,), 'int32')
    for tx in bind("threadIdx.x", 16):
        b[tx] = 0
    i = 0
    while i < n:
        if a[i] < 0:
            break
        elif 0 <= a[i] < 8:
            b[i] = a[i] // 2 % 3
        elif not a[i] == 9:
            i += 1
            continue
        else:
            b[i] = ~a[i] & 0xFF | 0b1010 ^ int32(1.5e0)
        i += 1
    for k in const_range(4): b[k] = -b[k]
    return b
)",
};

const char *const kDictionary[] = {
    "(",        ")",        "[",   "]",     "{",     "}",      ":",       ",",       ".",
    "\n",       "    ",     "\t",  "\\\n",  "\\",    "'''",    "\"\"\"",  "'",       "\"",
    "#",        "=",        "+=",  "**",    "//",    "->",     ":=",      "@",       "def ",
    "for ",     " in ",     "if ", "elif ", "else:", "while ", "return ", "lambda ", "class ",
    "not ",     " and ",    "0x",  "1e",    "1.",    ".5",     "_",       "\r",      "\f",
    "\xC3\xA9", "\xE2\x82", "\0",  "\xFF"};

/// Every node's and diagnostic's range is inside the buffer and ordered.
struct RangeChecker {
  uint32_t buffer;
  size_t size;
  int bad = 0;
  void check(SourceRange r) {
    if (!r.isValid()) return; // a few synthesized ranges may be empty
    if (r.begin.buffer != buffer || r.end.buffer != buffer || r.end.offset < r.begin.offset ||
        r.end.offset > size)
      ++bad;
  }
  void expr(const Expr *e) {
    if (!e) return;
    check(e->range);
    if (auto *a = dyn_cast<Attribute>(e)) {
      check(a->attrRange);
      expr(a->value.get());
    } else if (auto *s = dyn_cast<Subscript>(e)) {
      expr(s->value.get());
      for (auto &i : s->indices) expr(i.get());
    } else if (auto *c = dyn_cast<Call>(e)) {
      check(c->calleeRange);
      for (auto &a : c->args) expr(a.get());
    } else if (auto *b = dyn_cast<BinOp>(e)) {
      check(b->opRange);
      expr(b->lhs.get());
      expr(b->rhs.get());
    } else if (auto *u = dyn_cast<UnaryOp>(e)) {
      expr(u->operand.get());
    } else if (auto *b = dyn_cast<BoolOp>(e)) {
      for (auto &o : b->operands) expr(o.get());
    } else if (auto *c = dyn_cast<Compare>(e)) {
      for (auto &o : c->operands) expr(o.get());
    } else if (auto *i = dyn_cast<IfExp>(e)) {
      expr(i->cond.get());
      expr(i->then.get());
      expr(i->orelse.get());
    } else if (auto *t = dyn_cast<Tuple>(e)) {
      for (auto &x : t->elts) expr(x.get());
    }
  }
  void block(const Block &b) {
    for (auto &s : b) stmt(s.get());
  }
  void stmt(const Stmt *s) {
    check(s->range);
    if (auto *a = dyn_cast<Assign>(s)) {
      for (auto &t : a->targets) expr(t.get());
      expr(a->value.get());
    } else if (auto *a = dyn_cast<AugAssign>(s)) {
      expr(a->target.get());
      expr(a->value.get());
    } else if (auto *f = dyn_cast<For>(s)) {
      for (auto &v : f->vars) expr(v.get());
      expr(f->iter.get());
      block(f->body);
    } else if (auto *w = dyn_cast<While>(s)) {
      expr(w->cond.get());
      block(w->body);
    } else if (auto *i = dyn_cast<If>(s)) {
      expr(i->cond.get());
      block(i->then);
      block(i->orelse);
    } else if (auto *r = dyn_cast<Return>(s)) {
      expr(r->value.get());
    } else if (auto *a = dyn_cast<Assert>(s)) {
      expr(a->cond.get());
      expr(a->msg.get());
    } else if (auto *e = dyn_cast<ExprStmt>(s)) {
      expr(e->value.get());
    }
  }
};

/// Runs the front end on `src`; returns an empty string when all is well,
/// else what went wrong.
std::string runFrontEnd(const std::string &src) {
  try {
    SourceManager sm;
    uint32_t b = sm.addBuffer("fuzz.hy", src);
    {
      DiagnosticEngine diags(sm);
      std::vector<Token> toks = lex(sm, b, diags);
      if (toks.empty() || toks.back().kind != TokKind::EndOfFile)
        return "token stream does not end in EndOfFile";
    }
    DiagnosticEngine diags(sm);
    std::unique_ptr<Module> m = parseModule(sm, b, diags);
    if (!m) return "no module";
    RangeChecker rc{b, src.size()};
    for (auto &d : m->defs) {
      rc.check(d->range);
      rc.check(d->nameRange);
      for (auto &p : d->params) {
        rc.check(p.range);
        rc.expr(p.name.get());
        rc.expr(p.annotation.get());
      }
      rc.block(d->body);
    }
    for (const Diagnostic &d : diags.diagnostics()) {
      rc.check(d.range);
      if (!d.range.isValid()) ++rc.bad; // syntax errors always have a place
    }
    if (rc.bad) return std::to_string(rc.bad) + " malformed ranges";
    std::string text = dump(*m);
    std::ostringstream os;
    diags.render(os, false);
    (void)text;
  } catch (const std::exception &e) {
    return std::string("exception: ") + e.what();
  } catch (...) {
    return "unknown exception";
  }
  return "";
}

std::string mutate(std::string s, std::mt19937 &rng) {
  auto pick = [&](size_t n) { return n ? (size_t)(rng() % n) : 0; };
  int edits = 1 + (int)pick(4);
  for (int e = 0; e < edits; ++e) {
    size_t at = pick(s.size() + 1);
    switch (pick(8)) {
    case 0: // flip a bit
      if (at < s.size()) s[at] = (char)(s[at] ^ (1 << pick(8)));
      break;
    case 1: // insert a random byte
      s.insert(s.begin() + at, (char)pick(256));
      break;
    case 2: // delete a run of bytes
      if (at < s.size()) s.erase(at, 1 + pick(8));
      break;
    case 3: // overwrite with 0x00 or 0xFF
      if (at < s.size()) s[at] = pick(2) ? '\0' : '\xFF';
      break;
    case 4:
    case 5: { // splice in a Python token
      const char *t = kDictionary[pick(sizeof kDictionary / sizeof *kDictionary)];
      s.insert(at, t, t[0] ? std::char_traits<char>::length(t) : 1);
      break;
    }
    case 6: { // duplicate a chunk elsewhere
      size_t from = pick(s.size() + 1), len = pick(40);
      std::string chunk = s.substr(from, len);
      s.insert(std::min(at, s.size()), chunk);
      break;
    }
    case 7: { // random garbage
      size_t len = 1 + pick(6);
      std::string g;
      for (size_t i = 0; i < len; ++i) g += (char)pick(256);
      s.insert(at, g);
      break;
    }
    }
  }
  return s;
}

} // namespace

TEST_CASE("the sample kernels parse cleanly", "[fuzz]") {
  for (const char *k : kKernels) {
    SourceManager sm;
    uint32_t b = sm.addBuffer("k.hy", k);
    DiagnosticEngine diags(sm);
    auto m = parseModule(sm, b, diags);
    std::ostringstream os;
    diags.render(os, false);
    INFO(os.str());
    CHECK_FALSE(diags.hasErrors());
    CHECK_FALSE(m->defs.empty());
  }
}

TEST_CASE("every truncation of the kernels", "[fuzz]") {
  int failures = 0;
  for (const char *k : kKernels) {
    std::string src(k);
    for (size_t n = 0; n <= src.size(); ++n) {
      std::string r = runFrontEnd(src.substr(0, n));
      if (!r.empty() && failures++ < 5) {
        INFO("prefix of " << n << " bytes: " << r << "\n" << src.substr(0, n));
        CHECK(r.empty());
      }
    }
  }
  CHECK(failures == 0);
}

TEST_CASE("deterministic random mutations of the kernels", "[fuzz]") {
  std::mt19937 rng(20240611);
  int failures = 0;
  const int perKernel = 700;
  for (const char *k : kKernels) {
    std::string src(k);
    for (int i = 0; i < perKernel; ++i) {
      std::string m = mutate(src, rng);
      std::string r = runFrontEnd(m);
      if (!r.empty() && failures++ < 5) {
        INFO("mutation " << i << ": " << r << "\n" << m);
        CHECK(r.empty());
      }
    }
  }
  CHECK(failures == 0);
}

TEST_CASE("pure noise and pathological inputs", "[fuzz]") {
  std::mt19937 rng(7);
  int failures = 0;
  for (int i = 0; i < 300; ++i) {
    std::string s;
    size_t len = rng() % 300;
    for (size_t k = 0; k < len; ++k) s += (char)(rng() % 256);
    if (!runFrontEnd(s).empty()) ++failures;
  }
  const std::string cases[] = {std::string(1, '\0'),
                               "\xFF\xFF\xFF",
                               "(((((((",
                               ")))))))",
                               "]]]",
                               "'''",
                               "\"\"\"\n\n",
                               "\\",
                               "\\\n",
                               "def",
                               "def f",
                               "def f(",
                               "def f(a:",
                               "def f():",
                               "def f():\n  ",
                               "\t\t\tx",
                               "   \n\t\n",
                               "@",
                               "@\n",
                               "@a.b(\n",
                               "def f():\n    return (",
                               "0x",
                               "1e+",
                               "def f():\n  x = 1\n\ty = 2\n",
                               std::string(10000, '\n'),
                               std::string(10000, ' ') + "x",
                               std::string(3000, '[') + std::string(3000, ']'),
                               "def f():\n" + std::string(5000, '\t'),
                               std::string(4000, '\'')};
  for (const std::string &s : cases) {
    std::string r = runFrontEnd(s);
    INFO(s.substr(0, 60));
    CHECK(r.empty());
  }
  CHECK(failures == 0);
}
