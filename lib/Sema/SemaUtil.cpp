//===- SemaUtil.cpp - Small helpers shared by the checker -----------------===//
//
// Type of a symbol's uses, two's-complement folding, comparison of shape
// dimensions and expressions, and the short renderings of expressions and
// tensor types that appear in diagnostics.
//
//===----------------------------------------------------------------------===//
#include "SemaInternal.h"

#include <sstream>

namespace hybridc::sema {

using namespace ast;

Type typeOf(const Symbol &s) {
  if (!s.dtype.isValid()) return {};
  if (s.isTensor()) return Type::tensor(s.dtype, s.rank());
  return Type::scalar(s.dtype);
}

int64_t wrapTo(int64_t v, DType d) {
  unsigned bits = d.isBool() ? 1 : d.bits;
  if (bits == 0 || bits >= 64) return v;
  uint64_t mask = (uint64_t(1) << bits) - 1;
  uint64_t u = uint64_t(v) & mask;
  if (d.isInt() && (u >> (bits - 1)) != 0) return int64_t(u | ~mask);
  return int64_t(u);
}

bool sameDim(const Dim &a, const Dim &b) {
  if (a.isConst() || b.isConst()) return a.isConst() && b.isConst() && *a.constant == *b.constant;
  if (a.param || b.param) return a.param == b.param;
  return a.expr && b.expr && sameExpr(*a.expr, *b.expr);
}

bool sameExpr(const Expr &a, const Expr &b) {
  if (a.constInt && b.constInt) return *a.constInt == *b.constInt;
  if (a.kind != b.kind) return false;
  switch (a.kind) {
  case ExprKind::IntLit: return cast<IntLit>(&a)->value == cast<IntLit>(&b)->value;
  case ExprKind::BoolLit: return cast<BoolLit>(&a)->value == cast<BoolLit>(&b)->value;
  case ExprKind::FloatLit: return cast<FloatLit>(&a)->value == cast<FloatLit>(&b)->value;
  case ExprKind::StrLit: return cast<StrLit>(&a)->value == cast<StrLit>(&b)->value;
  case ExprKind::Name: {
    auto *x = cast<Name>(&a), *y = cast<Name>(&b);
    return x->symbol ? x->symbol == y->symbol : x->id == y->id;
  }
  case ExprKind::Attribute: {
    auto *x = cast<Attribute>(&a), *y = cast<Attribute>(&b);
    return x->attr == y->attr && sameExpr(*x->value, *y->value);
  }
  case ExprKind::Subscript: {
    auto *x = cast<Subscript>(&a), *y = cast<Subscript>(&b);
    if (x->indices.size() != y->indices.size() || !sameExpr(*x->value, *y->value)) return false;
    for (size_t i = 0; i < x->indices.size(); ++i)
      if (!sameExpr(*x->indices[i], *y->indices[i])) return false;
    return true;
  }
  case ExprKind::Call: {
    auto *x = cast<Call>(&a), *y = cast<Call>(&b);
    if (x->callee != y->callee || x->args.size() != y->args.size()) return false;
    for (size_t i = 0; i < x->args.size(); ++i)
      if (!sameExpr(*x->args[i], *y->args[i])) return false;
    return true;
  }
  case ExprKind::BinOp: {
    auto *x = cast<BinOp>(&a), *y = cast<BinOp>(&b);
    return x->op == y->op && sameExpr(*x->lhs, *y->lhs) && sameExpr(*x->rhs, *y->rhs);
  }
  case ExprKind::UnaryOp: {
    auto *x = cast<UnaryOp>(&a), *y = cast<UnaryOp>(&b);
    return x->op == y->op && sameExpr(*x->operand, *y->operand);
  }
  default: return false;
  }
}

namespace {

bool needsParens(const Expr &e) {
  return isa<BinOp>(&e) || isa<BoolOp>(&e) || isa<Compare>(&e) || isa<IfExp>(&e);
}

std::string sub(const Expr &e) { return needsParens(e) ? "(" + exprStr(e) + ")" : exprStr(e); }

std::string joined(const std::vector<ExprPtr> &v) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + exprStr(*v[i]);
  return s;
}

} // namespace

std::string exprStr(const Expr &e) {
  switch (e.kind) {
  case ExprKind::IntLit: return std::to_string(cast<IntLit>(&e)->value);
  case ExprKind::FloatLit: {
    std::ostringstream os;
    os << cast<FloatLit>(&e)->value;
    std::string s = os.str();
    if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
    return s;
  }
  case ExprKind::BoolLit: return cast<BoolLit>(&e)->value ? "True" : "False";
  case ExprKind::StrLit: return quoted(cast<StrLit>(&e)->value);
  case ExprKind::Name: return cast<Name>(&e)->id;
  case ExprKind::Attribute: {
    auto *a = cast<Attribute>(&e);
    return sub(*a->value) + "." + a->attr;
  }
  case ExprKind::Subscript: {
    auto *s = cast<Subscript>(&e);
    return sub(*s->value) + "[" + joined(s->indices) + "]";
  }
  case ExprKind::Call: {
    auto *c = cast<Call>(&e);
    return c->callee + "(" + joined(c->args) + ")";
  }
  case ExprKind::BinOp: {
    auto *b = cast<BinOp>(&e);
    return sub(*b->lhs) + " " + spelling(b->op) + " " + sub(*b->rhs);
  }
  case ExprKind::UnaryOp: {
    auto *u = cast<UnaryOp>(&e);
    const char *op = u->op == UnaryOpKind::Neg    ? "-"
                     : u->op == UnaryOpKind::Plus ? "+"
                     : u->op == UnaryOpKind::Not  ? "not "
                                                  : "~";
    return op + sub(*u->operand);
  }
  case ExprKind::BoolOp: {
    auto *b = cast<BoolOp>(&e);
    std::string s;
    for (size_t i = 0; i < b->operands.size(); ++i)
      s += (i ? (b->isAnd ? " and " : " or ") : "") + sub(*b->operands[i]);
    return s;
  }
  case ExprKind::Compare: {
    auto *c = cast<Compare>(&e);
    std::string s = sub(*c->operands[0]);
    for (size_t i = 0; i < c->ops.size(); ++i)
      s += std::string(" ") + spelling(c->ops[i]) + " " + sub(*c->operands[i + 1]);
    return s;
  }
  case ExprKind::IfExp: {
    auto *i = cast<IfExp>(&e);
    return sub(*i->then) + " if " + sub(*i->cond) + " else " + sub(*i->orelse);
  }
  case ExprKind::Tuple: {
    auto *t = cast<Tuple>(&e);
    return "(" + joined(t->elts) + (t->elts.size() == 1 ? ",)" : ")");
  }
  }
  return "?";
}

std::string dimStr(const Dim &d) {
  if (d.isConst()) return std::to_string(*d.constant);
  if (d.param) return d.param->name;
  if (d.expr) return exprStr(*d.expr);
  return "?";
}

std::string symbolTypeStr(const Symbol &s) {
  if (!s.isTensor()) return s.dtype.str();
  std::string r = s.kind == Symbol::ConstArray ? "const " : "";
  r += s.dtype.str() + "[";
  for (size_t i = 0; i < s.shape.size(); ++i) r += (i ? ", " : "") + dimStr(s.shape[i]);
  return r + "]";
}

std::string quoted(const std::string &s) { return "'" + s + "'"; }

} // namespace hybridc::sema
