//===- AST.cpp - Operator spellings and type names ------------------------===//
#include "hybridc/AST/AST.h"

namespace hybridc::ast {

const char *spelling(BinOpKind k) {
  switch (k) {
  case BinOpKind::Add: return "+";
  case BinOpKind::Sub: return "-";
  case BinOpKind::Mul: return "*";
  case BinOpKind::Div: return "/";
  case BinOpKind::FloorDiv: return "//";
  case BinOpKind::Mod: return "%";
  case BinOpKind::BitAnd: return "&";
  case BinOpKind::BitOr: return "|";
  case BinOpKind::BitXor: return "^";
  }
  return "?";
}

const char *spelling(CmpOpKind k) {
  switch (k) {
  case CmpOpKind::Lt: return "<";
  case CmpOpKind::Le: return "<=";
  case CmpOpKind::Gt: return ">";
  case CmpOpKind::Ge: return ">=";
  case CmpOpKind::Eq: return "==";
  case CmpOpKind::Ne: return "!=";
  }
  return "?";
}

std::string Type::str() const {
  switch (kind) {
  case Unknown: return "<unknown>";
  case Scalar: return dtype.str();
  case Tensor: return "tensor " + dtype.str() + "[" + std::to_string(rank) + "-D]";
  case Shape: return "shape";
  case DTypeRef: return "dtype";
  case String: return "string";
  case Tuple: return "tuple";
  case None: return "None";
  }
  return "?";
}

} // namespace hybridc::ast

namespace hybridc::ast {
namespace {

void walkExpr(ExprPtr &slot, const std::function<void(ExprPtr &)> &fn) {
  if (!slot) return;
  fn(slot);
  Expr *e = slot.get();
  auto all = [&](std::vector<ExprPtr> &v) {
    for (auto &x : v) walkExpr(x, fn);
  };
  switch (e->kind) {
  case ExprKind::IntLit:
  case ExprKind::FloatLit:
  case ExprKind::BoolLit:
  case ExprKind::StrLit:
  case ExprKind::Name: return;
  case ExprKind::Attribute: walkExpr(cast<Attribute>(e)->value, fn); return;
  case ExprKind::Subscript:
    walkExpr(cast<Subscript>(e)->value, fn);
    all(cast<Subscript>(e)->indices);
    return;
  case ExprKind::Call: all(cast<Call>(e)->args); return;
  case ExprKind::BinOp:
    walkExpr(cast<BinOp>(e)->lhs, fn);
    walkExpr(cast<BinOp>(e)->rhs, fn);
    return;
  case ExprKind::UnaryOp: walkExpr(cast<UnaryOp>(e)->operand, fn); return;
  case ExprKind::BoolOp: all(cast<BoolOp>(e)->operands); return;
  case ExprKind::Compare: all(cast<Compare>(e)->operands); return;
  case ExprKind::IfExp:
    walkExpr(cast<IfExp>(e)->cond, fn);
    walkExpr(cast<IfExp>(e)->then, fn);
    walkExpr(cast<IfExp>(e)->orelse, fn);
    return;
  case ExprKind::Tuple: all(cast<Tuple>(e)->elts); return;
  }
}

void walkBlock(Block &b, const std::function<void(ExprPtr &)> &fn) {
  for (auto &sp : b) {
    Stmt *s = sp.get();
    switch (s->kind) {
    case StmtKind::Assign:
      for (auto &t : cast<Assign>(s)->targets) walkExpr(t, fn);
      walkExpr(cast<Assign>(s)->value, fn);
      break;
    case StmtKind::AugAssign:
      walkExpr(cast<AugAssign>(s)->target, fn);
      walkExpr(cast<AugAssign>(s)->value, fn);
      break;
    case StmtKind::For:
      walkExpr(cast<For>(s)->iter, fn);
      walkBlock(cast<For>(s)->body, fn);
      break;
    case StmtKind::While:
      walkExpr(cast<While>(s)->cond, fn);
      walkBlock(cast<While>(s)->body, fn);
      break;
    case StmtKind::If:
      walkExpr(cast<If>(s)->cond, fn);
      walkBlock(cast<If>(s)->then, fn);
      walkBlock(cast<If>(s)->orelse, fn);
      break;
    case StmtKind::Return: walkExpr(cast<Return>(s)->value, fn); break;
    case StmtKind::Assert:
      walkExpr(cast<Assert>(s)->cond, fn);
      walkExpr(cast<Assert>(s)->msg, fn);
      break;
    case StmtKind::ExprStmt: walkExpr(cast<ExprStmt>(s)->value, fn); break;
    case StmtKind::Break:
    case StmtKind::Continue:
    case StmtKind::Pass: break;
    }
  }
}

} // namespace

void forEachStmt(const Block &b, const std::function<void(const Stmt &)> &fn) {
  for (auto &sp : b) {
    fn(*sp);
    if (auto *f = dyn_cast<For>(sp.get()))
      forEachStmt(f->body, fn);
    else if (auto *w = dyn_cast<While>(sp.get()))
      forEachStmt(w->body, fn);
    else if (auto *i = dyn_cast<If>(sp.get()))
      forEachStmt(i->then, fn), forEachStmt(i->orelse, fn);
  }
}

void forEachExprSlot(Def &d, const std::function<void(ExprPtr &)> &fn) {
  for (auto &p : d.params) walkExpr(p.annotation, fn);
  walkBlock(d.body, fn);
}

} // namespace hybridc::ast

namespace hybridc::ast {

ExprPtr clone(const Expr &e) {
  auto all = [](const std::vector<ExprPtr> &v) {
    std::vector<ExprPtr> out;
    for (auto &x : v) out.push_back(clone(*x));
    return out;
  };
  switch (e.kind) {
  case ExprKind::IntLit: return std::make_unique<IntLit>(e.range, cast<IntLit>(&e)->value);
  case ExprKind::FloatLit: return std::make_unique<FloatLit>(e.range, cast<FloatLit>(&e)->value);
  case ExprKind::BoolLit: return std::make_unique<BoolLit>(e.range, cast<BoolLit>(&e)->value);
  case ExprKind::StrLit: return std::make_unique<StrLit>(e.range, cast<StrLit>(&e)->value);
  case ExprKind::Name: return std::make_unique<Name>(e.range, cast<Name>(&e)->id);
  case ExprKind::Attribute: {
    auto *a = cast<Attribute>(&e);
    return std::make_unique<Attribute>(e.range, clone(*a->value), a->attr, a->attrRange);
  }
  case ExprKind::Subscript: {
    auto *s = cast<Subscript>(&e);
    return std::make_unique<Subscript>(e.range, clone(*s->value), all(s->indices));
  }
  case ExprKind::Call: {
    auto *c = cast<Call>(&e);
    auto out = std::make_unique<Call>(e.range, c->callee, c->calleeRange, all(c->args));
    out->keywords = c->keywords;
    return out;
  }
  case ExprKind::BinOp: {
    auto *b = cast<BinOp>(&e);
    return std::make_unique<BinOp>(e.range, b->op, clone(*b->lhs), clone(*b->rhs), b->opRange);
  }
  case ExprKind::UnaryOp: {
    auto *u = cast<UnaryOp>(&e);
    return std::make_unique<UnaryOp>(e.range, u->op, clone(*u->operand));
  }
  case ExprKind::BoolOp: {
    auto *b = cast<BoolOp>(&e);
    return std::make_unique<BoolOp>(e.range, b->isAnd, all(b->operands));
  }
  case ExprKind::Compare: {
    auto *c = cast<Compare>(&e);
    return std::make_unique<Compare>(e.range, all(c->operands), c->ops);
  }
  case ExprKind::IfExp: {
    auto *i = cast<IfExp>(&e);
    return std::make_unique<IfExp>(e.range, clone(*i->cond), clone(*i->then), clone(*i->orelse));
  }
  case ExprKind::Tuple: return std::make_unique<Tuple>(e.range, all(cast<Tuple>(&e)->elts));
  }
  return nullptr;
}

} // namespace hybridc::ast
