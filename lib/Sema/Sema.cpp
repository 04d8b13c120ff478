//===- Sema.cpp - Checking a whole module ---------------------------------===//
//
// checkModule() validates the schedule's def names, builds the call graph of
// the module (calls to names that are defs, not builtins), reports each
// recursion cycle once at the call that closes it (with a "called from here"
// note at every other call of the cycle), and checks the defs callee-first
// (a depth-first post-order), so that a call can use its callee's parameter
// and output types. Calls that close a cycle are marked and typed Unknown.
//
//===----------------------------------------------------------------------===//
#include "hybridc/Sema/Sema.h"

#include "SemaInternal.h"

#include <functional>
#include <map>

namespace hybridc {

using namespace ast;
using namespace sema;

namespace {

/// Calls every `fn(call)` for the Call nodes of an expression tree.
void forEachCall(Expr *e, const std::function<void(Call &)> &fn) {
  if (!e) return;
  switch (e->kind) {
  case ExprKind::Attribute: forEachCall(cast<Attribute>(e)->value.get(), fn); break;
  case ExprKind::Subscript: {
    auto *s = cast<Subscript>(e);
    forEachCall(s->value.get(), fn);
    for (auto &i : s->indices) forEachCall(i.get(), fn);
    break;
  }
  case ExprKind::Call: {
    auto *c = cast<Call>(e);
    fn(*c);
    for (auto &a : c->args) forEachCall(a.get(), fn);
    break;
  }
  case ExprKind::BinOp:
    forEachCall(cast<BinOp>(e)->lhs.get(), fn);
    forEachCall(cast<BinOp>(e)->rhs.get(), fn);
    break;
  case ExprKind::UnaryOp: forEachCall(cast<UnaryOp>(e)->operand.get(), fn); break;
  case ExprKind::BoolOp:
    for (auto &o : cast<BoolOp>(e)->operands) forEachCall(o.get(), fn);
    break;
  case ExprKind::Compare:
    for (auto &o : cast<Compare>(e)->operands) forEachCall(o.get(), fn);
    break;
  case ExprKind::IfExp: {
    auto *i = cast<IfExp>(e);
    forEachCall(i->cond.get(), fn);
    forEachCall(i->then.get(), fn);
    forEachCall(i->orelse.get(), fn);
    break;
  }
  case ExprKind::Tuple:
    for (auto &x : cast<Tuple>(e)->elts) forEachCall(x.get(), fn);
    break;
  default: break;
  }
}

void forEachCall(Block &b, const std::function<void(Call &)> &fn) {
  for (auto &sp : b) {
    Stmt *s = sp.get();
    switch (s->kind) {
    case StmtKind::Assign: {
      auto *a = cast<Assign>(s);
      for (auto &t : a->targets) forEachCall(t.get(), fn);
      forEachCall(a->value.get(), fn);
      break;
    }
    case StmtKind::AugAssign:
      forEachCall(cast<AugAssign>(s)->target.get(), fn);
      forEachCall(cast<AugAssign>(s)->value.get(), fn);
      break;
    case StmtKind::For:
      forEachCall(cast<For>(s)->iter.get(), fn);
      forEachCall(cast<For>(s)->body, fn);
      break;
    case StmtKind::While:
      forEachCall(cast<While>(s)->cond.get(), fn);
      forEachCall(cast<While>(s)->body, fn);
      break;
    case StmtKind::If:
      forEachCall(cast<If>(s)->cond.get(), fn);
      forEachCall(cast<If>(s)->then, fn);
      forEachCall(cast<If>(s)->orelse, fn);
      break;
    case StmtKind::Return: forEachCall(cast<Return>(s)->value.get(), fn); break;
    case StmtKind::Assert:
      forEachCall(cast<Assert>(s)->cond.get(), fn);
      forEachCall(cast<Assert>(s)->msg.get(), fn);
      break;
    case StmtKind::ExprStmt: forEachCall(cast<ExprStmt>(s)->value.get(), fn); break;
    default: break;
    }
  }
}

class ModuleChecker {
public:
  ModuleChecker(Module &m, const ScheduleFile *sched, DiagnosticEngine &diags)
      : mc_{m, sched, diags, {}, {}} {}

  void run() {
    Module &m = mc_.module;
    if (mc_.schedule)
      for (const DefSchedule &ds : mc_.schedule->defs)
        if (!m.find(ds.def)) mc_.diags.report(DiagKind::ScheduleUnknownDef, ds.keyRange, {ds.def});

    for (auto &d : m.defs) {
      Def *def = d.get();
      forEachCall(def->body, [&](Call &c) {
        if (lookupBuiltin(c.callee)) return;
        // The first def of that name (the parser reports duplicates).
        if (const Def *callee = m.find(c.callee))
          edges_[def].push_back({const_cast<Def *>(callee), &c});
      });
    }
    for (auto &d : m.defs)
      if (state_[d.get()] == White) visit(*d);
  }

private:
  enum State { White, Grey, Black };
  struct Edge {
    Def *to;
    Call *call;
  };

  void visit(Def &d) {
    state_[&d] = Grey;
    path_.push_back(&d);
    for (const Edge &e : edges_[&d]) {
      State s = state_[e.to];
      if (s == Grey) {
        reportCycle(d, e);
      } else if (s == White) {
        calls_.push_back(e.call);
        visit(*e.to);
        calls_.pop_back();
      }
    }
    path_.pop_back();
    checkDef(d);
    state_[&d] = Black;
  }

  /// `e` goes from `from` back to a def on the path: report at its call,
  /// with notes at the calls from that def down to `from`.
  void reportCycle(Def &from, const Edge &e) {
    mc_.recursiveCalls.insert(e.call);
    auto diag = mc_.diags.report(DiagKind::Recursion, e.call->range, {e.to->name});
    size_t start = 0;
    while (path_[start] != e.to) ++start;
    for (size_t i = start; i < calls_.size(); ++i)
      diag.note(DiagKind::NoteCallChain, calls_[i]->range);
    // Every def of the cycle is erroneous.
    for (size_t i = start; i < path_.size(); ++i) inCycle_.insert(path_[i]);
    (void)from;
  }

  void checkDef(Def &d) {
    unsigned before = mc_.diags.errorCount();
    DefChecker dc(mc_, d);
    dc.checkSignature();
    dc.checkBody();
    d.checked = mc_.diags.errorCount() == before && !inCycle_.count(&d);
  }

  ModuleContext mc_;
  std::map<const Def *, std::vector<Edge>> edges_;
  std::map<const Def *, State> state_;
  std::vector<Def *> path_;   // defs being visited, outermost first
  std::vector<Call *> calls_; // calls_[i] goes from path_[i] to path_[i + 1]
  std::set<const Def *> inCycle_;
};

} // namespace

void checkModule(Module &m, const ScheduleFile *schedule, DiagnosticEngine &diags) {
  sema::desugarModule(m, schedule, diags);
  ModuleChecker(m, schedule, diags).run();
}

} // namespace hybridc
