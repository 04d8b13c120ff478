//===- ExactDependence.cpp - Dependence tests on integer sets with isl ----===//
//
// The one file that talks to isl (Dependence.h). A question about a band of
// loops becomes one integer set per pair of accesses to the same buffer or
// outer scalar (at least one a write): the points are two instances of the
// band, x (source) and y (destination), with the values of the loops nested
// inside the band for each access, such that
//   - every loop variable lies within its bounds (`min <= v < min + extent`,
//     `v < a and v < b` for an extent `min(a, b)`), every if-condition on
//     the way to the access holds (negated on the else side);
//   - both accesses name the same element (index by index);
//   - x runs before y in the original order and after it in the new one.
// The set is empty exactly when no such pair exists, and isl decides that
// over the integers, with the kernel's integer symbols (shape variables,
// arguments, enclosing loops) as free dimensions. Whatever is not affine
// (an index that loads, `i * n`, a condition on a float) is left out: the
// set only grows, so an empty set is still a proof. A sample of a non-empty
// set is the witness the diagnostic shows (smallest symbols first).
//
// Pairs whose indices the GCD test already separates in one dimension
// (`c[j * 24 + 3]` vs `c[j * 24 + 5]`) build no set. Work is bounded: at
// most kMaxPairs access pairs and isl's operation quota per set; past
// either the answer is Unknown and the caller keeps its conservative rule.
//
//===----------------------------------------------------------------------===//
#include "hybridc/Analysis/Dependence.h"
#include "hybridc/Analysis/LoopNest.h"
#include "hybridc/IR/IRPrinter.h"
#include "hybridc/IR/IRVisitor.h"

#include <isl/ctx.h>
#include <isl/options.h>
#include <isl/point.h>
#include <isl/set.h>
#include <isl/val.h>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <set>

namespace hybridc::ir::loopnest {
namespace {

constexpr size_t kMaxPairs = 4096;
constexpr unsigned long kMaxOperations = 2000000;

/// One load or store of a buffer, or read or assignment of an outer scalar,
/// inside the band's body, with what encloses it there.
struct Access {
  std::string key;  // the buffer (by identity) or scalar
  std::string name; // for messages
  std::vector<Expr> indices;
  bool isStore = false;
  std::optional<BinOp> reduction;           // part of an update `acc = acc op e`
  std::vector<const For *> loops;           // loops inside the band around it
  std::vector<std::pair<Expr, bool>> conds; // condition, taken branch
};

std::string bufferKey(const BufferNode *b) {
  return "b" + std::to_string(reinterpret_cast<uintptr_t>(b));
}

class Collector : public IRVisitor {
public:
  using IRVisitor::visit;
  std::vector<Access> accesses;
  /// Scalars bound inside the body (loop variables, lets, declarations):
  /// per instance, never an outer scalar.
  std::set<std::string> local;
  std::set<const BufferNode *> allocated;
  bool unsupported = false; // an exit of a band loop, a barrier

  explicit Collector(std::set<std::string> outerAssigned)
      : outerAssigned_(std::move(outerAssigned)) {}

protected:
  void visit(const For *n) override {
    visit(n->min);
    visit(n->extent);
    local.insert(n->name);
    loops_.push_back(n);
    ++loopDepth_;
    visit(n->body);
    --loopDepth_;
    loops_.pop_back();
  }
  void visit(const While *n) override {
    ++loopDepth_;
    visit(n->cond);
    visit(n->body);
    --loopDepth_;
  }
  void visit(const Break *) override { unsupported |= loopDepth_ == 0; }
  void visit(const Continue *) override { unsupported |= loopDepth_ == 0; }
  void visit(const Call *n) override {
    unsupported |= n->func == Intrinsic::SyncThreads; // orders the threads itself
    IRVisitor::visit(n);
  }
  void visit(const LetStmt *n) override {
    local.insert(n->name);
    IRVisitor::visit(n);
  }
  void visit(const VarDecl *n) override {
    local.insert(n->name);
    IRVisitor::visit(n);
  }
  void visit(const Allocate *n) override {
    allocated.insert(n->buffer.get());
    IRVisitor::visit(n);
  }
  void visit(const IfThenElse *n) override {
    visit(n->cond);
    conds_.push_back({n->cond, true});
    visit(n->then);
    conds_.back().second = false;
    if (n->otherwise) visit(n->otherwise);
    conds_.pop_back();
  }
  void visit(const Load *n) override {
    IRVisitor::visit(n);
    if (allocated.count(n->buffer.get())) return;
    add(bufferKey(n->buffer.get()), n->buffer->name, n->indices, false, pendingLoadOp(n));
  }
  void visit(const Store *n) override {
    std::optional<BinOp> op;
    auto isAcc = [&](const Expr &e) { return loadsStoredElement(e, n); };
    BinOp o;
    if (Expr rest = reductionRest(n->value, isAcc, o);
        rest && !countUses(Evaluate::make(rest)).bufferAccesses[n->buffer.get()])
      op = o;
    accOp_ = op;
    accBuffer_ = n->buffer.get();
    accIndices_ = &n->indices;
    visit(n->value);
    accBuffer_ = nullptr;
    for (auto &i : n->indices) visit(i);
    if (!allocated.count(n->buffer.get()))
      add(bufferKey(n->buffer.get()), n->buffer->name, n->indices, true, op);
  }
  void visit(const Var *n) override {
    if (outerAssigned_.count(n->name) && !local.count(n->name))
      add("s" + n->name, n->name, {}, false, pendingVarOp(n->name));
  }
  void visit(const Assign *n) override {
    std::optional<BinOp> op;
    bool outer = outerAssigned_.count(n->name) && !local.count(n->name);
    if (outer) {
      auto isAcc = [&](const Expr &e) {
        auto *v = e.as<Var>();
        return v && v->name == n->name;
      };
      BinOp o;
      if (Expr rest = reductionRest(n->value, isAcc, o); rest && !usesVar(rest, n->name)) op = o;
    }
    accOp_ = op;
    accVar_ = outer ? n->name : "";
    visit(n->value);
    accVar_.clear();
    if (outer) add("s" + n->name, n->name, {}, true, op);
  }

private:
  /// The accumulator's read in the update being visited shares its op.
  std::optional<BinOp> pendingLoadOp(const Load *n) const {
    if (accBuffer_ == n->buffer.get() && accIndices_ && sameIndices(n->indices, *accIndices_))
      return accOp_;
    return std::nullopt;
  }
  std::optional<BinOp> pendingVarOp(const std::string &name) const {
    return !accVar_.empty() && accVar_ == name ? accOp_ : std::nullopt;
  }
  void add(std::string key, std::string name, std::vector<Expr> idx, bool store,
           std::optional<BinOp> op) {
    accesses.push_back(
        {std::move(key), std::move(name), std::move(idx), store, op, loops_, conds_});
  }

  std::set<std::string> outerAssigned_;
  std::vector<const For *> loops_;
  std::vector<std::pair<Expr, bool>> conds_;
  int loopDepth_ = 0;
  std::optional<BinOp> accOp_;
  const BufferNode *accBuffer_ = nullptr;
  const std::vector<Expr> *accIndices_ = nullptr;
  std::string accVar_;
};

/// Writes expressions and conditions in isl's notation for one instance
/// (source or destination) of the band.
class Translator {
public:
  /// `band`: isl names of the band's loop variables; `symbols`: shared
  /// names of the free integer symbols (filled as they are met).
  Translator(const std::map<std::string, std::string> &band, const Access &a,
             const std::string &innerPrefix, const std::set<std::string> &local,
             std::map<std::string, std::string> &symbols)
      : band_(band), local_(local), symbols_(symbols) {
    for (size_t k = 0; k < a.loops.size(); ++k)
      inner_[a.loops[k]->name] = innerPrefix + std::to_string(k);
  }

  std::optional<std::string> affine(const Expr &e) const {
    if (!e || !e.type().isIntegral() || e.type().lanes != 1) return std::nullopt;
    if (auto *c = e.as<IntImm>()) return std::to_string(c->value);
    if (auto *v = e.as<Var>()) return var(v->name);
    if (auto *c = e.as<Cast>()) {
      return affine(c->value);
    }
    if (auto *call = e.as<Call>();
        call && call->func == Intrinsic::Likely && call->args.size() == 1)
      return affine(call->args[0]);
    auto *b = e.as<Binary>();
    if (!b) return std::nullopt;
    auto l = affine(b->a), r = affine(b->b);
    if (!l || !r) return std::nullopt;
    const int64_t *ca = asConstInt(b->a), *cb = asConstInt(b->b);
    switch (b->op) {
    case BinOp::Add: return "(" + *l + " + " + *r + ")";
    case BinOp::Sub: return "(" + *l + " - " + *r + ")";
    case BinOp::Mul:
      if (ca || cb) return "(" + *l + " * " + *r + ")";
      return std::nullopt;
    case BinOp::FloorDiv:
      if (cb && *cb > 0) return "floor(" + *l + " / " + *r + ")";
      return std::nullopt;
    case BinOp::FloorMod:
      if (cb && *cb > 0) return "(" + *l + " mod " + *r + ")";
      return std::nullopt;
    default: return std::nullopt;
    }
  }

  /// A condition that holds whenever `e` (or its negation) does; "" for
  /// "always" (what is not affine).
  std::string cond(const Expr &e, bool positive) const {
    if (auto *call = e.as<Call>();
        call && call->func == Intrinsic::Likely && call->args.size() == 1)
      return cond(call->args[0], positive);
    if (auto *n = e.as<Not>()) return cond(n->a, !positive);
    if (auto *l = e.as<Logical>()) {
      std::string a = cond(l->a, positive), b = cond(l->b, positive);
      bool conj = l->isAnd == positive;
      if (conj) return a.empty() ? b : b.empty() ? a : "(" + a + " and " + b + ")";
      return a.empty() || b.empty() ? "" : "(" + a + " or " + b + ")";
    }
    auto *c = e.as<Cmp>();
    auto l = c ? affine(c->a) : std::nullopt, r = c ? affine(c->b) : std::nullopt;
    if (!l || !r) {
      approximate = true;
      return "";
    }
    CmpOp op = c->op;
    if (!positive) {
      switch (op) {
      case CmpOp::EQ: op = CmpOp::NE; break;
      case CmpOp::NE: op = CmpOp::EQ; break;
      case CmpOp::LT: op = CmpOp::GE; break;
      case CmpOp::LE: op = CmpOp::GT; break;
      case CmpOp::GT: op = CmpOp::LE; break;
      case CmpOp::GE: op = CmpOp::LT; break;
      }
    }
    switch (op) {
    case CmpOp::EQ: return *l + " = " + *r;
    case CmpOp::NE: return "(" + *l + " < " + *r + " or " + *l + " > " + *r + ")";
    case CmpOp::LT: return *l + " < " + *r;
    case CmpOp::LE: return *l + " <= " + *r;
    case CmpOp::GT: return *l + " > " + *r;
    case CmpOp::GE: return *l + " >= " + *r;
    }
    return "";
  }

  /// `min <= v < min + extent` for the loop `f`, what of it is affine.
  std::vector<std::string> bounds(const For *f) const {
    std::vector<std::string> out;
    std::string v = *var(f->name);
    auto mn = affine(f->min);
    if (mn)
      out.push_back(*mn + " <= " + v);
    else
      approximate = true;
    upper(v, f->min, f->extent, out);
    return out;
  }

  /// Something on the way was left out (the set over-approximates): a
  /// point of it is no witness.
  mutable bool approximate = false;

  std::optional<std::string> var(const std::string &name) const {
    if (auto it = inner_.find(name); it != inner_.end()) return it->second;
    if (auto it = band_.find(name); it != band_.end()) return it->second;
    if (local_.count(name)) return std::nullopt;
    auto [it, fresh] = symbols_.emplace(name, "");
    if (fresh) it->second = "p" + std::to_string(symbols_.size() - 1);
    return it->second;
  }

private:
  void upper(const std::string &v, const Expr &min, const Expr &extent,
             std::vector<std::string> &out) const {
    if (auto *b = extent.as<Binary>(); b && b->op == BinOp::Min) {
      upper(v, min, b->a, out);
      upper(v, min, b->b, out);
      return;
    }
    auto mn = affine(min), ext = affine(extent);
    if (mn && ext)
      out.push_back(v + " < " + *mn + " + " + *ext);
    else
      approximate = true;
  }

  const std::map<std::string, std::string> &band_;
  std::map<std::string, std::string> inner_;
  const std::set<std::string> &local_;
  std::map<std::string, std::string> &symbols_;
};

struct IslCtx {
  isl_ctx *ctx;
  IslCtx() : ctx(isl_ctx_alloc()) {
    isl_options_set_on_error(ctx, ISL_ON_ERROR_CONTINUE);
    isl_ctx_set_max_operations(ctx, kMaxOperations);
  }
  ~IslCtx() { isl_ctx_free(ctx); }
};

/// The GCD test, before any set is built: in some dimension the two
/// indices can never be equal whatever values the loops take
/// (`c[j * 24 + 3]` and `c[j * 24 + 5]`: 24 * (j - j') = 2 has no integer
/// solution). Loop variables (band or inner) are separate unknowns on each
/// side; anything else must be a variable shared by both (a symbol).
bool gcdSeparates(const Access &a, const Access &b, const std::map<std::string, std::string> &band,
                  const std::set<std::string> &local) {
  auto isLoop = [&](const Access &acc, const std::string &v) {
    if (band.count(v)) return true;
    for (auto *f : acc.loops)
      if (f->name == v) return true;
    return false;
  };
  for (size_t d = 0; d < a.indices.size(); ++d) {
    if (hasLoad(a.indices[d]) || hasLoad(b.indices[d])) continue;
    LinearForm fa = linearize(a.indices[d]), fb = linearize(b.indices[d]);
    std::map<std::string, int64_t> shared;
    int64_t g = 0;
    bool ok = true;
    auto take = [&](const Access &acc, const LinearForm &f, int64_t sign) {
      for (auto &[key, term] : f.terms) {
        auto *v = term.first.as<Var>();
        if (!v || local.count(v->name)) {
          if (!v || !isLoop(acc, v->name)) ok = false;
        }
        if (!v) continue;
        if (isLoop(acc, v->name))
          g = std::gcd(g, std::abs(term.second));
        else
          shared[v->name] += sign * term.second;
      }
    };
    take(a, fa, 1);
    take(b, fb, -1);
    if (!ok) continue;
    for (auto &[name, c] : shared) g = std::gcd(g, std::abs(c));
    int64_t diff = fb.constant - fa.constant;
    if (g == 0 ? diff != 0 : diff % g != 0) return true;
  }
  return false;
}

/// `u` before `w` lexicographically in the loop order `order` (positions in
/// the band).
std::string lexLess(const std::vector<std::string> &u, const std::vector<std::string> &w,
                    const std::vector<size_t> &order) {
  std::string out;
  for (size_t k = 0; k < order.size(); ++k) {
    std::string term;
    for (size_t t = 0; t < k; ++t) term += u[order[t]] + " = " + w[order[t]] + " and ";
    term += u[order[k]] + " < " + w[order[k]];
    out += (out.empty() ? "(" : " or (") + term + ")";
  }
  return out.empty() ? "1 = 0" : out;
}

std::string joinAnd(const std::vector<std::string> &parts) {
  std::string out;
  for (auto &p : parts) out += (out.empty() ? "" : " and ") + p;
  return out.empty() ? "0 = 0" : out;
}

/// The core: the first pair of accesses in `body` (instances x, y of the
/// band `from`) to one element, at least one a write, for which
/// `order(xs, ys)` can hold; reduction updates of one op are exempt when
/// `relax`; only the buffer `only` when it is set.
ExactVerdict bandQuery(const std::vector<const For *> &from, const Stmt &body,
                       const std::function<std::string(const std::vector<std::string> &,
                                                       const std::vector<std::string> &)> &order,
                       bool relax, const BufferNode *only, const LoopContext &context) {
  // Outer scalars the body assigns: accesses like zero-index buffers.
  std::set<std::string> outerAssigned = effectsOf(body).written;
  Collector col(outerAssigned);
  col.visit(body);
  if (col.unsupported) return {};
  // Assigned scalars bound inside the body are not outer ones.
  std::vector<Access> accesses;
  for (auto &a : col.accesses)
    if ((a.key[0] != 's' || !col.local.count(a.name)) && (!only || a.key == bufferKey(only)))
      accesses.push_back(a);
  std::set<std::string> local = col.local;
  for (auto &v : outerAssigned) local.insert(v); // written scalars: not symbols

  size_t n = from.size();
  std::vector<std::string> xs, ys;
  std::map<std::string, std::string> xBand, yBand;
  for (size_t k = 0; k < n; ++k) {
    xs.push_back("x" + std::to_string(k));
    ys.push_back("y" + std::to_string(k));
    xBand[from[k]->name] = xs.back();
    yBand[from[k]->name] = ys.back();
  }
  std::string orderText = order(xs, ys);

  // The pairs to test, two writes first (the witness of a conflict between
  // writes, when there is one).
  std::vector<std::pair<const Access *, const Access *>> pairs;
  for (auto &a : accesses)
    for (auto &b : accesses)
      if (a.key == b.key && (a.isStore || b.isStore)) pairs.push_back({&a, &b});
  if (pairs.size() > kMaxPairs) return {};
  std::stable_partition(pairs.begin(), pairs.end(),
                        [](auto &p) { return p.first->isStore && p.second->isStore; });

  IslCtx isl;
  for (auto [pa, pb] : pairs) {
    {
      const Access &a = *pa, &b = *pb;
      if (relax && a.reduction && b.reduction && *a.reduction == *b.reduction) continue;
      if (a.indices.size() != b.indices.size()) return {};
      if (gcdSeparates(a, b, xBand, local)) continue;
      std::map<std::string, std::string> symbols;
      Translator ta(xBand, a, "s", local, symbols), tb(yBand, b, "d", local, symbols);
      std::vector<std::string> cons;
      for (size_t k = 0; k < n; ++k) {
        for (auto &c : ta.bounds(from[k])) cons.push_back(c);
        for (auto &c : tb.bounds(from[k])) cons.push_back(c);
      }
      for (auto *f : a.loops)
        for (auto &c : ta.bounds(f)) cons.push_back(c);
      for (auto *f : b.loops)
        for (auto &c : tb.bounds(f)) cons.push_back(c);
      // Around the band: the same for both instances.
      for (auto *f : context.loops)
        for (auto &c : ta.bounds(f)) cons.push_back(c);
      for (auto &[c, taken] : context.conds)
        if (auto s = ta.cond(c, taken); !s.empty()) cons.push_back(s);
      for (auto &[c, taken] : a.conds)
        if (auto s = ta.cond(c, taken); !s.empty()) cons.push_back(s);
      for (auto &[c, taken] : b.conds)
        if (auto s = tb.cond(c, taken); !s.empty()) cons.push_back(s);
      std::vector<std::string> elems;
      bool exactElem = true;
      for (size_t k = 0; k < a.indices.size(); ++k) {
        auto ia = ta.affine(a.indices[k]), ib = tb.affine(b.indices[k]);
        if (ia && ib) {
          elems.push_back("e" + std::to_string(k));
          cons.push_back(elems.back() + " = " + *ia);
          cons.push_back(elems.back() + " = " + *ib);
        } else {
          exactElem = false;
        }
      }
      cons.push_back("(" + orderText + ")");

      // Dimensions: symbols first (the witness takes the smallest), then
      // the two instances, the inner loops, the element.
      std::vector<std::string> dims, syms;
      for (auto &[name, isl] : symbols) syms.push_back(isl);
      dims = syms;
      dims.insert(dims.end(), xs.begin(), xs.end());
      dims.insert(dims.end(), ys.begin(), ys.end());
      for (size_t k = 0; k < a.loops.size(); ++k) dims.push_back("s" + std::to_string(k));
      for (size_t k = 0; k < b.loops.size(); ++k) dims.push_back("d" + std::to_string(k));
      dims.insert(dims.end(), elems.begin(), elems.end());
      std::string text = "{ [";
      for (size_t k = 0; k < dims.size(); ++k) text += (k ? ", " : "") + dims[k];
      text += "] : " + joinAnd(cons) + " }";

      isl_ctx_reset_operations(isl.ctx); // the quota is per set
      isl_set *set = isl_set_read_from_str(isl.ctx, text.c_str());
      if (!set) return {};
      isl_bool empty = isl_set_is_empty(set);
      if (empty == isl_bool_error) {
        isl_set_free(set);
        return {};
      }
      if (empty == isl_bool_true) {
        isl_set_free(set);
        continue;
      }
      if (ta.approximate || tb.approximate || !exactElem) { // may depend: no witness
        isl_set_free(set);
        return {ExactVerdict::Violated, ""};
      }
      // A witness: the lexicographically smallest point in a small box
      // (symbols >= 0 first), growing the box until one is found; else any.
      isl_point *pt = nullptr;
      for (long r : {4L, 64L, 1024L, 1L << 20})
        for (long symLo : {0L, -r}) {
          if (pt) break;
          std::string boxText = "{ [";
          for (size_t k = 0; k < dims.size(); ++k) boxText += (k ? ", " : "") + dims[k];
          boxText += "] : ";
          for (size_t k = 0; k < dims.size(); ++k)
            boxText += std::string(k ? " and " : "") +
                       std::to_string(k < syms.size() ? symLo : -r) + " <= " + dims[k] +
                       " <= " + std::to_string(r);
          boxText += " }";
          isl_set *box = isl_set_read_from_str(isl.ctx, boxText.c_str());
          isl_set *small = isl_set_lexmin(isl_set_intersect(isl_set_copy(set), box));
          if (small && isl_set_is_empty(small) == isl_bool_false)
            pt = isl_set_sample_point(isl_set_copy(small));
          isl_set_free(small);
        }
      if (!pt) pt = isl_set_sample_point(isl_set_copy(set));
      isl_set_free(set);
      ExactVerdict v;
      v.kind = ExactVerdict::Violated;
      if (!pt || isl_point_is_void(pt) == isl_bool_true) {
        isl_point_free(pt);
        return v;
      }
      auto coord = [&](size_t k) {
        isl_val *val = isl_point_get_coordinate_val(pt, isl_dim_set, (int)k);
        long r = isl_val_get_num_si(val);
        isl_val_free(val);
        return std::to_string(r);
      };
      auto instance = [&](size_t base) {
        std::string s;
        for (size_t k = 0; k < n; ++k)
          s += (k ? ", " : "") + from[k]->name + " = " + coord(base + k);
        return s;
      };
      std::string elem = a.name;
      if (!a.indices.empty()) {
        elem += "[";
        for (size_t k = 0; k < elems.size(); ++k)
          elem += (k ? ", " : "") + coord(dims.size() - elems.size() + k);
        elem += "]";
      }
      v.witness = instance(syms.size()) + (a.isStore ? " writes " : " reads ") + elem +
                  " and then " + instance(syms.size() + n) +
                  (b.isStore ? " writes it" : " reads it");
      std::string given;
      for (auto &[name, islName] : symbols)
        for (size_t k = 0; k < syms.size(); ++k)
          if (syms[k] == islName) given += (given.empty() ? "" : ", ") + name + " = " + coord(k);
      if (!given.empty()) v.witness += " (with " + given + ")";
      isl_point_free(pt);
      return v;
    }
  }
  return {ExactVerdict::Holds, ""};
}

} // namespace

LoopContext contextOf(const Stmt &root, const For *target) {
  struct Finder : IRVisitor {
    using IRVisitor::visit;
    const For *target;
    LoopContext path, found;
    bool done = false;
    void visit(const For *n) override {
      if (done) return;
      if (n == target) {
        found = path;
        done = true;
        return;
      }
      path.loops.push_back(n);
      visit(n->body);
      path.loops.pop_back();
    }
    void visit(const IfThenElse *n) override {
      if (done) return;
      path.conds.push_back({n->cond, true});
      visit(n->then);
      path.conds.back().second = false;
      if (n->otherwise) visit(n->otherwise);
      path.conds.pop_back();
    }
  } f;
  f.target = target;
  f.visit(root);
  return f.found;
}

ExactVerdict exactReorder(const std::vector<const For *> &from, const std::vector<const For *> &to,
                          const Stmt &body, const LoopContext &context) {
  std::map<std::string, size_t> pos;
  for (size_t k = 0; k < from.size(); ++k) pos[from[k]->name] = k;
  std::vector<size_t> origOrder, newOrder;
  for (size_t k = 0; k < from.size(); ++k) origOrder.push_back(k);
  for (auto *f : to) newOrder.push_back(pos.at(f->name));
  // x runs before y now and after it in the new order.
  auto order = [&](const std::vector<std::string> &xs, const std::vector<std::string> &ys) {
    return "(" + lexLess(xs, ys, origOrder) + ") and (" + lexLess(ys, xs, newOrder) + ")";
  };
  return bandQuery(from, body, order, /*relax=*/true, nullptr, context);
}

ExactVerdict exactParallel(const For *loop, const BufferNode *buffer, const LoopContext &context) {
  auto order = [](const std::vector<std::string> &xs, const std::vector<std::string> &ys) {
    return xs[0] + " < " + ys[0];
  };
  return bandQuery({loop}, loop->body, order, /*relax=*/false, buffer, context);
}

} // namespace hybridc::ir::loopnest
