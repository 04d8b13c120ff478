//===- FactorReductions.cpp - rfactor: partial results of a reduction -----===//
//
// rfactorLoop() is the schedule's `rfactor` op (ApplySchedule.cpp, TVM's
// rfactor, Halide's Func::rfactor); factorReductions() is the
// factor-reductions pass, which applies it to every vectorized loop whose
// reduction an enclosing serial loop continues (docs/schedules.md
// "rfactor").
//
// A loop L of constant extent E whose body updates an accumulator only by
// reductions `acc = acc op e` (op + * min max; `acc` a scalar declared
// outside L, or a buffer element `B[idx]` whose indices are the same in every
// iteration of L) gets one partial result per iteration of L:
//
//   acc.rf = allocate((E,), local)
//   for L.init in 0..E:    acc.rf[L.init] = identity(op)
//   R                      (in L: acc.rf[L - min] = acc.rf[L - min] op e)
//   for L.combine in 0..E: acc = acc op acc.rf[L.combine]
//
// R is the outermost loop around L (at least L itself) that touches the
// accumulator only through those updates inside L and over which the
// accumulator's address does not change: serial loops of the same reduction
// (`j.outer` around `j.inner`), so the partials live across all of them and
// are combined once. Nothing is reordered; the sum is reassociated (each
// partial sums the iterations with one value of L), like a vectorized
// reduction: integer results are exact, min and max too, float sums and
// products may differ in the last bits.
//
// Expects: apply-schedule's loop nest (for the pass: before finalize-guards,
// so that a tail guard is still inside its loop). Guarantees: the same
// results up to that reassociation; L keeps its kind, the new loops get
// `kind`.
//
//===----------------------------------------------------------------------===//
#include "hybridc/Analysis/LoopNest.h"
#include "hybridc/Analysis/Simplify.h"
#include "hybridc/IR/IRPrinter.h"
#include "hybridc/IR/IRVisitor.h"
#include "hybridc/Support/InternalError.h"
#include "hybridc/Transforms/Passes.h"

#include <cmath>

namespace hybridc::ir {
namespace {

using namespace loopnest;

/// At most this many partial results (a local buffer: the stack).
constexpr int64_t kMaxPartials = 4096;

/// A statement enclosing L: a loop, a declaration or binding, an allocation.
struct Enclosing {
  const For *loop = nullptr;
  std::string name;                  // loop, VarDecl or LetStmt name
  const BufferNode *alloc = nullptr; // Allocate
};

/// The statements from the root down to L (outermost first).
class PathFinder : public IRVisitor {
public:
  explicit PathFinder(const For *target) : target_(target) {}
  std::vector<Enclosing> path;
  bool found = false;
  using IRVisitor::visit;

protected:
  const For *target_;
  std::vector<Enclosing> stack_;
  void visit(const For *n) override {
    if (found) return;
    if (n == target_) {
      path = stack_;
      found = true;
      return;
    }
    stack_.push_back({n, n->name, nullptr});
    IRVisitor::visit(n);
    stack_.pop_back();
  }
  void visit(const VarDecl *n) override { within({nullptr, n->name, nullptr}, n); }
  void visit(const LetStmt *n) override { within({nullptr, n->name, nullptr}, n); }
  void visit(const Allocate *n) override { within({nullptr, "", n->buffer.get()}, n); }
  template <typename N> void within(Enclosing e, const N *n) {
    if (found) return;
    stack_.push_back(std::move(e));
    IRVisitor::visit(n);
    stack_.pop_back();
  }
};

/// One accumulator of L: a scalar or a buffer element.
struct Accumulator {
  std::string var;
  Buffer buffer;
  std::vector<Expr> indices;
  BinOp op = BinOp::Add;
  bool mixedOps = false;
  DType type;
  int updates = 0;
  Buffer partials;

  bool matches(const Accumulator &o) const {
    if (!var.empty() || !o.var.empty()) return var == o.var;
    return buffer == o.buffer && sameIndices(indices, o.indices);
  }
  std::string text() const {
    if (!var.empty()) return var;
    std::string s = buffer->name + "[";
    for (size_t k = 0; k < indices.size(); ++k) s += (k ? ", " : "") + toString(indices[k]);
    return s + "]";
  }
};

/// Finds L's reduction updates (`collect`) and rewrites them into updates
/// of the partial results (`mutate`): one matcher for both.
class Updates : public IRMutator {
public:
  Updates(const For *L, Expr partialIndex)
      : loopEffects_(effectsOf(L->body)), partialIndex_(std::move(partialIndex)) {
    bound_.insert(L->name);
  }
  std::vector<Accumulator> accs;
  bool rewriting = false;

  void collect(const Stmt &body) { (void)mutate(body); }

protected:
  using IRMutator::visit;
  Effects loopEffects_;
  Expr partialIndex_;
  std::set<std::string> bound_; // names bound inside L (and L's variable)

  /// The accumulator `a` (registered when collecting) or null.
  Accumulator *find(const Accumulator &a) {
    for (auto &x : accs)
      if (x.matches(a)) return &x;
    return nullptr;
  }
  Accumulator *note(Accumulator a, BinOp op) {
    Accumulator *x = find(a);
    if (!x) {
      a.op = op;
      accs.push_back(std::move(a));
      x = &accs.back();
    }
    x->mixedOps |= x->op != op;
    ++x->updates;
    return x;
  }
  Stmt partialUpdate(const Accumulator &a, const Expr &rest) {
    Expr old = Load::make(a.partials, {partialIndex_});
    return Store::make(a.partials, {partialIndex_}, Binary::make(a.op, old, rest));
  }

  Stmt visit(const Assign *n, const Stmt &self) override {
    if (bound_.count(n->name)) return self;
    BinOp op = BinOp::Add;
    auto isAcc = [&](const Expr &e) {
      auto *v = e.as<Var>();
      return v && v->name == n->name;
    };
    Expr rest = reductionRest(n->value, isAcc, op);
    if (!rest || usesVar(rest, n->name)) return self;
    Accumulator a;
    a.var = n->name;
    a.type = n->value.type();
    if (!rewriting) {
      note(std::move(a), op);
      return self;
    }
    Accumulator *x = find(a);
    return x ? withLoc(partialUpdate(*x, rest), n->loc) : self;
  }

  Stmt visit(const Store *n, const Stmt &self) override {
    for (auto &i : n->indices)
      if (usesAnyVar(i, bound_) || usesAnyVar(i, loopEffects_.written) || hasLoad(i)) return self;
    BinOp op = BinOp::Add;
    auto isAcc = [&](const Expr &e) { return loadsStoredElement(e, n); };
    Expr rest = reductionRest(n->value, isAcc, op);
    if (!rest || countUses(Evaluate::make(rest)).bufferAccesses.count(n->buffer.get())) return self;
    Accumulator a;
    a.buffer = n->buffer;
    a.indices = n->indices;
    a.type = n->buffer->dtype;
    if (!rewriting) {
      note(std::move(a), op);
      return self;
    }
    Accumulator *x = find(a);
    return x ? withLoc(partialUpdate(*x, rest), n->loc) : self;
  }

  // Names bound inside L: a scalar declared there is private to an
  // iteration; an index using a loop or let of the body changes.
  template <typename N> Stmt binding(const N *n, const Stmt &self) {
    bool fresh = bound_.insert(n->name).second;
    Stmt s = IRMutator::visit(n, self);
    if (fresh) bound_.erase(n->name);
    return s;
  }
  Stmt visit(const VarDecl *n, const Stmt &self) override { return binding(n, self); }
  Stmt visit(const LetStmt *n, const Stmt &self) override { return binding(n, self); }
  Stmt visit(const For *n, const Stmt &self) override { return binding(n, self); }
};

class Wrapper : public IRMutator {
public:
  Wrapper(const For *L, const For *R, Stmt newL, std::function<Stmt(Stmt)> wrap)
      : L_(L), R_(R), newL_(std::move(newL)), wrap_(std::move(wrap)) {}

protected:
  using IRMutator::visit;
  const For *L_, *R_;
  Stmt newL_;
  std::function<Stmt(Stmt)> wrap_;
  Stmt visit(const For *n, const Stmt &self) override {
    Stmt s = n == L_ ? newL_ : IRMutator::visit(n, self);
    return n == R_ ? wrap_(s) : s;
  }
};

} // namespace

RfactorResult rfactorLoop(const Stmt &root, const RfactorRequest &req) {
  RfactorResult res;
  const For *L = req.loop;
  auto fail = [&](std::string why) {
    res.error = std::move(why);
    return res;
  };
  const int64_t *ext = asConstInt(L->extent);
  const char *hint = " (split it by a constant factor and rfactor the inner loop)";
  if (!ext)
    return fail("its extent " + toString(L->extent) + " is not a compile-time constant" + hint);
  if (*ext <= 0 || *ext > kMaxPartials)
    return fail("its extent " + std::to_string(*ext) + " is not in 1.." +
                std::to_string(kMaxPartials) + ", the most partial results" + hint);
  if (L->forKind == ForKind::ThreadBinding)
    return fail("it is bound to " + L->threadTag + " (partial results are per thread)");
  DType it = L->extent.type();
  Expr index = simplify(Var::make(it, L->name) - L->min);
  Updates u(L, index);
  u.collect(L->body);
  if (u.accs.empty())
    return fail("its body updates no reduction (`s = s op e` for a scalar declared outside it, or "
                "`B[idx] = B[idx] op e` with the same idx in every iteration; op + * min max)");

  UseCounts inL = countUses(L->body);
  std::map<const BufferNode *, int> updatesOf;
  std::map<const BufferNode *, BinOp> opOf;
  for (auto &a : u.accs) {
    if (a.mixedOps) return fail("'" + a.text() + "' is updated with different operators");
    if (!a.type.isFloat() && !a.type.isIntegral())
      return fail("'" + a.text() + "' is a " + a.type.str() + ", not a number");
    if (!a.var.empty()) {
      if (inL.varReads[a.var] != a.updates || inL.assigns[a.var] != a.updates)
        return fail("'" + a.var + "' is read or assigned in it outside its reduction updates");
    } else {
      updatesOf[a.buffer.get()] += a.updates;
      auto [o, fresh] = opOf.emplace(a.buffer.get(), a.op);
      if (!fresh && o->second != a.op)
        return fail("elements of '" + a.buffer->name + "' are updated with different operators");
    }
  }
  for (auto &[b, n] : updatesOf)
    if (inL.bufferAccesses[b] != 2 * n)
      return fail("'" + b->name + "' is accessed in it outside its reduction updates");

  // The region: the enclosing serial loops of the same reduction.
  PathFinder pf(L);
  pf.visit(root);
  HY_ASSERT(pf.found, "rfactor: the loop is not in the def");
  const For *R = L;
  for (size_t k = pf.path.size(); k-- > 0;) {
    const For *P = pf.path[k].loop;
    if (!P) continue;
    if (P->forKind != ForKind::Serial && P->forKind != ForKind::Unrolled) break;
    std::set<std::string> boundBelow; // names bound between P (included) and L
    std::set<const BufferNode *> allocBelow;
    for (size_t j = k; j < pf.path.size(); ++j) {
      if (!pf.path[j].name.empty()) boundBelow.insert(pf.path[j].name);
      if (pf.path[j].alloc) allocBelow.insert(pf.path[j].alloc);
    }
    Effects inP = effectsOf(P->body);
    UseCounts usesP = countUses(P->body);
    bool ok = true;
    for (auto &a : u.accs) {
      if (!a.var.empty()) {
        ok &= !boundBelow.count(a.var) && usesP.varReads[a.var] == inL.varReads[a.var] &&
              usesP.assigns[a.var] == inL.assigns[a.var];
      } else {
        ok &= !allocBelow.count(a.buffer.get()) &&
              usesP.bufferAccesses[a.buffer.get()] == inL.bufferAccesses[a.buffer.get()];
        for (auto &i : a.indices) ok &= !usesAnyVar(i, boundBelow) && !usesAnyVar(i, inP.written);
      }
    }
    if (!ok) break;
    R = P;
  }
  if (req.onlyAcrossLoops && R == L) return fail("no enclosing loop continues its reduction");

  // Names: the new loops as asked (or fresh), the partial buffers fresh.
  std::set<std::string> names = allNames(root);
  auto fresh = [&](const std::string &base) {
    std::string n = base;
    for (int k = 1; names.count(n); ++k) n = base + std::to_string(k);
    names.insert(n);
    return n;
  };
  std::string initName = req.initName, combineName = req.combineName;
  for (auto *n : {&initName, &combineName})
    if (!n->empty() && (names.count(*n) || initName == combineName))
      return fail("the name '" + *n + "' for a new loop is already used");
  if (initName.empty()) initName = fresh(L->name + ".init");
  if (combineName.empty()) combineName = fresh(L->name + ".combine");
  for (auto &a : u.accs) {
    std::string n = fresh((a.var.empty() ? a.buffer->name : a.var) + ".rf");
    a.partials =
        makeDenseBuffer(n, a.type.element(), {makeConst(DType::i64(), *ext)}, BufferNode::Temp);
    a.partials->scope = "local";
  }

  u.rewriting = true;
  Stmt newL = rebuildFor(L, u.mutate(L->body));
  Expr i0 = Var::make(it, initName), i1 = Var::make(it, combineName);
  std::vector<Stmt> init, combine;
  for (auto &a : u.accs) {
    init.push_back(Store::make(a.partials, {i0}, reductionIdentity(a.op, a.partials->dtype)));
    Expr part = Load::make(a.partials, {i1});
    if (!a.var.empty())
      combine.push_back(Assign::make(a.var, Binary::make(a.op, Var::make(a.type, a.var), part)));
    else
      combine.push_back(Store::make(a.buffer, a.indices,
                                    Binary::make(a.op, Load::make(a.buffer, a.indices), part)));
  }
  auto loop = [&](const std::string &n, std::vector<Stmt> body) {
    return withLoc(
        For::make(n, makeConst(it, 0), makeConst(it, *ext), req.kind, Block::make(std::move(body))),
        L->loc);
  };
  Stmt initLoop = loop(initName, std::move(init));
  Stmt combineLoop = loop(combineName, std::move(combine));
  auto wrap = [&](Stmt r) {
    Stmt s = Block::make({initLoop, std::move(r), combineLoop});
    for (auto a = u.accs.rbegin(); a != u.accs.rend(); ++a)
      s = withLoc(Allocate::make(a->partials, s), L->loc);
    return s;
  };
  res.body = Wrapper(L, R, newL, wrap).mutate(root);
  return res;
}

Stmt factorReductions(const Stmt &s) {
  // Each vectorized loop in pre-order; a rewrite adds the (vectorized) init
  // loop before it and the combine loop after it.
  Stmt root = s;
  for (size_t k = 0;; ++k) {
    std::vector<const For *> loops;
    class Vectorized : public IRVisitor {
    public:
      std::vector<const For *> &out;
      explicit Vectorized(std::vector<const For *> &o) : out(o) {}
      using IRVisitor::visit;

    protected:
      void visit(const For *n) override {
        if (n->forKind == ForKind::Vectorized) out.push_back(n);
        IRVisitor::visit(n);
      }
    } collector(loops);
    collector.visit(root);
    if (k >= loops.size()) break;
    RfactorRequest req; // (fresh names for the new loops)
    req.loop = loops[k];
    req.kind = ForKind::Vectorized;
    req.onlyAcrossLoops = true;
    RfactorResult r = rfactorLoop(root, req);
    if (!r.body) continue;
    root = r.body;
    k += 2; // past the init loop and L; the combine loop follows
  }
  return root;
}

} // namespace hybridc::ir
