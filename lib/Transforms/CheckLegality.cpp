//===- CheckLegality.cpp - Refuse parallel loops that carry a dependence --===//
//
// checkLegality() looks at every parallel, vectorized and bound loop of a
// scheduled body (whether the schedule or a source annotation made it so)
// and rejects one whose iterations are not independent:
//
//  - a scalar declared outside the loop and assigned inside it (an
//    accumulator, or a value carried to the next iteration); scalars
//    declared inside the loop body are private to each iteration;
//  - `break`/`continue` of the loop itself;
//  - a buffer element that one iteration writes and another reads or
//    writes. Two accesses are proven to touch distinct elements in distinct
//    iterations when, dimension by dimension, their indices are
//    `a*g(v) + rest` with the same g in {v, v // m, v % m} and the
//    difference of their rests (invariant terms cancel, inner-loop terms
//    are bounded by the inner loops' ranges) is smaller than |a|, and the
//    recovered g's determine v (v itself, or v // m with v % m' where m
//    divides m'); or when some dimension differs by more than the loop can
//    move (`a*v + rest` in both, the rests' difference never within |a|
//    times the loop's span: `y[tx]` and `y[tx + 128]` under tx < 128), or
//    without v by a constant that is never zero. Buffers allocated inside the loop are private.
//
// Reductions (`s = s + x`, `c[i] += x` under a parallel loop over another
// index) are dependences too: hybridc does not parallelize or vectorize
// them yet (docs/schedules.md). The error points at the schedule op that
// made the loop parallel (or at the `for` in the .hy for annotations), names
// the loop and the conflicting access, with a note at the statement.
//
// Expects: finalize-guards' output. Guarantees: the body unchanged; when no
// error was reported, no parallel, vectorized or bound loop carries a
// dependence and every reorder keeps the results (ReorderLegality.cpp).
//
//===----------------------------------------------------------------------===//
#include "hybridc/Analysis/Dependence.h"
#include "hybridc/Analysis/LoopNest.h"
#include "hybridc/Analysis/Simplify.h"
#include "hybridc/IR/IRPrinter.h"
#include "hybridc/IR/IRVisitor.h"
#include "hybridc/Schedule/Schedule.h"
#include "hybridc/Transforms/ApplySchedule.h"

#include <functional>
#include <map>
#include <numeric>
#include <set>

namespace hybridc {
namespace {

using namespace ir;
using namespace ir::loopnest;

/// One load or store inside the loop under test.
struct Access {
  Buffer buffer;
  std::vector<Expr> indices;  // as written
  std::vector<Expr> expanded; // lets and single-assignment scalars substituted
  bool isStore = false;
  Expr storedValue;                              // stores only
  std::map<std::string, Interval> inner;         // loops inside the tested loop around it
  std::map<std::string, const For *> innerLoops; // the same loops
  SourceLoc loc;                                 // the statement holding it
};

/// What a loop carries, for the diagnostic.
struct Violation {
  std::string message;
  std::vector<std::pair<SourceLoc, std::string>> notes;
  std::string hint;
};

/// Collects the accesses, scalar assignments and breaks of a loop body.
class BodyScan : public IRVisitor {
public:
  using IRVisitor::visit;
  explicit BodyScan(const For *loop) : loop_(loop) {}

  std::vector<Access> accesses;
  std::set<std::string> varyingVars; // mutable scalars declared inside (values unknown)
  std::optional<Violation> violation;
  const std::set<const BufferNode *> &allocated() const { return allocated_; }

  void run() {
    curLoc_ = loop_->loc;
    visit(loop_->body);
  }

protected:
  const For *loop_;
  std::map<std::string, Interval> inner_;
  std::map<std::string, const For *> innerLoops_;
  std::map<std::string, Expr> lets_;
  std::vector<std::string> declared_;
  std::set<const BufferNode *> allocated_;
  int depth_ = 0;
  SourceLoc curLoc_;

  Expr expand(const Expr &e) const {
    Expr r = e;
    for (auto &v : freeVars(e)) {
      auto it = lets_.find(v);
      if (it != lets_.end()) r = substitute(r, v, it->second);
    }
    return r;
  }

  void setLoc(const StmtNode *s) {
    if (s->loc.isValid()) curLoc_ = s->loc;
  }

  void record(const Buffer &b, const std::vector<Expr> &idx, bool isStore, const Expr &value) {
    if (allocated_.count(b.get())) return;
    // allocate(..., 'local') is per thread and 'shared' per block wherever
    // the allocate stands (TVM's storage scopes, docs/cuda.md): private to
    // each iteration of a bound loop (shared: of a blockIdx loop), as a
    // buffer allocated inside the body is.
    if (loop_->forKind == ForKind::ThreadBinding && b->kind == BufferNode::Temp &&
        (b->scope == "local" ||
         (b->scope == "shared" && loop_->threadTag.rfind("blockIdx.", 0) == 0)))
      return;
    Access a;
    a.buffer = b;
    a.indices = idx;
    for (auto &i : idx) a.expanded.push_back(simplify(expand(i)));
    a.isStore = isStore;
    a.storedValue = value;
    a.inner = inner_;
    a.innerLoops = innerLoops_;
    a.loc = curLoc_;
    accesses.push_back(std::move(a));
  }

  void fail(std::string msg, SourceLoc at, std::string note, std::string hint = "") {
    if (violation) return;
    Violation v;
    v.message = std::move(msg);
    if (at.isValid()) v.notes.push_back({at, std::move(note)});
    v.hint = std::move(hint);
    violation = std::move(v);
  }

  void visit(const Load *n) override {
    record(n->buffer, n->indices, false, Expr());
    IRVisitor::visit(n);
  }

  void visit(const Store *n) override {
    setLoc(n);
    record(n->buffer, n->indices, true, n->value);
    IRVisitor::visit(n);
  }

  void visit(const For *n) override {
    setLoc(n);
    visit(n->min);
    visit(n->extent);
    auto range = [&](const std::string &v) {
      auto it = inner_.find(v);
      return it == inner_.end() ? Interval() : it->second;
    };
    Interval r = loopRange(n->min, n->extent, range);
    auto saved = inner_.find(n->name) != inner_.end() ? std::optional<Interval>(inner_[n->name])
                                                      : std::nullopt;
    inner_[n->name] = r;
    const For *savedLoop = innerLoops_.count(n->name) ? innerLoops_[n->name] : nullptr;
    innerLoops_[n->name] = n;
    ++depth_;
    visit(n->body);
    --depth_;
    if (saved)
      inner_[n->name] = *saved;
    else
      inner_.erase(n->name);
    if (savedLoop)
      innerLoops_[n->name] = savedLoop;
    else
      innerLoops_.erase(n->name);
  }

  void visit(const While *n) override {
    setLoc(n);
    visit(n->cond);
    ++depth_;
    visit(n->body);
    --depth_;
  }

  void visit(const Break *n) override {
    setLoc(n);
    if (depth_ == 0)
      fail("it contains 'break', which only a serial loop may use", curLoc_, "'break' is here");
  }
  void visit(const Continue *n) override {
    setLoc(n);
    if (depth_ == 0)
      fail("it contains 'continue', which only a serial loop may use", curLoc_,
           "'continue' is here");
  }

  void visit(const LetStmt *n) override {
    setLoc(n);
    visit(n->value);
    auto it = lets_.find(n->name);
    bool had = it != lets_.end();
    Expr old = had ? it->second : Expr();
    lets_[n->name] = expand(n->value);
    visit(n->body);
    if (had)
      lets_[n->name] = old;
    else
      lets_.erase(n->name);
  }

  /// The single, unconditional assignment of `name` directly in `s` (through
  /// blocks and declarations), when it is the only one anywhere in `s`.
  static const Assign *singleAssign(const Stmt &s, const std::string &name) {
    struct Count : IRVisitor {
      using IRVisitor::visit;
      const std::string &name;
      int n = 0;
      explicit Count(const std::string &nm) : name(nm) {}
      void visit(const Assign *a) override { n += a->name == name; }
    } count(name);
    count.visit(s);
    if (count.n != 1) return nullptr;
    std::vector<Stmt> work;
    work.push_back(s); // (not work{s}: GCC 12 warns -Wfree-nonheap-object)
    while (!work.empty()) {
      Stmt c = work.back();
      work.pop_back();
      if (!c) continue;
      if (auto *a = c.as<Assign>()) {
        if (a->name == name) return a;
      } else if (auto *b = c.as<Block>()) {
        for (auto &x : b->stmts) work.push_back(x);
      } else if (auto *d = c.as<VarDecl>()) {
        work.push_back(d->body);
      } else if (auto *l = c.as<LetStmt>()) {
        work.push_back(l->body);
      } else if (auto *al = c.as<Allocate>()) {
        work.push_back(al->body);
      }
    }
    return nullptr;
  }

  void visit(const VarDecl *n) override {
    setLoc(n);
    declared_.push_back(n->name);
    bool single = false;
    if (const Assign *a = singleAssign(n->body, n->name)) {
      Expr v = expand(a->value);
      bool pure = !hasLoad(v);
      for (auto &fv : freeVars(v)) pure &= !varyingVars.count(fv);
      if (pure && v.type().isIntegral()) {
        lets_[n->name] = v;
        single = true;
      }
    }
    if (!single) varyingVars.insert(n->name);
    visit(n->body);
    if (single) lets_.erase(n->name);
    declared_.pop_back();
  }

  void visit(const Assign *n) override {
    setLoc(n);
    visit(n->value);
    for (auto &d : declared_)
      if (d == n->name) return;
    std::string hint;
    if (usesVar(n->value, n->name))
      hint = "'" + n->name +
             "' accumulates across iterations (a reduction); hybridc vectorizes "
             "`s = s op e` (op + * min max, s read nowhere else in the loop) but parallelizes no "
             "reduction";
    else
      hint = "a scalar first assigned inside the loop body is private to each iteration";
    fail("scalar '" + n->name + "' is declared outside the loop and assigned in every iteration",
         curLoc_, "'" + n->name + "' is assigned here", hint);
  }

  void visit(const Allocate *n) override {
    setLoc(n);
    allocated_.insert(n->buffer.get());
    visit(n->body);
  }

  void visit(const IfThenElse *n) override {
    setLoc(n);
    IRVisitor::visit(n);
  }
  void visit(const AssertStmt *n) override {
    setLoc(n);
    IRVisitor::visit(n);
  }
};

//===--- Index analysis ----------------------------------------------------===//

/// How the loop variable v appears in one index: a * g(v) with g = v, v // m,
/// v % m or v * m (m a constant or a loop-invariant expression, keyed by its
/// text; v * m only for a symbolic m, as a split by nparts makes).
struct VTerm {
  enum Kind { Id, Div, Mod, Scaled } kind = Id; // Scaled: v * m
  std::string m;                                // the divisor's text
  std::optional<int64_t> cm;                    // the divisor when constant
  int64_t coeff = 0;
  bool operator==(const VTerm &o) const { return kind == o.kind && m == o.m && coeff == o.coeff; }
};

/// One index split into its v-term, invariant terms and varying terms.
struct IndexParts {
  bool bad = false; // v appears in a form the analysis does not understand
  std::optional<VTerm> v;
  LinearForm invariant;   // constant + terms fixed across iterations
  Interval varying{0, 0}; // bounds of the terms that vary inside an iteration
  /// The gcd of the varying terms' coefficients (0: none): the varying part
  /// is always a multiple of it, whatever its atoms' values.
  int64_t varyingGcd = 0;
  /// When the varying part is one inner loop variable u (coefficient 1) of a
  /// loop `for u in 0..E` or `0..min(E, ...)`: the texts of such E (u < E).
  std::set<std::string> below;
};

class IndexAnalysis {
public:
  IndexAnalysis(const For *loop, const std::set<std::string> &varyingVars,
                std::set<const BufferNode *> stored)
      : loop_(loop), varyingVars_(varyingVars), stored_(std::move(stored)) {}

  IndexParts split(const Expr &e, const Access &a) const {
    IndexParts p;
    int varyingTerms = 0;
    LinearForm lf = linearize(e);
    p.invariant.constant = lf.constant;
    auto range = [&](const std::string &name) -> Interval {
      auto it = a.inner.find(name);
      return it == a.inner.end() ? Interval() : it->second;
    };
    for (auto &[key, term] : lf.terms) {
      const Expr &atom = term.first;
      int64_t c = term.second;
      if (usesVar(atom, loop_->name)) {
        std::optional<VTerm> t = vterm(atom, a);
        if (!t || p.v) {
          p.bad = true;
          return p;
        }
        t->coeff = c;
        p.v = t;
        continue;
      }
      bool varies = !invariantLoads(atom, a);
      for (auto &fv : freeVars(atom)) varies |= a.inner.count(fv) || varyingVars_.count(fv);
      if (!varies) {
        LinearForm one;
        one.terms.emplace(key, term);
        p.invariant.add(one, 1);
        continue;
      }
      if (auto *u = atom.as<Var>(); u && c == 1 && a.innerLoops.count(u->name)) {
        const For *f = a.innerLoops.at(u->name);
        if (isConstInt(f->min, 0)) {
          p.below.insert(toString(f->extent));
          if (auto *mn = f->extent.as<Binary>(); mn && mn->op == BinOp::Min) {
            p.below.insert(toString(mn->a));
            p.below.insert(toString(mn->b));
          }
        }
        ++varyingTerms;
      } else {
        varyingTerms += 2; // anything else defeats `below`
      }
      p.varyingGcd = std::gcd(p.varyingGcd, c < 0 ? -c : c);
      Interval b = bounds(atom, range);
      Interval scaled;
      if (b.lo && b.hi) {
        scaled.lo = c >= 0 ? *b.lo * c : *b.hi * c;
        scaled.hi = c >= 0 ? *b.hi * c : *b.lo * c;
      }
      p.varying.lo = p.varying.lo && scaled.lo ? std::optional<int64_t>(*p.varying.lo + *scaled.lo)
                                               : std::nullopt;
      p.varying.hi = p.varying.hi && scaled.hi ? std::optional<int64_t>(*p.varying.hi + *scaled.hi)
                                               : std::nullopt;
    }
    if (varyingTerms != 1) p.below.clear();
    return p;
  }

  /// Whether accesses `s` and `a` (same buffer) can only touch the same
  /// element in the same iteration of the loop.
  bool independent(const Access &s, const Access &a) const {
    // The loop's own range (its bounds' variables unknown).
    const Interval vr =
        loopRange(loop_->min, loop_->extent, [](const std::string &) { return Interval(); });
    std::vector<VTerm> recovered;
    for (size_t d = 0; d < s.expanded.size(); ++d) {
      IndexParts ps = split(s.expanded[d], s), pa = split(a.expanded[d], a);
      if (ps.bad || pa.bad) continue;
      // D = index_a - index_s without the v-terms.
      LinearForm inv = pa.invariant;
      inv.add(ps.invariant, -1);
      std::optional<int64_t> dlo, dhi;
      if (inv.terms.empty() && pa.varying.bounded() && ps.varying.bounded()) {
        dlo = inv.constant + *pa.varying.lo - *ps.varying.hi;
        dhi = inv.constant + *pa.varying.hi - *ps.varying.lo;
      }
      if (!ps.v && !pa.v) {
        if (dlo && (*dlo > 0 || *dhi < 0)) return true; // never the same element
        continue;
      }
      if (ps.v && pa.v && *ps.v == *pa.v && ps.v->kind == VTerm::Scaled) {
        // c*v*E + u with 0 <= u < E in both: equal only for equal v.
        if (inv.terms.empty() && inv.constant == 0 && ps.below.count(ps.v->m) &&
            pa.below.count(ps.v->m))
          recovered.push_back(VTerm{VTerm::Id, "", std::nullopt, 0});
        continue;
      }
      if (ps.v && pa.v && *ps.v == *pa.v && dlo) {
        int64_t coef = ps.v->coeff < 0 ? -ps.v->coeff : ps.v->coeff;
        if (std::max(-*dlo, *dhi) < coef) {
          recovered.push_back(*ps.v);
          continue;
        }
        // Farther apart than the loop can move: equal elements need
        // coef*(v - v') = D with |v - v'| < the extent, so |D| <= coef*span
        // (`y[tx]` and `y[tx + 128]` under tx in 0..128 never meet).
        if (ps.v->kind == VTerm::Id && vr.bounded()) {
          int64_t reach = coef * (*vr.hi - *vr.lo);
          if (*dlo > reach || *dhi < -reach) return true; // never the same element
        }
      }
      // Divisibility: equal elements need coef*dv = -(D), and D is the
      // constant plus a multiple of g (the varying terms' gcd). With the
      // constant a multiple of g, dv must be a multiple of g / gcd(g, coef):
      // `o*4 + v` (v < 4 parallel, o inner) never collides for v != v'.
      if (ps.v && pa.v && *ps.v == *pa.v && ps.v->kind == VTerm::Id && inv.terms.empty()) {
        int64_t g = std::gcd(ps.varyingGcd, pa.varyingGcd);
        int64_t coef = ps.v->coeff < 0 ? -ps.v->coeff : ps.v->coeff;
        if (g > 0 && coef > 0 && inv.constant % g == 0 && vr.lo && vr.hi &&
            g / std::gcd(g, coef) > *vr.hi - *vr.lo)
          recovered.push_back(*ps.v);
      }
    }
    return determinesV(recovered);
  }

private:
  const For *loop_;
  const std::set<std::string> &varyingVars_;
  std::set<const BufferNode *> stored_; // buffers the loop writes

  /// Whether every load in `e` has the same value in every iteration: its
  /// buffer is not written in the loop and its indices read neither the
  /// loop variable nor anything that varies (`out[i, j + offs[i]]` under j).
  bool invariantLoads(const Expr &e, const Access &a) const {
    struct Check : IRVisitor {
      using IRVisitor::visit;
      const IndexAnalysis &self;
      const Access &a;
      bool ok = true;
      Check(const IndexAnalysis &s, const Access &x) : self(s), a(x) {}
      void visit(const Load *l) override {
        if (self.stored_.count(l->buffer.get())) ok = false;
        for (auto &i : l->indices)
          for (auto &fv : freeVars(i))
            if (fv == self.loop_->name || a.inner.count(fv) || self.varyingVars_.count(fv))
              ok = false;
        IRVisitor::visit(l);
      }
    } check(*this, a);
    check.visit(e);
    return check.ok;
  }

  std::optional<VTerm> vterm(const Expr &atom, const Access &a) const {
    auto isV = [&](const Expr &e) {
      auto *v = e.as<Var>();
      return v && v->name == loop_->name;
    };
    if (isV(atom)) return VTerm{VTerm::Id, "", std::nullopt, 0};
    if (auto *b = atom.as<Binary>();
        b && isV(b->a) && (b->op == BinOp::FloorDiv || b->op == BinOp::FloorMod)) {
      // The divisor must be the same in every iteration.
      const Expr &m = b->b;
      if (hasLoad(m)) return std::nullopt;
      for (auto &fv : freeVars(m))
        if (fv == loop_->name || a.inner.count(fv) || varyingVars_.count(fv)) return std::nullopt;
      std::optional<int64_t> cm;
      if (auto *c = asConstInt(m)) {
        if (*c <= 0) return std::nullopt;
        cm = *c;
      }
      return VTerm{b->op == BinOp::FloorDiv ? VTerm::Div : VTerm::Mod, toString(m), cm, 0};
    }
    if (auto *b = atom.as<Binary>(); b && b->op == BinOp::Mul && (isV(b->a) || isV(b->b))) {
      const Expr &m = isV(b->a) ? b->b : b->a;
      if (hasLoad(m) || asConstInt(m)) return std::nullopt;
      for (auto &fv : freeVars(m))
        if (fv == loop_->name || a.inner.count(fv) || varyingVars_.count(fv)) return std::nullopt;
      return VTerm{VTerm::Scaled, toString(m), std::nullopt, 0};
    }
    return std::nullopt;
  }

  bool determinesV(const std::vector<VTerm> &r) const {
    Interval vr =
        loopRange(loop_->min, loop_->extent, [](const std::string &) { return Interval(); });
    for (auto &t : r) {
      if (t.kind == VTerm::Id) return true;
      if (t.kind == VTerm::Mod && t.cm && vr.lo && vr.hi && *vr.lo >= 0 && *vr.hi < *t.cm)
        return true;
      if (t.kind == VTerm::Div)
        for (auto &u : r)
          if (u.kind == VTerm::Mod && (u.m == t.m || (t.cm && u.cm && *u.cm % *t.cm == 0)))
            return true;
    }
    return false;
  }
};

std::string accessText(const Access &a) { return toString(Load::make(a.buffer, a.indices)); }

//===--- Witnesses ----------------------------------------------------------===//

/// Integer value of `e` under `env`; nullopt when it reads anything else
/// (a load, a parameter, a float) or divides by zero.
std::optional<int64_t> evalInt(const Expr &e, const std::map<std::string, int64_t> &env) {
  return ir::evalInt(e, [&](const std::string &name) -> std::optional<int64_t> {
    auto it = env.find(name);
    return it == env.end() ? std::nullopt : std::optional<int64_t>(it->second);
  });
}

/// Every iteration point of `a` inside `loop` (the loop variable and the
/// loops around the access inside it) with the element it touches; false
/// when a bound or an index is not a compile-time integer, or there are too
/// many points to look at.
bool enumerateAccess(const For *loop, const Access &a,
                     const std::function<bool(const std::map<std::string, int64_t> &,
                                              const std::vector<int64_t> &)> &visit) {
  std::vector<const For *> loops{loop};
  std::set<std::string> placed{loop->name};
  // Inner loops in an order where each one's bounds use only placed loops.
  std::vector<const For *> rest;
  for (auto &[name, f] : a.innerLoops) rest.push_back(f);
  while (!rest.empty()) {
    bool progress = false;
    for (size_t k = 0; k < rest.size(); ++k) {
      bool ready = true;
      for (const Expr &e : {rest[k]->min, rest[k]->extent})
        for (auto &fv : freeVars(e)) ready &= placed.count(fv) > 0;
      if (!ready) continue;
      placed.insert(rest[k]->name);
      loops.push_back(rest[k]);
      rest.erase(rest.begin() + (long)k);
      progress = true;
      break;
    }
    if (!progress) return false;
  }
  std::map<std::string, int64_t> env;
  long budget = 200000;
  bool ok = true, stop = false;
  std::function<void(size_t)> rec = [&](size_t k) {
    if (!ok || stop) return;
    if (k == loops.size()) {
      if (--budget < 0) {
        ok = false;
        return;
      }
      std::vector<int64_t> element;
      for (const Expr &i : a.expanded) {
        auto v = evalInt(i, env);
        if (!v) {
          ok = false;
          return;
        }
        element.push_back(*v);
      }
      if (visit(env, element)) stop = true;
      return;
    }
    auto mn = evalInt(loops[k]->min, env), ext = evalInt(loops[k]->extent, env);
    if (!mn || !ext || *ext > 100000) {
      ok = false;
      return;
    }
    for (int64_t x = *mn; x < *mn + *ext && ok && !stop; ++x) {
      env[loops[k]->name] = x;
      rec(k + 1);
    }
    env.erase(loops[k]->name);
  };
  rec(0);
  return ok || stop;
}

/// "i.inner = 1, k = 0" for the loops of `env`, the tested loop first.
std::string pointText(const For *loop, const std::map<std::string, int64_t> &env) {
  std::string s = loop->name + " = " + std::to_string(env.at(loop->name));
  for (auto &[name, value] : env)
    if (name != loop->name) s += ", " + name + " = " + std::to_string(value);
  return s;
}

/// A concrete pair of iterations of `loop` (different values of its
/// variable) where `s` (a store) and `a` touch one element, e.g.
/// "v = 2, o = 0 and v = 0, o = 1 both write c[2]"; "" when none is found
/// or the bounds and indices are not all compile-time integers.
std::string findWitness(const For *loop, const Access &s, const Access &a) {
  std::map<std::vector<int64_t>, std::map<std::string, int64_t>> written;
  if (!enumerateAccess(
          loop, s, [&](const std::map<std::string, int64_t> &env, const std::vector<int64_t> &el) {
            written.emplace(el, env);
            return false;
          }))
    return "";
  std::string found;
  enumerateAccess(loop, a,
                  [&](const std::map<std::string, int64_t> &env, const std::vector<int64_t> &el) {
                    auto it = written.find(el);
                    if (it == written.end() || it->second.at(loop->name) == env.at(loop->name))
                      return false;
                    std::string elem = s.buffer->name + "[";
                    for (size_t k = 0; k < el.size(); ++k)
                      elem += (k ? ", " : "") + std::to_string(el[k]);
                    elem += "]";
                    if (a.isStore)
                      found = pointText(loop, it->second) + " and " + pointText(loop, env) +
                              " both write " + elem;
                    else
                      found = pointText(loop, it->second) + " writes " + elem + " and " +
                              pointText(loop, env) + " reads it";
                    return true;
                  });
  return found;
}

/// The first dependence the loop carries, if any.
//===--- Recognised reductions (vectorized loops) --------------------------===//

/// Replaces the reductions VectorizeLoops turns into horizontal vector
/// reductions by an evaluation of their operand, so that the remaining
/// accesses are checked as usual:
///   s = s op e          (s declared outside the loop, read nowhere else)
///   B[idx] = B[idx] op e (idx reads no scalar the loop writes and no memory;
///                         B accessed nowhere else)
/// with op one of + * min max and e reading neither s nor B.
class StripReductions : public IRMutator {
public:
  StripReductions(const For *loop)
      : loop_(loop), uses_(countUses(loop->body)), effects_(effectsOf(loop->body)) {}
  bool stripped = false;

protected:
  using IRMutator::visit;
  const For *loop_;
  UseCounts uses_;
  Effects effects_;
  std::set<std::string> declaredInside_;

  Stmt visit(const VarDecl *n, const Stmt &self) override {
    declaredInside_.insert(n->name);
    return IRMutator::visit(n, self);
  }
  Stmt visit(const Assign *n, const Stmt &self) override {
    if (declaredInside_.count(n->name)) return self;
    auto isAcc = [&](const Expr &e) {
      auto *v = e.as<Var>();
      return v && v->name == n->name;
    };
    BinOp op;
    Expr rest = reductionRest(n->value, isAcc, op);
    if (!rest || uses_.varReads[n->name] != 1 || uses_.assigns[n->name] != 1) return self;
    stripped = true;
    return Evaluate::make(rest);
  }
  Stmt visit(const Store *n, const Stmt &self) override {
    if (uses_.bufferAccesses[n->buffer.get()] != 2) return self;
    // One element for the whole loop: the indices must read neither the
    // loop variable nor any scalar the body writes (`t = a[i] % 8;
    // h[t] += 1` is a histogram, not a reduction) nor memory.
    for (auto &i : n->indices)
      if (usesVar(i, loop_->name) || usesAnyVar(i, effects_.written) || hasLoad(i)) return self;
    auto isAcc = [&](const Expr &e) {
      auto *l = e.as<Load>();
      if (!l || l->buffer != n->buffer) return false;
      for (size_t k = 0; k < n->indices.size(); ++k)
        if (!sameExpr(l->indices[k], n->indices[k])) return false;
      return true;
    };
    BinOp op;
    Expr rest = reductionRest(n->value, isAcc, op);
    if (!rest) return self;
    stripped = true;
    return Evaluate::make(rest);
  }
};

std::optional<Violation> analyzeBody(const For *loop, const LoopContext &context);

/// `context`: what encloses the loop (for the exact test).
std::optional<Violation> analyze(const For *loop, const LoopContext &context) {
  if (loop->forKind == ForKind::Vectorized) {
    StripReductions strip(loop);
    Stmt body = strip.mutate(loop->body);
    if (strip.stripped) {
      Stmt copy =
          For::make(loop->name, loop->min, loop->extent, loop->forKind, body, loop->threadTag);
      copy = withLoc(copy, loop->loc);
      return analyzeBody(copy.as<For>(), context);
    }
  }
  return analyzeBody(loop, context);
}

/// Fused loops address a buffer through (E // m, E % m): an injective
/// function of E, so such a pair of dimensions can be compared as the one
/// index E. When every access to a buffer has that form at dimensions
/// (k, k + 1) with the same m, the pair is collapsed (repeatedly, for loops
/// fused several times: (E // 8 // 8, E // 8 % 8, E % 8) -> (E)).
void collapseDelinearized(std::vector<Access> &accesses) {
  auto pairAt = [](const Access &a, size_t k, Expr &e, Expr &m) {
    return asDelinearizedPair(a.expanded[k], a.expanded[k + 1], e, m);
  };
  std::set<const BufferNode *> buffers;
  for (auto &a : accesses) buffers.insert(a.buffer.get());
  for (const BufferNode *b : buffers) {
    for (bool changed = true; changed;) {
      changed = false;
      size_t rank = 0;
      for (auto &a : accesses)
        if (a.buffer.get() == b) rank = a.expanded.size();
      for (size_t k = 0; k + 1 < rank && !changed; ++k) {
        bool all = true;
        Expr m0;
        for (auto &a : accesses) {
          if (a.buffer.get() != b) continue;
          Expr e, m;
          if (a.expanded.size() != rank || !pairAt(a, k, e, m) || (m0 && !sameExpr(m, m0))) {
            all = false;
            break;
          }
          m0 = m;
        }
        if (!all) continue;
        for (auto &a : accesses) {
          if (a.buffer.get() != b) continue;
          Expr e, m;
          pairAt(a, k, e, m);
          a.expanded[k] = e;
          a.expanded.erase(a.expanded.begin() + (long)k + 1);
        }
        changed = true;
      }
    }
  }
}

std::optional<Violation> analyzeBody(const For *loop, const LoopContext &context) {
  BodyScan scan(loop);
  scan.run();
  if (scan.violation) return scan.violation;
  collapseDelinearized(scan.accesses);
  std::set<const BufferNode *> stored = scan.allocated(); // private buffers change too
  for (auto &a : scan.accesses)
    if (a.isStore) stored.insert(a.buffer.get());
  IndexAnalysis ia(loop, scan.varyingVars, stored);
  // What the index analysis cannot separate, the exact test on integer sets
  // may (ExactDependence.cpp: `b[i + n]` and `b[i]` for i < n, a triangle's
  // `a[i, j]` and `a[j, i]` for j < i), once per buffer.
  std::map<const BufferNode *, ExactVerdict> exact;
  auto exactFor = [&](const BufferNode *b) -> const ExactVerdict & {
    auto it = exact.find(b);
    if (it == exact.end()) it = exact.emplace(b, exactParallel(loop, b, context)).first;
    return it->second;
  };
  const auto &acc = scan.accesses;
  for (size_t i = 0; i < acc.size(); ++i) {
    const Access &s = acc[i];
    if (!s.isStore) continue;
    for (size_t j = 0; j < acc.size(); ++j) {
      const Access &a = acc[j];
      if (a.buffer != s.buffer) continue;
      if (j < i && a.isStore) continue; // that pair was checked the other way round
      if (ia.independent(s, a)) continue;
      if (exactFor(s.buffer.get()).kind == ExactVerdict::Holds) continue;
      Violation v;
      std::string st = accessText(s), at = accessText(a);
      bool usesV = false, dataDependent = false;
      for (auto &e : s.expanded) {
        usesV |= usesVar(e, loop->name);
        dataDependent |= hasLoad(e) || usesAnyVar(e, scan.varyingVars);
      }
      if (i == j && dataDependent) {
        v.message = "different iterations may write the same element of '" + s.buffer->name +
                    "' (" + st + ": the index depends on data)";
      } else if (i == j && !usesV) {
        v.message = "every iteration writes the same element " + st;
      } else if (i == j) {
        v.message = "different iterations may write the same element of '" + s.buffer->name +
                    "' (" + st + ")";
      } else if (a.isStore) {
        v.message = "different iterations may write the same element of '" + s.buffer->name +
                    "' (" + st + " and " + at + ")";
      } else {
        v.message = "an iteration may read an element of '" + s.buffer->name +
                    "' that another iteration writes (" + at + " is read, " + st + " is written)";
      }
      if (std::string w = findWitness(loop, s, a); !w.empty())
        v.message += "; e.g. " + w;
      else if (const ExactVerdict &x = exactFor(s.buffer.get()); !x.witness.empty())
        v.message += "; e.g. " + x.witness;
      if (s.loc.isValid()) v.notes.push_back({s.loc, st + " is written here"});
      if (i != j && a.loc.isValid() && !(a.loc == s.loc))
        v.notes.push_back({a.loc, at + (a.isStore ? " is written here" : " is read here")});
      // c[...] += x under a loop over another index: a reduction.
      if (!usesV && !dataDependent && s.storedValue) {
        struct FindLoad : IRVisitor {
          using IRVisitor::visit;
          const Access &s;
          bool found = false;
          explicit FindLoad(const Access &x) : s(x) {}
          void visit(const Load *l) override {
            if (l->buffer == s.buffer && l->indices.size() == s.indices.size()) {
              bool same = true;
              for (size_t k = 0; k < s.indices.size(); ++k)
                same &= sameExpr(l->indices[k], s.indices[k]);
              found |= same;
            }
            IRVisitor::visit(l);
          }
        } f(s);
        f.visit(s.storedValue);
        if (f.found)
          v.hint = st +
                   " accumulates across iterations (a reduction); hybridc vectorizes `x = x op e` "
                   "reductions (op + * min max) but parallelizes none";
      }
      return v;
    }
  }
  return std::nullopt;
}

/// Every loop in pre-order.
class LoopList : public IRVisitor {
public:
  using IRVisitor::visit;
  std::vector<const For *> loops;

protected:
  void visit(const For *n) override {
    loops.push_back(n);
    IRVisitor::visit(n);
  }
};

std::string baseName(const std::string &address) {
  size_t h = address.rfind('#');
  if (h == std::string::npos || h == 0 || h + 1 == address.size()) return address;
  for (size_t i = h + 1; i < address.size(); ++i)
    if (address[i] < '0' || address[i] > '9') return address;
  return address.substr(0, h);
}

} // namespace

bool checkLegality(const ir::Stmt &body, const DefSchedule *schedule, DiagnosticEngine &diags) {
  LoopList list;
  list.visit(body);
  bool ok = true;
  std::set<std::pair<std::string, std::string>> reported; // (where, message)
  std::map<std::string, int> seen;
  for (const For *loop : list.loops) {
    int index = seen[loop->name]++;
    ScheduleOp::Kind opKind;
    const char *verb;
    switch (loop->forKind) {
    case ForKind::Parallel: opKind = ScheduleOp::Parallel, verb = "parallelize"; break;
    case ForKind::Vectorized: opKind = ScheduleOp::Vectorize, verb = "vectorize"; break;
    case ForKind::ThreadBinding: opKind = ScheduleOp::Bind, verb = "bind"; break;
    default: continue;
    }
    std::optional<Violation> v = analyze(loop, contextOf(body, loop));
    if (!v) continue;
    ok = false;
    // The op that made this loop parallel, else the loop in the source.
    const ScheduleOp *op = nullptr;
    if (schedule) {
      std::vector<const ScheduleOp *> cands;
      for (auto &o : schedule->ops)
        if (o.kind == opKind && baseName(o.loop) == loop->name) cands.push_back(&o);
      for (auto *c : cands)
        if (c->loop == loop->name + "#" + std::to_string(index)) op = c;
      if (!op && !cands.empty()) op = cands.back();
    }
    SourceRange where = op ? op->loopRange : SourceRange(loop->loc);
    std::string key = std::to_string(where.begin.buffer) + ":" + std::to_string(where.begin.offset);
    if (!reported.insert({key, v->message}).second) continue;
    auto b = diags.report(DiagKind::ScheduleIllegalParallel, where, {verb, loop->name, v->message});
    for (auto &[loc, text] : v->notes) b.note(DiagKind::NotePrevious, SourceRange(loc), {text});
    if (!v->hint.empty()) b.note(DiagKind::NoteHint, where, {v->hint});
  }
  return ok;
}

} // namespace hybridc
