//===- Verifier.cpp - Invariants of the loop IR ---------------------------===//
#include "hybridc/IR/Verifier.h"
#include "hybridc/IR/IRPrinter.h"
#include "hybridc/IR/IRVisitor.h"

#include <algorithm>
#include <map>
#include <vector>

namespace hybridc::ir {
namespace {

struct Failure {
  std::string message;
};

class Verifier : public IRVisitor {
public:
  using IRVisitor::visit;

  void bind(const std::string &name, DType t, bool mutableVar = false) {
    scopes_.back()[name] = {t, mutableVar};
  }
  void push() { scopes_.emplace_back(); }
  bool flat = false; // after flatten-storage: one int64 offset per access
  void pop() { scopes_.pop_back(); }

private:
  struct Binding {
    DType type;
    bool mutableVar;
  };
  std::vector<std::map<std::string, Binding>> scopes_{1};
  int loopDepth_ = 0;

  [[noreturn]] void fail(const std::string &m) { throw Failure{m}; }

  const Binding *lookup(const std::string &n) const {
    for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it) {
      auto f = it->find(n);
      if (f != it->end()) return &f->second;
    }
    return nullptr;
  }

  void checkInt(const Expr &e, const char *what) {
    if (!e) fail(std::string("null ") + what);
    if (!e.type().isIntegral()) fail(std::string(what) + " is not an integer: " + toString(e));
  }

  void visit(const Var *n) override {
    const Binding *b = lookup(n->name);
    if (!b) fail("use of unbound variable '" + n->name + "'");
    if (b->type != n->type)
      fail("variable '" + n->name + "' used as " + n->type.str() + " but bound as " +
           b->type.str());
  }
  void checkIndexCount(const Buffer &b, const std::vector<Expr> &indices, const char *what) {
    bool ok = flat ? indices.size() == std::min<size_t>(1, b->shape.size())
                   : indices.size() == b->shape.size();
    if (!ok) fail(std::string(what) + b->name + ": index count");
    if (flat && !indices.empty() && indices[0].type().element() != DType::i64())
      fail(std::string(what) + b->name + ": flat offset is not int64");
  }
  /// A predicate is a bool vector as wide as the access, or any bool
  /// vector for a scalar access (see Load::predicate).
  void checkPredicate(const Expr &p, int lanes, const char *what, const Buffer &b) {
    if (p && (!p.type().isBool() || p.type().lanes < 2 || (lanes > 1 && p.type().lanes != lanes)))
      fail(std::string(what) + b->name + ": predicate of type " + p.type().str());
  }
  void visit(const Load *n) override {
    checkIndexCount(n->buffer, n->indices, "load of ");
    checkPredicate(n->predicate, n->type.lanes, "load of ", n->buffer);
    for (auto &i : n->indices) checkInt(i, "load index");
    IRVisitor::visit(n);
  }
  void visit(const Select *n) override {
    if (!n->cond.type().isBool()) fail("select condition is not bool");
    IRVisitor::visit(n);
  }
  void visit(const Store *n) override {
    checkIndexCount(n->buffer, n->indices, "store to ");
    int lanes = n->value.type().lanes;
    for (auto &i : n->indices) lanes = std::max<int>(lanes, i.type().lanes);
    checkPredicate(n->predicate, lanes, "store to ", n->buffer);
    if ((n->buffer->kind == BufferNode::Input && !n->buffer->written) ||
        n->buffer->kind == BufferNode::Const)
      fail("store to read-only buffer " + n->buffer->name);
    for (auto &i : n->indices) checkInt(i, "store index");
    IRVisitor::visit(n);
  }
  void visit(const LetStmt *n) override {
    visit(n->value);
    push();
    bind(n->name, n->value.type());
    visit(n->body);
    pop();
  }
  void visit(const VarDecl *n) override {
    push();
    bind(n->name, n->type, true);
    visit(n->body);
    pop();
  }
  void visit(const Assign *n) override {
    const Binding *b = lookup(n->name);
    if (!b || !b->mutableVar) fail("assignment to undeclared variable '" + n->name + "'");
    if (b->type != n->value.type())
      fail("assignment of " + n->value.type().str() + " to '" + n->name + "' of " + b->type.str());
    visit(n->value);
  }
  void visit(const For *n) override {
    checkInt(n->min, "loop min");
    checkInt(n->extent, "loop extent");
    if (n->min.type() != n->extent.type()) fail("loop '" + n->name + "' bounds of different types");
    visit(n->min), visit(n->extent);
    push();
    bind(n->name, n->min.type());
    int saved = loopDepth_;
    // A parallel body is outlined: break/continue cannot leave it.
    loopDepth_ = n->forKind == ForKind::Parallel ? 0 : loopDepth_;
    ++loopDepth_;
    visit(n->body);
    loopDepth_ = saved;
    pop();
  }
  void visit(const While *n) override {
    if (!n->cond.type().isBool() || n->cond.type().lanes != 1) fail("while condition is not bool");
    visit(n->cond);
    ++loopDepth_;
    visit(n->body);
    --loopDepth_;
  }
  void visit(const Break *) override {
    if (!loopDepth_) fail("break outside a loop");
  }
  void visit(const Continue *) override {
    if (!loopDepth_) fail("continue outside a loop");
  }
  void visit(const IfThenElse *n) override {
    if (n->cond.type() != DType::boolean()) fail("if condition is not a scalar bool");
    IRVisitor::visit(n);
  }
  void visit(const AssertStmt *n) override {
    if (n->cond.type() != DType::boolean()) fail("assert condition is not a scalar bool");
    IRVisitor::visit(n);
  }
  void visit(const Outlined *n) override {
    for (auto &c : n->captures) {
      const Binding *b = lookup(c.name);
      if (!b) fail("outlined " + n->name + " captures unbound '" + c.name + "'");
      if (c.byAddress && !b->mutableVar)
        fail("outlined " + n->name + " captures immutable '" + c.name + "' by address");
    }
    if (n->parallel && !n->body.as<For>()) fail("outlined parallel " + n->name + " is not a loop");
    int saved = loopDepth_;
    loopDepth_ = 0; // break/continue cannot leave a function
    visit(n->body);
    loopDepth_ = saved;
  }
  void visit(const Allocate *n) override {
    for (auto &e : n->buffer->shape) {
      checkInt(e, "allocation extent");
      visit(e);
    }
    visit(n->body);
  }
};

} // namespace

std::string verify(const LoweredFunc &f) {
  Verifier v;
  try {
    for (auto &a : f.args) {
      if (a.kind == Arg::Scalar)
        v.bind(a.name, a.dtype);
      else if (a.buffer && a.buffer->strided)
        for (size_t k = 0; k < a.buffer->shape.size(); ++k)
          v.bind(strideName(a.name, k), DType::i64());
    }
    v.flat = f.storageFlat;
    for (auto &c : f.argChecks) v.visit(c.first);
    v.visit(f.body);
    for (auto &k : f.kernels) v.visit(k.body);
  } catch (Failure &e) {
    return "IR of '" + f.name + "' is invalid: " + e.message;
  }
  return "";
}

} // namespace hybridc::ir
