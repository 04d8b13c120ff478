//===- SemaCall.cpp - Builtin calls and calls to other defs ---------------===//
//
// A call names a builtin (Builtins.cpp, checked first, as TVM does) or a def
// of the module (before or after the caller); anything else is UnknownName.
//
// Builtins are checked row by row: arity, then each argument's kind, then
// the result rule. output_tensor/allocate and def calls produce tensors and
// are only valid directly on the right of `x = ...` (`x, y = f(...)` for
// several outputs).
//
// A def call binds each argument to the callee's parameter: a scalar needs
// the parameter's dtype (an integer constant may also initialise any integer
// parameter); a tensor needs the same dtype and rank, each constant dim equal
// and each symbolic dim equal to the argument bound to the callee's scalar
// parameter that names it. A const array parameter needs a const array.
//
//===----------------------------------------------------------------------===//
#include "SemaInternal.h"

#include <algorithm>
#include <functional>

namespace hybridc::sema {

using namespace ast;

bool DefChecker::resolveKeywords(Call &c, const std::vector<std::string> &params,
                                 const std::vector<std::string> &defaults) {
  if (c.keywords.empty()) return true;
  auto keywords = std::move(c.keywords);
  c.keywords.clear();
  std::string list;
  for (auto &p : params) list += (list.empty() ? "'" : ", '") + p + "'";
  if (params.empty()) list = "none that can be named";
  std::vector<ExprPtr> slots(std::max(params.size(), c.args.size()));
  bool ok = true;
  size_t last = 0;
  for (size_t i = 0; i < c.args.size(); ++i) {
    size_t slot = i;
    if (!keywords[i].first.empty()) {
      auto it = std::find(params.begin(), params.end(), keywords[i].first);
      if (it == params.end()) {
        diags_.report(DiagKind::BadKeyword, keywords[i].second,
                      {c.callee, keywords[i].first, list});
        ok = false;
        continue;
      }
      slot = (size_t)(it - params.begin());
      if (slots[slot]) {
        diags_.report(DiagKind::DuplicateArgument, keywords[i].second,
                      {c.callee, keywords[i].first});
        ok = false;
        continue;
      }
    }
    slots[slot] = std::move(c.args[i]);
    last = std::max(last, slot + 1);
  }
  for (size_t k = 0; k < last; ++k) {
    if (slots[k]) continue;
    if (k < defaults.size() && !defaults[k].empty()) {
      slots[k] = std::make_unique<StrLit>(c.range, defaults[k]);
      continue;
    }
    diags_.report(DiagKind::MissingArgument, c.range,
                  {c.callee, k < params.size() ? params[k] : "?"});
    ok = false;
  }
  if (!ok) { // keep every argument (positionally) for the checks that follow
    c.args.clear();
    for (auto &a : slots)
      if (a) c.args.push_back(std::move(a));
    return false;
  }
  slots.resize(last);
  c.args = std::move(slots);
  return true;
}

Type DefChecker::checkCall(Call &c, Ctx ctx) {
  if (mc_.recursiveCalls.count(&c)) { // reported with the cycle
    for (auto &a : c.args) check(*a);
    return {};
  }
  const Builtin *builtin = lookupBuiltin(c.callee);
  const Def *def = builtin ? nullptr : mc_.module.find(c.callee);
  if (!c.keywords.empty() && (builtin || def)) {
    std::vector<std::string> params, defaults;
    if (builtin)
      for (unsigned k = 0; k < 3 && builtin->params[k]; ++k)
        params.push_back(builtin->params[k]), defaults.push_back(builtin->defaults[k]);
    if (def)
      for (auto &p : def->params) params.push_back(p.name->id);
    if (!resolveKeywords(c, params, defaults)) {
      for (auto &a : c.args) check(*a);
      return {};
    }
  }
  if (builtin) return checkBuiltin(c, *builtin, ctx);
  if (def) return checkDefCall(c, *def, ctx);
  for (auto &a : c.args) check(*a);
  diags_.report(DiagKind::UnknownName, c.calleeRange, {c.callee});
  return {};
}

Type DefChecker::checkBuiltin(Call &c, const Builtin &b, Ctx ctx) {
  size_t n = c.args.size();
  auto checkAll = [&] {
    for (auto &a : c.args) check(*a);
  };
  if (b.result == ResultRule::Loop) {
    checkAll();
    diags_.report(DiagKind::IteratorOutsideFor, c.calleeRange, {c.callee});
    return {};
  }
  if (b.result == ResultRule::Buffer && ctx != Ctx::BufferRHS) {
    checkAll();
    diags_.report(DiagKind::MisplacedBufferCall, c.range, {c.callee});
    return {};
  }
  if (b.result == ResultRule::MinMax && n != 2) {
    checkAll();
    diags_.report(DiagKind::MinMaxArity, c.range, {c.callee, std::to_string(n)});
    return {};
  }
  if (n < b.minArgs || n > b.maxArgs) {
    checkAll();
    std::string expected = std::to_string(b.minArgs);
    if (b.maxArgs != b.minArgs) expected += " to " + std::to_string(b.maxArgs);
    diags_.report(DiagKind::BuiltinArity, c.range, {c.callee, expected, std::to_string(n)});
    return {};
  }
  bool ok = true;
  for (unsigned i = 0; i < n; ++i) ok = checkBuiltinArg(c, b, i) && ok;
  if (!ok) return {};

  auto arg = [&](size_t i) -> Expr & { return *c.args[i]; };
  switch (b.result) {
  case ResultRule::Buffer: {
    const Expr &shape = arg(0);
    int rank = isa<Tuple>(&shape) ? (int)cast<Tuple>(&shape)->elts.size() : shape.type.rank;
    return Type::tensor(bufferDType(c), rank);
  }
  case ResultRule::Cast:
    if (arg(0).constInt && b.castTo.isIntegral()) c.constInt = wrapTo(*arg(0).constInt, b.castTo);
    return Type::scalar(b.castTo);
  case ResultRule::SameAsArg0: {
    DType d = arg(0).type.dtype;
    if (c.callee == "abs" && arg(0).constInt)
      c.constInt = wrapTo(
          *arg(0).constInt < 0 ? int64_t(0 - uint64_t(*arg(0).constInt)) : *arg(0).constInt, d);
    return Type::scalar(d);
  }
  case ResultRule::Promoted: {
    DType d = promote(arg(0).type.dtype, arg(1).type.dtype);
    if (c.callee == "ceil_div") {
      if (arg(1).constInt && *arg(1).constInt == 0) {
        diags_.report(DiagKind::DivisionByZero, arg(1).range);
        return {};
      }
      if (arg(0).constInt && arg(1).constInt) {
        int64_t a = *arg(0).constInt, bb = *arg(1).constInt;
        int64_t num = wrapTo(a + bb - 1, d);
        int64_t q = num / bb;
        if ((num % bb != 0) && ((num < 0) != (bb < 0))) --q;
        c.constInt = wrapTo(q, d);
      }
    }
    return Type::scalar(d);
  }
  case ResultRule::Int32: {
    if (c.callee == "len") { // as Python: a shape's length, a tensor's first dimension
      const Expr &t = arg(0);
      if (t.type.kind == Type::Shape) {
        c.constInt = t.type.rank;
      } else if (t.type.rank == 0) { // as numpy: a 0-d tensor has no length
        diags_.report(
            DiagKind::BuiltinArgType, t.range,
            {"1", c.callee, "a tensor with at least one dimension or a shape", "a 0-d tensor"});
        return {};
      } else {
        const Symbol *s = cast<Name>(&t)->symbol;
        if (s && !s->shape.empty() && s->shape[0].isConst()) c.constInt = s->shape[0].constant;
      }
    }
    return Type::scalar(DType::i32());
  }
  case ResultRule::MinMax: {
    const Type &a = arg(0).type, &bt = arg(1).type;
    if (a.dtype != bt.dtype) {
      diags_.report(DiagKind::MinMaxTypes, c.range, {c.callee, a.str(), bt.str()})
          .note(DiagKind::NoteHint, arg(1).range,
                {"cast one argument, e.g. " + a.dtype.str() + "(" + exprStr(arg(1)) + ")"});
      return {};
    }
    if (arg(0).constInt && arg(1).constInt) {
      int64_t x = *arg(0).constInt, y = *arg(1).constInt;
      c.constInt = c.callee == "min" ? std::min(x, y) : std::max(x, y);
    }
    return a;
  }
  case ResultRule::Loop: break;
  }
  return {};
}

bool DefChecker::checkBuiltinArg(Call &c, const Builtin &b, unsigned index) {
  Expr &a = *c.args[index];
  ArgKind kind = argKind(b, index);
  if (kind == ArgKind::Shape) return checkShapeArg(a, c, index);
  Type t = check(a);
  if (t.isUnknown()) return false;
  auto *str = dyn_cast<StrLit>(&a);
  std::string got = str ? quoted(str->value) : t.str();
  auto bad = [&]() {
    diags_.report(DiagKind::BuiltinArgType, a.range,
                  {std::to_string(index + 1), c.callee, describe(kind), got});
    return false;
  };
  switch (kind) {
  case ArgKind::DTypeName:
    if (str) return DType::parse(str->value) ? true : bad();
    return t.kind == Type::DTypeRef ? true : bad();
  case ArgKind::Scope:
    if (str && (str->value == "global" || str->value == "local" || str->value == "shared"))
      return true;
    return bad();
  case ArgKind::Scalar: return t.isScalar() ? true : bad();
  case ArgKind::Numeric: return t.isScalar() && !t.dtype.isBool() ? true : bad();
  case ArgKind::Float:
    if (t.isScalar() && t.dtype.isFloat()) return true;
    if (!t.isScalar()) return bad();
    diags_
        .report(DiagKind::BuiltinArgType, a.range,
                {std::to_string(index + 1), c.callee, describe(kind), got})
        .note(DiagKind::NoteHint, a.range, {"convert it first, e.g. float32(" + exprStr(a) + ")"});
    return false;
  case ArgKind::Integer: return t.isScalar() && t.dtype.isIntegral() ? true : bad();
  case ArgKind::BoolConst: return isa<BoolLit>(&a) ? true : bad();
  case ArgKind::Tensor: return t.isTensor() && isa<Name>(&a) ? true : bad();
  case ArgKind::Sized:
    return (t.isTensor() && isa<Name>(&a)) || t.kind == Type::Shape ? true : bad();
  case ArgKind::ThreadTag: return str && isThreadTag(str->value) ? true : bad();
  case ArgKind::Shape: break;
  }
  return false;
}

bool DefChecker::checkShapeArg(Expr &e, const Call &c, unsigned index) {
  auto *tuple = dyn_cast<Tuple>(&e);
  if (!tuple) {
    Type t = check(e);
    if (t.isUnknown()) return false;
    if (t.kind == Type::Shape) return true;
    auto d =
        diags_.report(DiagKind::BuiltinArgType, e.range,
                      {std::to_string(index + 1), c.callee, describe(ArgKind::Shape), t.str()});
    if (t.isScalar() && t.dtype.isIntegral())
      d.note(DiagKind::NoteHint, e.range, {"write a 1-D shape as a tuple: (" + exprStr(e) + ",)"});
    return false;
  }
  e.type = {Type::Tuple, {}, 0};
  // () is the shape of a 0-d tensor.
  bool ok = true;
  for (auto &x : tuple->elts) {
    Type t = check(*x);
    if (t.isUnknown()) {
      ok = false;
      continue;
    }
    if (!t.isScalar() || !t.dtype.isIntegral()) {
      diags_.report(DiagKind::BadShapeDim, x->range, {"expected an integer, got " + t.str()});
      ok = false;
    } else if (x->constInt && *x->constInt <= 0) {
      diags_.report(DiagKind::BadShapeDim, x->range,
                    {"a dimension must be positive, got " + std::to_string(*x->constInt)});
      ok = false;
    } else if (!isShapeInvariant(*x)) {
      diags_.report(DiagKind::BadShapeDim, x->range,
                    {"'" + exprStr(*x) +
                     "' is neither a constant nor an expression of scalar parameters and "
                     "tensor shapes"});
      ok = false;
    }
  }
  return ok;
}

std::vector<Dim> DefChecker::bufferShape(const Call &call) const {
  std::vector<Dim> dims;
  const Expr &shape = *call.args[0];
  if (auto *t = dyn_cast<Tuple>(&shape)) {
    for (auto &x : t->elts) dims.push_back(makeDim(*x));
    return dims;
  }
  // a.shape
  auto *attr = cast<Attribute>(&shape);
  const Symbol *s = cast<Name>(attr->value.get())->symbol;
  return s->shape;
}

DType DefChecker::bufferDType(const Call &call) {
  if (call.args.size() < 2) return DType::f32();
  const Expr &d = *call.args[1];
  if (auto *s = dyn_cast<StrLit>(&d)) return *DType::parse(s->value);
  return d.type.dtype;
}

Type DefChecker::checkDefCall(Call &c, const Def &callee, Ctx ctx) {
  c.target = &callee;
  for (auto &a : c.args) check(*a);
  if (ctx == Ctx::Value) {
    diags_.report(DiagKind::MisplacedBufferCall, c.range, {c.callee});
    return {};
  }
  if (mc_.badSignature.count(&callee)) return {};
  if (c.args.size() != callee.params.size()) {
    diags_
        .report(DiagKind::CallArity, c.range,
                {callee.name, std::to_string(callee.params.size()), std::to_string(c.args.size())})
        .note(DiagKind::NoteDefinedHere, callee.nameRange, {callee.name});
    return {};
  }
  bool ok = true;
  for (size_t i = 0; i < c.args.size(); ++i) ok = checkCallArg(c, callee, i) && ok;
  if (!ok) return {};
  size_t k = callee.outputs.size();
  if (k == 0) return {}; // the callee's return was reported
  for (const Symbol *o : callee.outputs)
    if (!o->dtype.isValid()) return {};
  if (ctx == Ctx::BufferRHS && k != 1) {
    diags_.report(DiagKind::CallResultCount, c.range, {callee.name, std::to_string(k), "1"});
    return {};
  }
  if (k == 1) return Type::tensor(callee.outputs[0]->dtype, callee.outputs[0]->rank());
  return {Type::Tuple, {}, 0};
}

namespace {
/// Whether `d` stores into its parameter `name` (directly, or by passing it
/// to a def that does).
bool writesParam(const Module &m, const Def &d, const std::string &name, int depth = 0) {
  if (depth > 32) return false; // recursion is reported elsewhere
  auto isParam = [&](const Expr *e) {
    auto *n = e ? dyn_cast<Name>(e) : nullptr;
    return n && n->id == name;
  };
  bool found = false;
  forEachStmt(d.body, [&](const Stmt &s) {
    if (auto *a = dyn_cast<Assign>(&s)) {
      for (auto &t : a->targets)
        if (auto *sub = dyn_cast<Subscript>(t.get()); sub && isParam(sub->value.get()))
          found = true;
      // A def it is passed to that writes it.
      if (auto *c = dyn_cast<Call>(a->value.get()))
        if (const Def *callee = m.find(c->callee))
          for (size_t k = 0; k < c->args.size() && k < callee->params.size(); ++k)
            if (isParam(c->args[k].get()))
              found |= writesParam(m, *callee, callee->params[k].name->id, depth + 1);
    } else if (auto *a = dyn_cast<AugAssign>(&s)) {
      if (auto *sub = dyn_cast<Subscript>(a->target.get()); sub && isParam(sub->value.get()))
        found = true;
    }
  });
  return found;
}
} // namespace

bool DefChecker::checkCallArg(Call &c, const Def &callee, size_t index) {
  const Symbol &ps = *callee.params[index].symbol;
  Expr &a = *c.args[index];
  const Type &t = a.type;
  if (t.isUnknown() || !ps.dtype.isValid()) return false;
  // A compile-time constant array cannot be handed to a def that writes it.
  if (auto *n = dyn_cast<Name>(&a);
      n && n->symbol && n->symbol->kind == Symbol::ConstArray &&
      writesParam(mc_.module, callee, callee.params[index].name->id)) {
    diags_.report(DiagKind::InputWrite, a.range, {n->id})
        .note(DiagKind::NoteDefinedHere, callee.nameRange, {callee.name});
    return false;
  }

  // The parameter's type with symbolic dims replaced by the bound arguments.
  auto expected = [&]() {
    if (!ps.isTensor()) return ps.dtype.str();
    std::string r = ps.kind == Symbol::ConstArray ? "const " : "";
    r += ps.dtype.str() + "[";
    for (size_t k = 0; k < ps.shape.size(); ++k) {
      const Dim &d = ps.shape[k];
      std::string s = dimStr(d);
      for (size_t j = 0; d.param && j < callee.params.size() && j < c.args.size(); ++j)
        if (callee.params[j].symbol == d.param) s = exprStr(*c.args[j]);
      r += (k ? ", " : "") + s;
    }
    return r + "]";
  };
  auto bad = [&](const std::string &got) {
    diags_
        .report(DiagKind::CallArgType, a.range,
                {std::to_string(index + 1), callee.name, expected(), got})
        .note(DiagKind::NoteDeclaredHere, ps.declRange, {ps.name});
    return false;
  };

  if (ps.kind == Symbol::ScalarParam) {
    if (!t.isScalar()) return bad(t.str());
    if (t.dtype == ps.dtype) return true;
    if (a.constInt && ps.dtype.isIntegral() && wrapTo(*a.constInt, ps.dtype) == *a.constInt)
      return true;
    return bad(t.str());
  }
  auto *n = dyn_cast<Name>(&a);
  if (!t.isTensor() || !n || !n->symbol) return bad(t.str());
  const Symbol &as = *n->symbol;
  if ((ps.kind == Symbol::ConstArray) != (as.kind == Symbol::ConstArray) || as.dtype != ps.dtype ||
      as.rank() != ps.rank())
    return bad(symbolTypeStr(as));
  for (size_t k = 0; k < ps.shape.size(); ++k) {
    const Dim &pd = ps.shape[k];
    const Dim &ad = as.shape[k];
    if (pd.isConst()) {
      if (!ad.isConst() || *ad.constant != *pd.constant) return bad(symbolTypeStr(as));
      continue;
    }
    if (!pd.param) continue;
    size_t j = 0;
    while (j < callee.params.size() && callee.params[j].symbol != pd.param) ++j;
    if (j == callee.params.size() || j >= c.args.size()) continue;
    const Expr &bound = *c.args[j];
    // A bad scalar argument was reported on its own.
    if (!bound.type.isScalar() || !bound.type.dtype.isIntegral()) return false;
    if (!sameDim(ad, makeDim(bound))) return bad(symbolTypeStr(as));
  }
  return true;
}

} // namespace hybridc::sema
