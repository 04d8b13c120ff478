//===- SemaDesugar.cpp - Rewrites of the AST before checking -------------===//
//
// desugarModule() turns TVM conveniences into the plain forms the checker
// knows, in this order (each rewrite keeps source locations, so later
// diagnostics point at what the user wrote):
//
// flattenChainedIndexing(): a[i][j] is a[i, j].
//
// normalizeReturns() accepts `return` inside an `if` (relay's shape
// functions return early): the statements after an `if` whose one branch
// returns move into its other branch, and when then every path of the def
// ends with a return of the same tensors, the returns become one at the
// end. Returns naming different tensors are an error.
//
// expandTensorTuples(): a parameter annotated with a tuple of one tensor
// type, `xs: (float32[n], float32[n])`, becomes one parameter per tensor
// (xs_0, xs_1: one pointer each in C); `len(xs)`, `xs[k][...]` (k any int
// expression; a const_range variable folds) and `xs[k].shape` refer to them.
//
// `N = 16` at the top of a file is a compile-time constant visible to every
// def (TVM captures the Python globals a hybrid function reads as
// constants; README, "Parameters"). inlineModuleConstants() evaluates each in
// source order — numbers, strings, True/False, + - * / // % and unary
// minus/not on them and on earlier constants — and replaces every use of
// the name in a def by the value, as a literal at the use's location, so
// the rest of Sema sees an ordinary literal (a shape `float32[N]`, a bound
// `range(N)`, a dtype 'float32'). A def that binds the name itself (a
// parameter, an assignment, a loop variable) keeps its own, as in Python.
//
// inlineConstScalarArgs() does the same for a scalar parameter the
// schedule file gives a value (`"args": {"b": {"const": 11}}`, as relay
// passes attributes): the parameter leaves the C signature and its uses
// become literals, usable wherever a constant is needed (const_range
// bounds, shapes, indices of const arrays).
//
//===----------------------------------------------------------------------===//
#include "hybridc/Sema/Sema.h"

#include "SemaInternal.h"

#include "hybridc/AST/AST.h"
#include "hybridc/Schedule/Schedule.h"
#include "hybridc/Support/Diagnostics.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <variant>

namespace hybridc {
namespace {

using namespace ast;
using Value = std::variant<int64_t, double, bool, std::string>;

/// The value of a constant expression, or nullopt (with `why` set when a
/// specific reason helps).
std::optional<Value> evaluate(const Expr &e, const std::map<std::string, Value> &known,
                              std::string &why) {
  switch (e.kind) {
  case ExprKind::IntLit: return Value(cast<IntLit>(&e)->value);
  case ExprKind::FloatLit: return Value(cast<FloatLit>(&e)->value);
  case ExprKind::BoolLit: return Value(cast<BoolLit>(&e)->value);
  case ExprKind::StrLit: return Value(cast<StrLit>(&e)->value);
  case ExprKind::Name: {
    auto it = known.find(cast<Name>(&e)->id);
    if (it == known.end()) {
      why = "; '" + cast<Name>(&e)->id + "' is not an earlier module constant";
      return std::nullopt;
    }
    return it->second;
  }
  case ExprKind::UnaryOp: {
    auto *u = cast<UnaryOp>(&e);
    auto v = evaluate(*u->operand, known, why);
    if (!v) return std::nullopt;
    if (u->op == UnaryOpKind::Not) {
      if (auto *b = std::get_if<bool>(&*v)) return Value(!*b);
      return std::nullopt;
    }
    if (u->op == UnaryOpKind::Plus && !std::holds_alternative<std::string>(*v)) return v;
    if (u->op == UnaryOpKind::Neg) {
      if (auto *i = std::get_if<int64_t>(&*v)) return Value(-*i);
      if (auto *d = std::get_if<double>(&*v)) return Value(-*d);
    }
    return std::nullopt;
  }
  case ExprKind::BinOp: {
    auto *b = cast<BinOp>(&e);
    auto x = evaluate(*b->lhs, known, why), y = evaluate(*b->rhs, known, why);
    if (!x || !y) return std::nullopt;
    auto *xi = std::get_if<int64_t>(&*x), *yi = std::get_if<int64_t>(&*y);
    auto num = [](const Value &v) -> std::optional<double> {
      if (auto *i = std::get_if<int64_t>(&v)) return (double)*i;
      if (auto *d = std::get_if<double>(&v)) return *d;
      return std::nullopt;
    };
    if (xi && yi) {
      int64_t a = *xi, c = *yi;
      switch (b->op) {
      case BinOpKind::Add: return Value(a + c);
      case BinOpKind::Sub: return Value(a - c);
      case BinOpKind::Mul: return Value(a * c);
      case BinOpKind::FloorDiv:
      case BinOpKind::Mod: {
        if (c == 0) {
          why = "; it divides by zero";
          return std::nullopt;
        }
        int64_t q = a / c;
        if ((a % c != 0) && ((a < 0) != (c < 0))) --q;
        return Value(b->op == BinOpKind::FloorDiv ? q : a - q * c);
      }
      case BinOpKind::Div:
        return c == 0 ? std::nullopt : std::optional<Value>(Value((double)a / (double)c));
      default: return std::nullopt;
      }
    }
    auto fx = num(*x), fy = num(*y);
    if (!fx || !fy) return std::nullopt;
    switch (b->op) {
    case BinOpKind::Add: return Value(*fx + *fy);
    case BinOpKind::Sub: return Value(*fx - *fy);
    case BinOpKind::Mul: return Value(*fx * *fy);
    case BinOpKind::Div: return *fy == 0 ? std::nullopt : std::optional<Value>(Value(*fx / *fy));
    default: return std::nullopt;
    }
  }
  default: return std::nullopt;
  }
}

/// A literal for `v` at `range` (a negative number is `-literal`).
ExprPtr literal(const Value &v, SourceRange range) {
  if (auto *i = std::get_if<int64_t>(&v)) {
    if (*i < 0)
      return std::make_unique<UnaryOp>(range, UnaryOpKind::Neg,
                                       std::make_unique<IntLit>(range, -*i));
    return std::make_unique<IntLit>(range, *i);
  }
  if (auto *d = std::get_if<double>(&v)) {
    if (std::signbit(*d))
      return std::make_unique<UnaryOp>(range, UnaryOpKind::Neg,
                                       std::make_unique<FloatLit>(range, -*d));
    return std::make_unique<FloatLit>(range, *d);
  }
  if (auto *b = std::get_if<bool>(&v)) return std::make_unique<BoolLit>(range, *b);
  return std::make_unique<StrLit>(range, std::get<std::string>(v));
}

/// Names a def binds itself: parameters, assignment targets, loop variables.
std::set<std::string> ownNames(Def &d) {
  std::set<std::string> names;
  for (auto &p : d.params) names.insert(p.name->id);
  forEachStmt(d.body, [&](const Stmt &s) {
    if (auto *a = dyn_cast<Assign>(&s)) {
      for (auto &t : a->targets)
        if (auto *n = dyn_cast<Name>(t.get())) names.insert(n->id);
    } else if (auto *a = dyn_cast<AugAssign>(&s)) {
      if (auto *n = dyn_cast<Name>(a->target.get())) names.insert(n->id);
    } else if (auto *f = dyn_cast<For>(&s)) {
      for (auto &v : f->vars) names.insert(v->id);
    }
  });
  return names;
}

} // namespace

static void inlineConstScalarArgs(Module &m, const ScheduleFile &schedule,
                                  DiagnosticEngine &diags) {
  for (auto &d : m.defs) {
    const DefSchedule *ds = schedule.find(d->name);
    if (!ds) continue;
    for (const auto &[name, desc] : ds->args) {
      if (!desc.constScalar || desc.constValues.empty()) continue;
      auto p = std::find_if(d->params.begin(), d->params.end(),
                            [&](const Param &q) { return q.name->id == name; });
      if (p == d->params.end()) continue; // SemaParams reports the unknown parameter
      double x = desc.constValues[0];
      // The type: the annotation's, else the schedule's, else int32 for an
      // integral value and float32 otherwise.
      std::optional<DType> dt = desc.dtype;
      if (p->annotation) {
        auto *a = dyn_cast<Name>(p->annotation.get());
        std::optional<DType> ann = a ? DType::parse(a->id) : std::nullopt;
        if (!ann) {
          diags.report(
              DiagKind::ScheduleArgConflict, desc.constRange,
              {name,
               "a \"const\" number describes a scalar, but the annotation is not a scalar dtype"});
          continue;
        }
        if (dt && *dt != *ann) {
          diags.report(
              DiagKind::ScheduleArgConflict, desc.dtypeRange,
              {name, "the schedule says " + dt->str() + " but the annotation says " + ann->str()});
          continue;
        }
        dt = ann;
      }
      if (!dt)
        dt = std::floor(x) == x ? (std::fabs(x) < 0x1p31 ? DType::i32() : DType::i64())
                                : DType::f32();
      if (!dt->isFloat() && std::floor(x) != x) {
        diags.report(DiagKind::ScheduleArgConflict, desc.constRange,
                     {name, "its value is not an integer but its type is " + dt->str()});
        continue;
      }
      // An integer value must fit its type (converting one that does not is
      // undefined; found by libFuzzer).
      if (dt->isIntegral()) {
        double lo = dt->isInt() ? -std::ldexp(1.0, dt->bits - 1) : 0.0;
        double hi = dt->isInt() ? std::ldexp(1.0, dt->bits - 1) : std::ldexp(1.0, dt->bits);
        if (!(x >= lo && x < hi)) {
          diags.report(DiagKind::ScheduleArgConflict, desc.constRange,
                       {name, "its value does not fit in " + dt->str()});
          continue;
        }
      }
      Value v = dt->isFloat() ? Value(x) : dt->isBool() ? Value(x != 0) : Value((int64_t)x);
      // Uses become literals of that type (a cast keeps int64, float64...).
      bool exact = *dt == DType::i32() || *dt == DType::f32() || dt->isBool();
      std::string paramName = name;
      d->params.erase(p); // no longer a run-time parameter
      d->constParams.push_back(paramName);
      forEachExprSlot(*d, [&](ExprPtr &slot) {
        auto *n = dyn_cast<Name>(slot.get());
        if (!n || n->id != paramName) return;
        SourceRange r = n->range;
        ExprPtr lit = literal(v, r);
        if (!exact) {
          std::vector<ExprPtr> args;
          args.push_back(std::move(lit));
          lit = std::make_unique<Call>(r, dt->str(), r, std::move(args));
        }
        slot = std::move(lit);
      });
    }
  }
}

static void inlineModuleConstants(Module &m, DiagnosticEngine &diags) {
  if (m.constants.empty()) return;
  std::map<std::string, Value> known;
  std::set<std::string> failed;
  for (auto &c : m.constants) {
    const std::string &name = c.name->id;
    if (known.count(name) || failed.count(name)) {
      diags.report(DiagKind::ModuleConstTwice, c.name->range, {name});
      continue;
    }
    std::string why;
    if (auto v = evaluate(*c.value, known, why)) {
      known[name] = *v;
    } else {
      diags.report(DiagKind::ModuleConstValue, c.value->range, {name, why});
      failed.insert(name);
    }
  }
  for (auto &d : m.defs) {
    std::set<std::string> own = ownNames(*d);
    forEachExprSlot(*d, [&](ExprPtr &slot) {
      auto *n = dyn_cast<Name>(slot.get());
      if (!n || own.count(n->id)) return;
      auto it = known.find(n->id);
      if (it != known.end()) slot = literal(it->second, n->range);
    });
  }
}

} // namespace hybridc

//===--- return inside if -----------------------------------------------===//

namespace hybridc {
namespace {

using namespace ast;

/// Whether every path through `b` ends with a `return`.
bool endsWithReturn(const Block &b) {
  if (b.empty()) return false;
  const Stmt *last = b.back().get();
  if (isa<Return>(last)) return true;
  if (auto *i = dyn_cast<If>(last)) return endsWithReturn(i->then) && endsWithReturn(i->orelse);
  return false;
}

/// Whether an `if` (through its branches, not into loops) holds a return.
bool holdsReturn(const Block &b) {
  for (auto &s : b) {
    if (isa<Return>(s.get())) return true;
    if (auto *i = dyn_cast<If>(s.get()); i && (holdsReturn(i->then) || holdsReturn(i->orelse)))
      return true;
  }
  return false;
}

/// `if c: ...; return x` followed by more statements: those statements run
/// only when the `if` did not return, so they move into its other branch.
void liftReturns(Block &b) {
  for (size_t k = 0; k < b.size(); ++k) {
    auto *i = dyn_cast<If>(b[k].get());
    if (!i || !(holdsReturn(i->then) || holdsReturn(i->orelse))) continue;
    liftReturns(i->then);
    liftReturns(i->orelse);
    bool thenReturns = endsWithReturn(i->then), elseReturns = endsWithReturn(i->orelse);
    if (k + 1 == b.size() || thenReturns == elseReturns) continue;
    Block &into = thenReturns ? i->orelse : i->then;
    if (into.size() == 1)
      if (auto *elif = dyn_cast<If>(into.front().get())) elif->isElif = false; // now an else block
    for (size_t r = k + 1; r < b.size(); ++r) into.push_back(std::move(b[r]));
    b.resize(k + 1);
    liftReturns(into);
    return;
  }
}

/// The returns that end the paths of `b`.
void terminalReturns(Block &b, std::vector<StmtPtr *> &out) {
  if (b.empty()) return;
  if (isa<Return>(b.back().get())) {
    out.push_back(&b.back());
  } else if (auto *i = dyn_cast<If>(b.back().get())) {
    terminalReturns(i->then, out);
    terminalReturns(i->orelse, out);
  }
}

} // namespace

static void normalizeReturns(Module &m, DiagnosticEngine &diags) {
  for (auto &d : m.defs) {
    Block &body = d->body;
    bool any = std::any_of(body.begin(), body.end(), [](const StmtPtr &s) {
      auto *i = dyn_cast<If>(s.get());
      return i && (holdsReturn(i->then) || holdsReturn(i->orelse));
    });
    if (!any) continue;
    liftReturns(body);
    if (body.empty() || !isa<If>(body.back().get()) || !endsWithReturn(body)) continue;
    // Every path returns: the same tensors, or it is an error.
    std::vector<StmtPtr *> returns;
    terminalReturns(body, returns);
    auto text = [](const Stmt &s) {
      auto *r = cast<Return>(&s);
      return r->value ? sema::exprStr(*r->value) : std::string();
    };
    std::string first = text(**returns.front());
    bool same = true;
    for (StmtPtr *r : returns)
      if (text(**r) != first) {
        diags.report(DiagKind::ReturnsDiffer, (*r)->range, {first})
            .note(DiagKind::NotePrevious, (*returns.front())->range, {"the first return"});
        same = false;
      }
    (void)same; // reported; the first return stands for all (no follow-on placement errors)
    StmtPtr kept = std::move(*returns.front());
    for (StmtPtr *r : returns)
      if (*r) *r = std::make_unique<Pass>((*r)->range);
    *returns.front() = std::make_unique<Pass>(kept->range);
    body.push_back(std::move(kept));
  }
}

} // namespace hybridc

//===--- tuple-of-tensor parameters ---------------------------------------===//

namespace hybridc {
namespace {

using namespace ast;

/// `xs[idx][rest...]` for a tuple parameter `xs` of n tensors, as an
/// expression over the expanded parameters xs_0 ... xs_{n-1}: xs_k[rest]
/// for a literal idx, else a chain of conditional expressions (which
/// Simplify folds when idx is a const_range variable).
ExprPtr elementAccess(const std::string &name, size_t n, const Expr &idx,
                      const std::vector<ExprPtr> &rest, SourceRange r) {
  auto element = [&](size_t k) -> ExprPtr {
    auto base = std::make_unique<Name>(r, name + "_" + std::to_string(k));
    if (rest.empty()) return base;
    std::vector<ExprPtr> indices;
    for (auto &i : rest) indices.push_back(clone(*i));
    return std::make_unique<Subscript>(r, std::move(base), std::move(indices));
  };
  if (auto *lit = dyn_cast<IntLit>(&idx))
    return (size_t)lit->value < n ? element((size_t)lit->value) : nullptr;
  ExprPtr chain = element(n - 1);
  for (size_t k = n - 1; k-- > 0;) {
    std::vector<ExprPtr> operands;
    operands.push_back(clone(idx));
    operands.push_back(std::make_unique<IntLit>(r, (int64_t)k));
    auto cond =
        std::make_unique<Compare>(r, std::move(operands), std::vector<CmpOpKind>{CmpOpKind::Eq});
    chain = std::make_unique<IfExp>(r, std::move(cond), element(k), std::move(chain));
  }
  return chain;
}

} // namespace

static void expandTensorTuples(Module &m, DiagnosticEngine &diags) {
  for (auto &d : m.defs) {
    std::map<std::string, size_t> tuples; // name -> element count
    std::vector<Param> params;
    for (auto &p : d->params) {
      auto *t = p.annotation ? dyn_cast<Tuple>(p.annotation.get()) : nullptr;
      if (!t) {
        params.push_back(std::move(p));
        continue;
      }
      const std::string &name = p.name->id;
      bool ok = !t->elts.empty();
      std::string first = ok ? sema::exprStr(*t->elts[0]) : "";
      for (auto &e : t->elts)
        if (!isa<Subscript>(e.get()) || sema::exprStr(*e) != first) ok = false;
      if (!ok) {
        diags.report(
            DiagKind::TensorTupleParam, p.annotation->range,
            {name, "its tensors must all have one type, written as (float32[n], float32[n], ...)"});
        if (t->elts.empty()) {
          params.push_back(std::move(p)); // the checker reports the annotation too
          continue;
        } // else expanded all the same, so that its uses add no follow-on errors
      }
      tuples[name] = t->elts.size();
      for (size_t k = 0; k < t->elts.size(); ++k) {
        Param q;
        q.name = std::make_unique<Name>(p.name->range, name + "_" + std::to_string(k));
        q.annotation = std::move(t->elts[k]);
        q.range = p.range;
        params.push_back(std::move(q));
      }
    }
    d->params = std::move(params);
    if (tuples.empty()) continue;
    auto tupleOf = [&](const Expr *e) -> const Name * {
      auto *n = e ? dyn_cast<Name>(e) : nullptr;
      return n && tuples.count(n->id) ? n : nullptr;
    };
    forEachExprSlot(*d, [&](ExprPtr &slot) {
      Expr *e = slot.get();
      // len(xs)
      if (auto *c = dyn_cast<Call>(e); c && c->callee == "len" && c->args.size() == 1)
        if (const Name *n = tupleOf(c->args[0].get())) {
          slot = std::make_unique<IntLit>(e->range, (int64_t)tuples[n->id]);
          return;
        }
      // xs[j].shape, xs[j].dtype, len(xs[j]): every element has one type.
      auto firstElement = [&](ExprPtr &operand) {
        auto *s = dyn_cast<Subscript>(operand.get());
        const Name *n = s ? tupleOf(s->value.get()) : nullptr;
        if (n && s->indices.size() == 1) operand = std::make_unique<Name>(s->range, n->id + "_0");
      };
      if (auto *a = dyn_cast<Attribute>(e)) firstElement(a->value);
      if (auto *c = dyn_cast<Call>(e); c && c->callee == "len" && c->args.size() == 1)
        firstElement(c->args[0]);
      auto *s = dyn_cast<Subscript>(e);
      if (!s) {
        if (const Name *n = tupleOf(e)) {
          diags.report(DiagKind::TensorTupleParam, n->range,
                       {n->id, "use it as " + n->id + "[k][...], len(" + n->id + ") or " + n->id +
                                   "[k].shape"});
          slot = std::make_unique<IntLit>(e->range, 0); // (no follow-on errors)
        }
        return;
      }
      const Name *n = tupleOf(s->value.get());
      if (!n) return;
      std::vector<ExprPtr> rest;
      for (size_t k = 1; k < s->indices.size(); ++k) rest.push_back(std::move(s->indices[k]));
      ExprPtr access = elementAccess(n->id, tuples[n->id], *s->indices[0], rest, s->range);
      if (!access) {
        diags.report(DiagKind::TensorTupleParam, s->indices[0]->range,
                     {n->id, "it has " + std::to_string(tuples[n->id]) + " tensors"});
        IntLit first(s->range, 0); // go on with element 0: no follow-on errors
        access = elementAccess(n->id, tuples[n->id], first, rest, s->range);
      }
      slot = std::move(access);
    });
  }
}

} // namespace hybridc

namespace hybridc::sema {

/// a[i][j] is a[i, j] (numpy's meaning; relay writes pad_width[i][0], TVM's
/// tests inputs[j][i]); a.shape[k][...] is left for the checker to report.
static void flattenChainedIndexing(ast::Module &m) {
  using namespace ast;
  for (auto &d : m.defs)
    forEachExprSlot(*d, [](ExprPtr &slot) {
      auto *s = dyn_cast<Subscript>(slot.get());
      while (auto *inner = s ? dyn_cast<Subscript>(s->value.get()) : nullptr) {
        if (isa<Attribute>(inner->value.get())) break;
        for (auto &i : s->indices) inner->indices.push_back(std::move(i));
        ExprPtr merged = std::move(s->value);
        slot = std::move(merged);
        s = cast<Subscript>(slot.get());
      }
    });
}

void desugarModule(ast::Module &m, const ScheduleFile *schedule, DiagnosticEngine &diags) {
  flattenChainedIndexing(m);
  normalizeReturns(m, diags);
  expandTensorTuples(m, diags);
  inlineModuleConstants(m, diags);
  if (schedule) inlineConstScalarArgs(m, *schedule, diags);
}

} // namespace hybridc::sema
