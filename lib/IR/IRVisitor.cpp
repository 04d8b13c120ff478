//===- IRVisitor.cpp - Default traversal and rebuilding -------------------===//
#include "hybridc/IR/IRVisitor.h"

namespace hybridc::ir {

void IRVisitor::visit(const Expr &e) {
  if (!e) return;
  switch (e->kind) {
#define HY_IR_EXPR(Name)                                                                           \
  case ExprKind::Name: return visit(static_cast<const Name *>(e.get()));
#include "hybridc/IR/IRNodes.def"
  }
}
void IRVisitor::visit(const Stmt &s) {
  if (!s) return;
  switch (s->kind) {
#define HY_IR_STMT(Name)                                                                           \
  case StmtKind::Name: return visit(static_cast<const Name *>(s.get()));
#include "hybridc/IR/IRNodes.def"
  }
}

void IRVisitor::visit(const IntImm *) {}
void IRVisitor::visit(const FloatImm *) {}
void IRVisitor::visit(const StringImm *) {}
void IRVisitor::visit(const Var *) {}
void IRVisitor::visit(const Cast *n) { visit(n->value); }
void IRVisitor::visit(const Binary *n) { visit(n->a), visit(n->b); }
void IRVisitor::visit(const Cmp *n) { visit(n->a), visit(n->b); }
void IRVisitor::visit(const Logical *n) { visit(n->a), visit(n->b); }
void IRVisitor::visit(const Not *n) { visit(n->a); }
void IRVisitor::visit(const Select *n) { visit(n->cond), visit(n->t), visit(n->f); }
void IRVisitor::visit(const Load *n) {
  for (auto &i : n->indices) visit(i);
  if (n->predicate) visit(n->predicate);
}
void IRVisitor::visit(const Ramp *n) { visit(n->base), visit(n->stride); }
void IRVisitor::visit(const Broadcast *n) { visit(n->value); }
void IRVisitor::visit(const Call *n) {
  for (auto &a : n->args) visit(a);
}
void IRVisitor::visit(const Shuffle *n) { visit(n->vec); }
void IRVisitor::visit(const LetStmt *n) { visit(n->value), visit(n->body); }
void IRVisitor::visit(const VarDecl *n) { visit(n->body); }
void IRVisitor::visit(const Assign *n) { visit(n->value); }
void IRVisitor::visit(const Store *n) {
  for (auto &i : n->indices) visit(i);
  visit(n->value);
  if (n->predicate) visit(n->predicate);
}
void IRVisitor::visit(const For *n) { visit(n->min), visit(n->extent), visit(n->body); }
void IRVisitor::visit(const While *n) { visit(n->cond), visit(n->body); }
void IRVisitor::visit(const Break *) {}
void IRVisitor::visit(const Continue *) {}
void IRVisitor::visit(const IfThenElse *n) { visit(n->cond), visit(n->then), visit(n->otherwise); }
void IRVisitor::visit(const Block *n) {
  for (auto &s : n->stmts) visit(s);
}
void IRVisitor::visit(const Allocate *n) { visit(n->body); }
void IRVisitor::visit(const AssertStmt *n) { visit(n->cond); }
void IRVisitor::visit(const Evaluate *n) { visit(n->value); }
void IRVisitor::visit(const Outlined *n) { visit(n->body); }

//===--- Mutator ---------------------------------------------------------===//

Expr IRMutator::mutate(const Expr &e) {
  if (!e) return e;
  switch (e->kind) {
#define HY_IR_EXPR(Name)                                                                           \
  case ExprKind::Name: return visit(static_cast<const Name *>(e.get()), e);
#include "hybridc/IR/IRNodes.def"
  }
  return e;
}
Stmt IRMutator::mutate(const Stmt &s) {
  if (!s) return s;
  Stmt r;
  switch (s->kind) {
#define HY_IR_STMT(Name)                                                                           \
  case StmtKind::Name: r = visit(static_cast<const Name *>(s.get()), s); break;
#include "hybridc/IR/IRNodes.def"
  }
  // Keep the source location of the statement being replaced.
  if (r && !r.same(s) && !r->loc.isValid() && s->loc.isValid()) r = withLoc(r, s->loc);
  return r;
}
std::vector<Expr> IRMutator::mutate(const std::vector<Expr> &es, bool &changed) {
  std::vector<Expr> out;
  out.reserve(es.size());
  for (auto &e : es) {
    out.push_back(mutate(e));
    changed |= !out.back().same(e);
  }
  return out;
}

Expr IRMutator::visit(const IntImm *, const Expr &self) { return self; }
Expr IRMutator::visit(const FloatImm *, const Expr &self) { return self; }
Expr IRMutator::visit(const StringImm *, const Expr &self) { return self; }
Expr IRMutator::visit(const Var *, const Expr &self) { return self; }
Expr IRMutator::visit(const Cast *n, const Expr &self) {
  Expr v = mutate(n->value);
  return v.same(n->value) ? self : Cast::make(n->type.withLanes(v.type().lanes), v);
}
Expr IRMutator::visit(const Binary *n, const Expr &self) {
  Expr a = mutate(n->a), b = mutate(n->b);
  return a.same(n->a) && b.same(n->b) ? self : Binary::make(n->op, a, b);
}
Expr IRMutator::visit(const Cmp *n, const Expr &self) {
  Expr a = mutate(n->a), b = mutate(n->b);
  return a.same(n->a) && b.same(n->b) ? self : Cmp::make(n->op, a, b);
}
Expr IRMutator::visit(const Logical *n, const Expr &self) {
  Expr a = mutate(n->a), b = mutate(n->b);
  return a.same(n->a) && b.same(n->b) ? self : Logical::make(n->isAnd, a, b);
}
Expr IRMutator::visit(const Not *n, const Expr &self) {
  Expr a = mutate(n->a);
  return a.same(n->a) ? self : Not::make(a);
}
Expr IRMutator::visit(const Select *n, const Expr &self) {
  Expr c = mutate(n->cond), t = mutate(n->t), f = mutate(n->f);
  return c.same(n->cond) && t.same(n->t) && f.same(n->f) ? self : Select::make(c, t, f);
}
Expr IRMutator::visit(const Load *n, const Expr &self) {
  bool changed = false;
  auto idx = mutate(n->indices, changed);
  Expr p = n->predicate ? mutate(n->predicate) : Expr();
  return changed || !p.same(n->predicate) ? Load::make(n->buffer, std::move(idx), p) : self;
}
Expr IRMutator::visit(const Ramp *n, const Expr &self) {
  Expr b = mutate(n->base), s = mutate(n->stride);
  return b.same(n->base) && s.same(n->stride) ? self : Ramp::make(b, s, n->lanes);
}
Expr IRMutator::visit(const Broadcast *n, const Expr &self) {
  Expr v = mutate(n->value);
  return v.same(n->value) ? self : Broadcast::make(v, n->lanes);
}
Expr IRMutator::visit(const Call *n, const Expr &self) {
  bool changed = false;
  auto args = mutate(n->args, changed);
  if (!changed) return self;
  uint16_t lanes = 1;
  for (auto &a : args) lanes = std::max(lanes, a.type().lanes);
  return Call::make(n->type.withLanes(lanes), n->func, std::move(args));
}
Expr IRMutator::visit(const Shuffle *n, const Expr &self) {
  Expr v = mutate(n->vec);
  if (v.same(n->vec)) return self;
  return n->op == Shuffle::Extract ? Shuffle::extract(v, n->lane) : Shuffle::reduce(n->op, v);
}

Stmt IRMutator::visit(const LetStmt *n, const Stmt &self) {
  Expr v = mutate(n->value);
  Stmt b = mutate(n->body);
  return v.same(n->value) && b.same(n->body) ? self : LetStmt::make(n->name, v, b);
}
Stmt IRMutator::visit(const VarDecl *n, const Stmt &self) {
  Stmt b = mutate(n->body);
  return b.same(n->body) ? self : VarDecl::make(n->name, n->type, b);
}
Stmt IRMutator::visit(const Assign *n, const Stmt &self) {
  Expr v = mutate(n->value);
  return v.same(n->value) ? self : Assign::make(n->name, v);
}
Stmt IRMutator::visit(const Store *n, const Stmt &self) {
  bool changed = false;
  auto idx = mutate(n->indices, changed);
  Expr v = mutate(n->value);
  Expr p = n->predicate ? mutate(n->predicate) : Expr();
  return !changed && v.same(n->value) && p.same(n->predicate)
             ? self
             : Store::make(n->buffer, std::move(idx), v, p);
}
Stmt IRMutator::visit(const For *n, const Stmt &self) {
  Expr mn = mutate(n->min), ext = mutate(n->extent);
  Stmt b = mutate(n->body);
  return mn.same(n->min) && ext.same(n->extent) && b.same(n->body)
             ? self
             : For::make(n->name, mn, ext, n->forKind, b, n->threadTag);
}
Stmt IRMutator::visit(const While *n, const Stmt &self) {
  Expr c = mutate(n->cond);
  Stmt b = mutate(n->body);
  return c.same(n->cond) && b.same(n->body) ? self : While::make(c, b);
}
Stmt IRMutator::visit(const Break *, const Stmt &self) { return self; }
Stmt IRMutator::visit(const Continue *, const Stmt &self) { return self; }
Stmt IRMutator::visit(const IfThenElse *n, const Stmt &self) {
  Expr c = mutate(n->cond);
  Stmt t = mutate(n->then), e = mutate(n->otherwise);
  return c.same(n->cond) && t.same(n->then) && e.same(n->otherwise) ? self
                                                                    : IfThenElse::make(c, t, e);
}
Stmt IRMutator::visit(const Block *n, const Stmt &self) {
  bool changed = false;
  std::vector<Stmt> out;
  for (auto &s : n->stmts) {
    out.push_back(mutate(s));
    changed |= !out.back().same(s);
  }
  return changed ? Block::make(std::move(out)) : self;
}
Stmt IRMutator::visit(const Allocate *n, const Stmt &self) {
  Stmt b = mutate(n->body);
  return b.same(n->body) ? self : Allocate::make(n->buffer, b);
}
Stmt IRMutator::visit(const AssertStmt *n, const Stmt &self) {
  Expr c = mutate(n->cond);
  return c.same(n->cond) ? self : AssertStmt::make(c, n->message);
}
Stmt IRMutator::visit(const Evaluate *n, const Stmt &self) {
  Expr v = mutate(n->value);
  return v.same(n->value) ? self : Evaluate::make(v);
}
Stmt IRMutator::visit(const Outlined *n, const Stmt &self) {
  Stmt b = mutate(n->body);
  return b.same(n->body) ? self : Outlined::make(n->name, n->parallel, n->captures, n->buffers, b);
}

} // namespace hybridc::ir
