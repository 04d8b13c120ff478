//===- IRVisitor.h - Traversal and rewriting of the loop IR ---------------===//
//
// IRVisitor walks a tree (default: visit every child); IRMutator rebuilds it
// (default: rebuild a node only when a child changed, so unchanged subtrees
// are shared). Both dispatch over the kinds of IRNodes.def. Override the
// visit(const X *) for the nodes a pass cares about and call the base
// version to keep walking.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "hybridc/IR/IR.h"

namespace hybridc::ir {

class IRVisitor {
public:
  virtual ~IRVisitor() = default;
  void visit(const Expr &e);
  void visit(const Stmt &s);

protected:
#define HY_IR_EXPR(Name) virtual void visit(const Name *);
#define HY_IR_STMT(Name) virtual void visit(const Name *);
#include "hybridc/IR/IRNodes.def"
};

class IRMutator {
public:
  virtual ~IRMutator() = default;
  Expr mutate(const Expr &e);
  Stmt mutate(const Stmt &s);

protected:
  // `self` is the handle of the node being visited, returned unchanged
  // when no child changed.
#define HY_IR_EXPR(Name) virtual Expr visit(const Name *, const Expr &self);
#define HY_IR_STMT(Name) virtual Stmt visit(const Name *, const Stmt &self);
#include "hybridc/IR/IRNodes.def"
  std::vector<Expr> mutate(const std::vector<Expr> &es, bool &changed);
};

} // namespace hybridc::ir
