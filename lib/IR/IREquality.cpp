//===- IREquality.cpp - Structural equality of expressions ----------------===//
#include "hybridc/IR/IR.h"

namespace hybridc::ir {

static bool equalList(const std::vector<Expr> &a, const std::vector<Expr> &b) {
  if (a.size() != b.size()) return false;
  for (size_t k = 0; k < a.size(); ++k)
    if (!equal(a[k], b[k])) return false;
  return true;
}

bool equal(const Expr &a, const Expr &b) {
  if (a.same(b)) return true;
  if (!a || !b || a->kind != b->kind || a.type() != b.type()) return false;
  switch (a->kind) {
  case ExprKind::IntImm: return a.as<IntImm>()->value == b.as<IntImm>()->value;
  case ExprKind::FloatImm: return a.as<FloatImm>()->value == b.as<FloatImm>()->value;
  case ExprKind::StringImm: return a.as<StringImm>()->value == b.as<StringImm>()->value;
  case ExprKind::Var: return a.as<Var>()->name == b.as<Var>()->name;
  case ExprKind::Cast: return equal(a.as<Cast>()->value, b.as<Cast>()->value);
  case ExprKind::Binary: {
    auto *x = a.as<Binary>(), *y = b.as<Binary>();
    return x->op == y->op && equal(x->a, y->a) && equal(x->b, y->b);
  }
  case ExprKind::Cmp: {
    auto *x = a.as<Cmp>(), *y = b.as<Cmp>();
    return x->op == y->op && equal(x->a, y->a) && equal(x->b, y->b);
  }
  case ExprKind::Logical: {
    auto *x = a.as<Logical>(), *y = b.as<Logical>();
    return x->isAnd == y->isAnd && equal(x->a, y->a) && equal(x->b, y->b);
  }
  case ExprKind::Not: return equal(a.as<Not>()->a, b.as<Not>()->a);
  case ExprKind::Select: {
    auto *x = a.as<Select>(), *y = b.as<Select>();
    return equal(x->cond, y->cond) && equal(x->t, y->t) && equal(x->f, y->f);
  }
  case ExprKind::Load: {
    auto *x = a.as<Load>(), *y = b.as<Load>();
    return x->buffer == y->buffer && equalList(x->indices, y->indices) &&
           equal(x->predicate, y->predicate);
  }
  case ExprKind::Ramp: {
    auto *x = a.as<Ramp>(), *y = b.as<Ramp>();
    return x->lanes == y->lanes && equal(x->base, y->base) && equal(x->stride, y->stride);
  }
  case ExprKind::Broadcast: {
    auto *x = a.as<Broadcast>(), *y = b.as<Broadcast>();
    return x->lanes == y->lanes && equal(x->value, y->value);
  }
  case ExprKind::Call: {
    auto *x = a.as<Call>(), *y = b.as<Call>();
    return x->func == y->func && equalList(x->args, y->args);
  }
  case ExprKind::Shuffle: {
    auto *x = a.as<Shuffle>(), *y = b.as<Shuffle>();
    return x->op == y->op && x->lane == y->lane && equal(x->vec, y->vec);
  }
  }
  return false;
}

} // namespace hybridc::ir
