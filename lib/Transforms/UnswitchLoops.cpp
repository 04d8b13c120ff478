//===- UnswitchLoops.cpp - Lift loop-invariant ifs out of loops -----------===//
//
// Bottom-up: after the body of a For is processed, if it is a single
// IfThenElse whose condition mentions neither the loop variable nor any
// name bound inside the loop nor a buffer written inside it, the For is
// rewritten as  if c: For(then) else: For(else)  (the else loop omitted
// when there is no else). Repeats outward, so a guard moves above every
// loop it does not depend on.
//
//===----------------------------------------------------------------------===//
#include "hybridc/IR/IRVisitor.h"
#include "hybridc/Transforms/Passes.h"

#include <set>

namespace hybridc::ir {
namespace {

class Mentions : public IRVisitor {
public:
  std::set<std::string> vars;
  std::set<const BufferNode *> loaded;
  using IRVisitor::visit;

protected:
  void visit(const Var *n) override { vars.insert(n->name); }
  void visit(const Load *n) override {
    loaded.insert(n->buffer.get());
    IRVisitor::visit(n);
  }
};

class Bound : public IRVisitor {
public:
  std::set<std::string> names;
  std::set<const BufferNode *> stored;
  bool hasSideExit = false;
  using IRVisitor::visit;

protected:
  void visit(const For *n) override { names.insert(n->name), IRVisitor::visit(n); }
  void visit(const LetStmt *n) override { names.insert(n->name), IRVisitor::visit(n); }
  void visit(const VarDecl *n) override { names.insert(n->name), IRVisitor::visit(n); }
  void visit(const Assign *n) override { names.insert(n->name), IRVisitor::visit(n); }
  void visit(const Store *n) override { stored.insert(n->buffer.get()), IRVisitor::visit(n); }
  void visit(const Break *) override { hasSideExit = true; }
  void visit(const Continue *) override { hasSideExit = true; }
};

class Unswitcher : public IRMutator {
protected:
  using IRMutator::visit;
  Stmt visit(const For *n, const Stmt &self) override {
    Stmt body = mutate(n->body);
    auto *branch = body.as<IfThenElse>();
    if (branch && n->forKind != ForKind::Vectorized) {
      Mentions m;
      m.visit(branch->cond);
      Bound b;
      b.visit(body);
      b.names.insert(n->name);
      bool invariant = !b.hasSideExit;
      for (auto &v : m.vars) invariant &= !b.names.count(v);
      for (auto *buf : m.loaded) invariant &= !b.stored.count(buf);
      if (invariant) {
        Stmt t = For::make(n->name, n->min, n->extent, n->forKind, branch->then, n->threadTag);
        Stmt e = branch->otherwise
                     ? For::make(n->name, n->min, n->extent, n->forKind, branch->otherwise, n->threadTag)
                     : Stmt();
        return IfThenElse::make(branch->cond, t, e);
      }
    }
    return body.same(n->body) ? self : For::make(n->name, n->min, n->extent, n->forKind, body, n->threadTag);
  }
};

} // namespace

Stmt unswitchLoops(const Stmt &s) { return Unswitcher().mutate(s); }

} // namespace hybridc::ir
