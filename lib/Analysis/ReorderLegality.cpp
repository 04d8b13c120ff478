//===- ReorderLegality.cpp - Refuse reorders that change results ----------===//
//
// reorderHazard() decides whether permuting the loops of a perfect nest
// (reorder, tile) may change what the nest computes. It is conservative:
//  - a buffer written in the nest must be accessed at one index tuple only
//    (every load and store of it the same expressions), so two iterations
//    can only meet at the element they both name;
//  - when the order of the loops that the tuple does not determine changes
//    (see determinedLoops: `out[i + j]` determines neither i nor j,
//    `out[idx[i], j]` only j),
//    the iterations that update one element run in another order: allowed
//    only when every store is a recognised reduction B[I] = B[I] op e
//    (op + * min max, one op for all of them, e not touching B) — float
//    sums may then round differently, as with any reassociation; a store
//    under `if u1 == c1 and ...` testing each of those loops at its start
//    (fold-init's first update, FoldInit.cpp) runs first in any of their
//    orders, and may store anything that does not read B;
//  - a scalar declared outside the nest and assigned in it is a zero-index
//    buffer: only `s = s op e` reductions, read nowhere else.
// Anything else (c[i, j] written and c[i - 1, j]) goes to the exact test
// (ExactDependence.cpp), which accepts the permutation when every dependence
// keeps its direction and otherwise adds two iterations as the example.
//
//===----------------------------------------------------------------------===//
#include "hybridc/Analysis/Dependence.h"
#include "hybridc/Analysis/LoopNest.h"
#include "hybridc/IR/IRPrinter.h"
#include "hybridc/IR/IRVisitor.h"

#include <algorithm>
#include <tuple>

namespace hybridc::ir::loopnest {
namespace {

struct Access {
  std::vector<Expr> indices;
  bool isStore = false;
  Expr value; // stores
  /// A store under `if u1 == c1 and u2 == c2 ...` (fold-init's first
  /// update): the tested variables and constants.
  std::map<std::string, int64_t> firstTest;
};

/// `u1 == c1 and u2 == c2 ...` (variables against integer constants).
bool asFirstTest(const Expr &c, std::map<std::string, int64_t> &out) {
  if (auto *l = c.as<Logical>())
    return l->isAnd && asFirstTest(l->a, out) && asFirstTest(l->b, out);
  auto *cmp = c.as<Cmp>();
  if (!cmp || cmp->op != CmpOp::EQ) return false;
  auto *v = cmp->a.as<Var>();
  const int64_t *k = asConstInt(cmp->b);
  return v && k && out.emplace(v->name, *k).second;
}

class Collect : public IRVisitor {
public:
  using IRVisitor::visit;
  std::map<const BufferNode *, std::vector<Access>> buffers;
  std::map<const BufferNode *, std::string> names;
  std::map<std::string, std::vector<Expr>> assigns; // outer scalars -> values
  std::set<std::string> declared;

protected:
  void visit(const Load *n) override {
    buffers[n->buffer.get()].push_back({n->indices, false, Expr(), {}});
    names[n->buffer.get()] = n->buffer->name;
    IRVisitor::visit(n);
  }
  void visit(const Store *n) override {
    buffers[n->buffer.get()].push_back({n->indices, true, n->value, firstTest_});
    names[n->buffer.get()] = n->buffer->name;
    IRVisitor::visit(n);
  }
  void visit(const IfThenElse *n) override {
    visit(n->cond);
    std::map<std::string, int64_t> test, saved = firstTest_;
    if (firstTest_.empty() && asFirstTest(n->cond, test)) firstTest_ = test;
    visit(n->then);
    firstTest_ = saved;
    visit(n->otherwise);
  }
  std::map<std::string, int64_t> firstTest_;
  void visit(const VarDecl *n) override {
    declared.insert(n->name);
    IRVisitor::visit(n);
  }
  void visit(const Assign *n) override {
    if (!declared.count(n->name)) assigns[n->name].push_back(n->value);
    IRVisitor::visit(n);
  }
};

std::string indexText(const std::string &name, const std::vector<Expr> &idx) {
  std::string s = name + "[";
  for (size_t k = 0; k < idx.size(); ++k) s += (k ? ", " : "") + toString(idx[k]);
  return s + "]";
}

/// The loops of `names` in the order they have in `order`.
std::vector<std::string> restrictTo(const std::vector<const For *> &order,
                                    const std::set<std::string> &names) {
  std::vector<std::string> out;
  for (auto *f : order)
    if (names.count(f->name)) out.push_back(f->name);
  return out;
}

/// The loops of the nest whose value an index tuple determines: two
/// iterations that touch the same element agree on each of them. A loop is
/// determined by a dimension `c*u + invariant`, by a mixed-radix sum
/// `c1*u1 + c2*u2 + ...` of constant-extent loops (each |c| larger than
/// the span of the smaller terms: `i*6 + j` with j < 6, not `i + j`; a tail
/// guard `likely(io*6 + ii < 64)` bounds that span too), by
/// `c*(u*E + w)` with w in 0..E, or by a (F // m, F % m) pair as fuse makes
/// (compared as F). A dimension that reads memory or a scalar the nest
/// writes determines nothing (`out[idx[i] + j]`).
/// A tail guard `likely(sum < c)` at the bottom of the nest: the linear
/// terms of `sum` (loops of the nest) never exceed `max` together.
struct GuardBound {
  std::map<std::string, int64_t> terms; // key -> coefficient
  int64_t max;
};

std::vector<GuardBound> guardBounds(Stmt body) {
  std::vector<GuardBound> out;
  while (auto *g = asGuard(body)) {
    auto *call = g->cond.as<Call>(); // likely(a < b)
    auto *cmp = call && call->args.size() == 1 ? call->args[0].as<Cmp>() : nullptr;
    if (cmp && cmp->op == CmpOp::LT) {
      LinearForm f = linearize(cmp->a);
      f.add(linearize(cmp->b), -1); // terms + constant < 0
      GuardBound b;
      bool ok = true;
      for (auto &[key, term] : f.terms) {
        ok &= term.first.as<Var>() != nullptr && term.second > 0;
        b.terms[key] = term.second;
      }
      b.max = -f.constant - 1;
      if (ok && !b.terms.empty()) out.push_back(b);
    }
    body = g->then;
  }
  return out;
}

std::set<std::string> determinedLoops(std::vector<Expr> dims, const std::vector<const For *> &loops,
                                      const std::set<std::string> &written,
                                      const std::vector<GuardBound> &guards) {
  std::map<std::string, const For *> byName;
  for (auto *f : loops) byName[f->name] = f;
  // (F // m, F % m) -> F
  for (size_t k = 0; k + 1 < dims.size();) {
    Expr e, m;
    if (asDelinearizedPair(dims[k], dims[k + 1], e, m)) {
      dims[k] = e;
      dims.erase(dims.begin() + (long)k + 1);
    } else {
      ++k;
    }
  }
  auto invariant = [&](const Expr &e) {
    if (hasLoad(e)) return false;
    for (auto &v : freeVars(e))
      if (byName.count(v) || written.count(v)) return false;
    return true;
  };
  std::set<std::string> det;
  for (const Expr &dim : dims) {
    std::vector<std::pair<std::string, int64_t>> plain;                // c * u
    std::vector<std::tuple<std::string, std::string, int64_t>> scaled; // c * u * E
    bool ok = true;
    for (auto &[key, term] : linearize(dim).terms) {
      const Expr &atom = term.first;
      int64_t c = term.second;
      if (invariant(atom)) continue;
      if (auto *v = atom.as<Var>(); v && byName.count(v->name)) {
        plain.push_back({v->name, c});
        continue;
      }
      if (auto *m = atom.as<Binary>(); m && m->op == BinOp::Mul) {
        auto *va = m->a.as<Var>(), *vb = m->b.as<Var>();
        if (va && byName.count(va->name) && invariant(m->b)) {
          scaled.emplace_back(va->name, toString(m->b), c);
          continue;
        }
        if (vb && byName.count(vb->name) && invariant(m->a)) {
          scaled.emplace_back(vb->name, toString(m->a), c);
          continue;
        }
      }
      ok = false;
    }
    if (!ok || (plain.empty() && scaled.empty())) continue;
    if (scaled.empty()) {
      std::sort(plain.begin(), plain.end(),
                [](auto &a, auto &b) { return std::abs(a.second) < std::abs(b.second); });
      int64_t span = 0;
      for (size_t k = 0; k < plain.size(); ++k) {
        int64_t c = std::abs(plain[k].second);
        if (c <= span) {
          ok = false;
          break;
        }
        if (k + 1 == plain.size()) break; // the largest term needs no bound
        // A split's tail loop runs min(F, ...) times: at most F.
        Interval ext =
            bounds(byName[plain[k].first]->extent, [](const std::string &) { return Interval(); });
        if (!ext.hi) {
          ok = false;
          break;
        }
        span += c * std::max<int64_t>(*ext.hi - 1, 0);
        // A tail guard may bound these smaller terms together more tightly
        // (`io * 6 + ii < 64` after an imperfect split of a 64-row tile).
        for (auto &g : guards) {
          if (g.terms.size() != k + 1) continue;
          bool same = true;
          for (size_t t = 0; t <= k; ++t) {
            auto it = g.terms.find(plain[t].first);
            same &= it != g.terms.end() && it->second == plain[t].second;
          }
          if (same) span = std::min(span, g.max);
        }
      }
      if (ok)
        for (auto &p : plain) det.insert(p.first);
    } else if (scaled.size() == 1 && plain.size() == 1 &&
               std::get<2>(scaled[0]) == plain[0].second) {
      const For *w = byName[plain[0].first];
      if (isConstInt(w->min, 0) && toString(w->extent) == std::get<1>(scaled[0])) {
        det.insert(plain[0].first);
        det.insert(std::get<0>(scaled[0]));
      }
    }
  }
  return det;
}

/// The quick, conservative rule of the file comment.
std::string conservativeHazard(const std::vector<const For *> &from,
                               const std::vector<const For *> &to, const Stmt &body) {
  Collect c;
  c.visit(body);
  UseCounts uses = countUses(body);
  std::set<std::string> writtenVars = effectsOf(body).written;
  std::set<std::string> all;
  for (auto *f : from) all.insert(f->name);
  std::vector<GuardBound> guards = guardBounds(body);

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
    // Loops the element does not determine: iterations that differ in them
    // may update the same element, in an order the permutation may change.
    std::set<std::string> unused = all;
    for (auto &v : determinedLoops(first.indices, from, writtenVars, guards)) unused.erase(v);
    if (restrictTo(from, unused) == restrictTo(to, unused)) continue;
    std::optional<BinOp> firstOp; // every update must use one op: + then * do not commute
    // A store under a test of every reordered loop at its (constant) start
    // is the element's first update (fold-init: `if k == 0: C = 0.0 + e`):
    // in any order of those loops it runs first. It must not read B.
    std::vector<const For *> moved;
    for (auto *f : from)
      if (unused.count(f->name)) moved.push_back(f);
    auto isFirstUpdate = [&](const Access &a) {
      if (a.firstTest.size() != moved.size() ||
          countUses(Evaluate::make(a.value)).bufferAccesses[buf])
        return false;
      for (auto *f : moved) {
        auto it = a.firstTest.find(f->name);
        const int64_t *mn = asConstInt(f->min);
        if (it == a.firstTest.end() || !mn || *mn != it->second) return false;
      }
      return true;
    };
    int updates = 0, firsts = 0;
    for (auto &a : list)
      if (a.isStore) (isFirstUpdate(a) ? firsts : updates)++;
    for (auto &a : list) {
      if (!a.isStore || isFirstUpdate(a)) continue;
      auto isAcc = [&](const Expr &e) {
        auto *l = e.as<Load>();
        return l && l->buffer.get() == buf;
      };
      BinOp op;
      bool reduction =
          reductionRest(a.value, isAcc, op) && uses.bufferAccesses[buf] == 2 * updates + firsts;
      bool mixed = reduction && firstOp && *firstOp != op;
      firstOp = op;
      if (!reduction || mixed) {
        std::string loopsText;
        for (auto &l : restrictTo(from, unused))
          loopsText += (loopsText.empty() ? "'" : ", '") + l + "'";
        return "different iterations of " + loopsText + " may write the same element '" +
               indexText(name, first.indices) + "', and " +
               (mixed ? "its updates mix different operations, which do not commute"
                      : "the update is not a reduction (+ * min max)") +
               ", so the loop order decides which value is left";
      }
    }
  }
  for (auto &[name, values] : c.assigns) {
    std::optional<BinOp> firstOp;
    for (auto &v : values) {
      auto isAcc = [&](const Expr &e) {
        auto *var = e.as<Var>();
        return var && var->name == name;
      };
      BinOp op;
      bool reduction = reductionRest(v, isAcc, op) && uses.varReads[name] == (int)values.size();
      reduction = reduction && (!firstOp || *firstOp == op);
      firstOp = op;
      if (!reduction)
        return "scalar '" + name +
               "' is carried from one iteration to the next, so the order of the loops matters";
    }
  }
  return "";
}

} // namespace

std::string reorderHazard(const std::vector<const For *> &from, const std::vector<const For *> &to,
                          const Stmt &body, const Stmt &root) {
  std::string hazard = conservativeHazard(from, to, body);
  if (hazard.empty()) return hazard;
  // What the quick rule refuses, the exact test (ExactDependence.cpp) may
  // prove safe (`c[i, j] = c[i - 1, j] + ...` with i and j swapped), or
  // show two iterations that the permutation runs the other way round.
  LoopContext context = root && !from.empty() ? contextOf(root, from.front()) : LoopContext();
  ExactVerdict exact = exactReorder(from, to, body, context);
  if (exact.kind == ExactVerdict::Holds) return "";
  if (exact.kind == ExactVerdict::Violated && !exact.witness.empty())
    hazard += "; e.g. " + exact.witness + ", which the new order runs the other way round";
  return hazard;
}

} // namespace hybridc::ir::loopnest
