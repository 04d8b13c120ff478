//===- LinearForm.cpp - Integer expressions as sums of terms --------------===//
//
// Writes a scalar integer expression as  c0 + sum(ci * term_i)  where the
// terms are the non-linear leaves (variables, loads, products of two
// non-constants, ...), compared structurally. Enough to prove that two
// index expressions differ by a constant.
//
//===----------------------------------------------------------------------===//
#include "hybridc/Transforms/Simplify.h"

#include <vector>

namespace hybridc::ir {
namespace {

struct Linear {
  int64_t constant = 0;
  std::vector<std::pair<Expr, int64_t>> terms;

  void add(const Expr &t, int64_t c) {
    for (auto &p : terms)
      if (equal(p.first, t)) {
        p.second += c;
        return;
      }
    terms.push_back({t, c});
  }
};

void collect(const Expr &e, int64_t scale, Linear &out) {
  if (auto *i = e.as<IntImm>()) {
    out.constant += scale * i->value;
    return;
  }
  if (auto *c = e.as<Cast>(); c && c->value.type().isIntegral() && c->type.bits >= c->value.type().bits) {
    collect(c->value, scale, out); // widening keeps the value
    return;
  }
  if (auto *b = e.as<Binary>()) {
    switch (b->op) {
    case BinOp::Add: collect(b->a, scale, out), collect(b->b, scale, out); return;
    case BinOp::Sub: collect(b->a, scale, out), collect(b->b, -scale, out); return;
    case BinOp::Mul:
      if (auto *k = asConstInt(b->b)) return collect(b->a, scale * *k, out);
      if (auto *k = asConstInt(b->a)) return collect(b->b, scale * *k, out);
      break;
    default: break;
    }
  }
  out.add(e, scale);
}

} // namespace

std::optional<int64_t> constDifference(const Expr &a, const Expr &b) {
  if (!a || !b || a.type().lanes != 1 || b.type().lanes != 1) return std::nullopt;
  if (!a.type().isIntegral() || !b.type().isIntegral()) return std::nullopt;
  Linear l;
  collect(a, 1, l);
  collect(b, -1, l);
  for (auto &t : l.terms)
    if (t.second != 0) return std::nullopt;
  return l.constant;
}

} // namespace hybridc::ir
