//===- ReorderLegality.cpp - Refuse reorders that change results ----------===//
//
// reorderHazard() decides whether permuting the loops of a perfect nest
// (reorder, tile) may change what the nest computes. It is conservative:
//  - a buffer written in the nest must be accessed at one index tuple only
//    (every load and store of it the same expressions), so two iterations
//    can only meet at the element they both name;
//  - when the order of the loops that do not appear in that tuple changes,
//    the iterations that update one element run in another order: allowed
//    only when every store is a recognised reduction B[I] = B[I] op e
//    (op + * min max, e not touching B) — float sums may then round
//    differently, as with any reassociation;
//  - a scalar declared outside the nest and assigned in it is a zero-index
//    buffer: only `s = s op e` reductions, read nowhere else.
// Anything else (c[i, j] written and c[i - 1, j + 1] read) is refused, even
// when a finer dependence analysis could prove the permutation safe.
//
//===----------------------------------------------------------------------===//
#include "LoopNest.h"
#include "hybridc/IR/IRPrinter.h"
#include "hybridc/IR/IRVisitor.h"

namespace hybridc::ir::loopnest {
namespace {

struct Access {
  std::vector<Expr> indices;
  bool isStore = false;
  Expr value; // stores
};

class Collect : public IRVisitor {
public:
  using IRVisitor::visit;
  std::map<const BufferNode *, std::vector<Access>> buffers;
  std::map<const BufferNode *, std::string> names;
  std::map<std::string, std::vector<Expr>> assigns; // outer scalars -> values
  std::set<std::string> declared;

protected:
  void visit(const Load *n) override {
    buffers[n->buffer.get()].push_back({n->indices, false, Expr()});
    names[n->buffer.get()] = n->buffer->name;
    IRVisitor::visit(n);
  }
  void visit(const Store *n) override {
    buffers[n->buffer.get()].push_back({n->indices, true, n->value});
    names[n->buffer.get()] = n->buffer->name;
    IRVisitor::visit(n);
  }
  void visit(const VarDecl *n) override {
    declared.insert(n->name);
    IRVisitor::visit(n);
  }
  void visit(const Assign *n) override {
    if (!declared.count(n->name)) assigns[n->name].push_back(n->value);
    IRVisitor::visit(n);
  }
};

bool isReductionOp(BinOp op) {
  return op == BinOp::Add || op == BinOp::Mul || op == BinOp::Min || op == BinOp::Max;
}

std::string indexText(const std::string &name, const std::vector<Expr> &idx) {
  std::string s = name + "[";
  for (size_t k = 0; k < idx.size(); ++k) s += (k ? ", " : "") + toString(idx[k]);
  return s + "]";
}

/// The loops of `names` in the order they have in `order`.
std::vector<std::string> restrictTo(const std::vector<const For *> &order, const std::set<std::string> &names) {
  std::vector<std::string> out;
  for (auto *f : order)
    if (names.count(f->name)) out.push_back(f->name);
  return out;
}

} // namespace

std::string reorderHazard(const std::vector<const For *> &from, const std::vector<const For *> &to,
                          const Stmt &body) {
  Collect c;
  c.visit(body);
  UseCounts uses = countUses(body);
  std::set<std::string> all;
  for (auto *f : from) all.insert(f->name);

  for (auto &[buf, list] : c.buffers) {
    bool written = false;
    for (auto &a : list) written |= a.isStore;
    if (!written) continue;
    const std::string &name = c.names[buf];
    const Access &first = list.front();
    for (auto &a : list)
      for (size_t k = 0; k < a.indices.size(); ++k)
        if (!sameExpr(a.indices[k], first.indices[k]))
          return "iterations of these loops depend on each other through '" + name + "' (" +
                 indexText(name, first.indices) + " and " + indexText(name, a.indices) + ")";
    // Loops the element does not depend on: their iterations all update it.
    std::set<std::string> unused = all;
    for (auto &i : first.indices)
      for (auto &v : freeVars(i)) unused.erase(v);
    if (restrictTo(from, unused) == restrictTo(to, unused)) continue;
    for (auto &a : list) {
      if (!a.isStore) continue;
      auto *b = a.value.as<Binary>();
      auto isAcc = [&](const Expr &e) {
        auto *l = e.as<Load>();
        return l && l->buffer.get() == buf;
      };
      bool reduction = b && isReductionOp(b->op) && (isAcc(b->a) || isAcc(b->b)) &&
                       uses.bufferAccesses[buf] == 2 * (int)std::count_if(list.begin(), list.end(),
                                                                         [](const Access &x) { return x.isStore; });
      if (!reduction)
        return "'" + indexText(name, first.indices) + "' is updated in every iteration of " +
               "the loops it does not use, and the update is not a reduction (+ * min max), so their order matters";
    }
  }
  for (auto &[name, values] : c.assigns) {
    for (auto &v : values) {
      auto *b = v.as<Binary>();
      auto isAcc = [&](const Expr &e) {
        auto *var = e.as<Var>();
        return var && var->name == name;
      };
      bool reduction = b && isReductionOp(b->op) && (isAcc(b->a) || isAcc(b->b)) &&
                       uses.varReads[name] == (int)values.size();
      if (!reduction)
        return "scalar '" + name + "' is carried from one iteration to the next, so the order of the loops matters";
    }
  }
  return "";
}

} // namespace hybridc::ir::loopnest
