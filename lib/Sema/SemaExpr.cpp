//===- SemaExpr.cpp - Types, promotion and constant folding ---------------===//
//
// Every expression gets its Type (docs/semantics.md "Literals", "Operators",
// "Mixed types"): an int literal is int32, a float literal float32,
// True/False bool; arithmetic promotes with hybridc::promote; `/` on two
// integers is an error; `& | ^ ~` take integers or bool; comparisons and
// `and`/`or`/`not` give bool (the latter need bool operands); the arms of
// `x if c else y` must have equal types.
//
// Integer expressions over compile-time constants are folded into
// Expr::constInt (wrapping to their dtype's width; `//` and `%` round toward
// minus infinity). Only integer-typed expressions carry constInt.
//
//===----------------------------------------------------------------------===//
#include "SemaInternal.h"
#include "hybridc/Support/IntMath.h"

#include <functional>

#include <climits>

namespace hybridc::sema {

using namespace ast;

namespace {

std::optional<int64_t> fold(BinOpKind op, int64_t a, int64_t b, DType d) {
  uint64_t ua = uint64_t(a), ub = uint64_t(b);
  int64_t r;
  switch (op) {
  case BinOpKind::Add: r = int64_t(ua + ub); break;
  case BinOpKind::Sub: r = int64_t(ua - ub); break;
  case BinOpKind::Mul: r = int64_t(ua * ub); break;
  case BinOpKind::FloorDiv:
    if (b == 0) return std::nullopt;
    r = floorDiv(a, b);
    break;
  case BinOpKind::Mod:
    if (b == 0) return std::nullopt;
    r = floorMod(a, b);
    break;
  case BinOpKind::BitAnd: r = a & b; break;
  case BinOpKind::BitOr: r = a | b; break;
  case BinOpKind::BitXor: r = a ^ b; break;
  default: return std::nullopt;
  }
  return wrapTo(r, d);
}

} // namespace

Type DefChecker::check(Expr &e, Ctx ctx) {
  Type t;
  switch (e.kind) {
  case ExprKind::IntLit: t = checkIntLit(*cast<IntLit>(&e), false); break;
  case ExprKind::FloatLit: t = Type::scalar(DType::f32()); break;
  case ExprKind::BoolLit: t = Type::scalar(DType::boolean()); break;
  case ExprKind::StrLit: t = {Type::String, {}, 0}; break;
  case ExprKind::Name: t = checkName(*cast<Name>(&e)); break;
  case ExprKind::Attribute: t = checkAttribute(*cast<Attribute>(&e)); break;
  case ExprKind::Subscript: t = checkSubscript(*cast<Subscript>(&e), false); break;
  case ExprKind::Call: t = checkCall(*cast<Call>(&e), ctx); break;
  case ExprKind::BinOp: t = checkBinOp(*cast<BinOp>(&e)); break;
  case ExprKind::UnaryOp: t = checkUnaryOp(*cast<UnaryOp>(&e)); break;
  case ExprKind::BoolOp: t = checkBoolOp(*cast<BoolOp>(&e)); break;
  case ExprKind::Compare: t = checkCompare(*cast<Compare>(&e)); break;
  case ExprKind::IfExp: t = checkIfExp(*cast<IfExp>(&e)); break;
  case ExprKind::Tuple: t = checkTuple(*cast<Tuple>(&e)); break;
  }
  e.type = t;
  if (auto *b = dyn_cast<BoolLit>(&e)) e.constInt = b->value;
  if (!t.isScalar() || !(t.dtype.isIntegral() || t.dtype.isBool())) e.constInt.reset();
  return t;
}

Type DefChecker::checkIntLit(IntLit &l, bool negated) {
  int64_t v = negated ? -l.value : l.value;
  if (l.value < 0 || v > INT32_MAX || v < INT32_MIN) {
    diags_.report(DiagKind::IntLiteralRange, l.range, {std::to_string(l.value)});
    l.type = {};
    return {};
  }
  l.type = Type::scalar(DType::i32());
  l.constInt = wrapTo(l.value, DType::i32());
  return l.type;
}

Type DefChecker::checkName(Name &n) {
  if (Symbol *s = resolveUse(n)) {
    n.symbol = s;
    n.constInt = s->constInt;
    return typeOf(*s);
  }
  if (declared_.count(n.id)) return {}; // used outside its scope: reported
  if (auto dt = DType::parse(n.id)) return {Type::DTypeRef, *dt, 0};
  // The variable of a loop that has ended: say so, and where that loop is.
  const Symbol *ended = nullptr;
  for (auto &sym : def_.symbols)
    if (sym->kind == Symbol::LoopVar && sym->name == n.id && sym->declRange.begin < n.range.begin)
      ended = sym.get();
  if (ended) {
    if (reported_.insert(n.id).second)
      diags_.report(DiagKind::UseOutsideScope, n.range, {n.id})
          .note(DiagKind::NoteDeclaredHere, ended->declRange, {n.id});
    return {};
  }
  if (reported_.insert(n.id).second) diags_.report(DiagKind::UndeclaredVariable, n.range, {n.id});
  return {};
}

Type DefChecker::checkAttribute(Attribute &a) {
  Type vt = check(*a.value);
  if (vt.isUnknown()) return {};
  if (a.attr != "shape" && a.attr != "dtype") {
    diags_.report(DiagKind::UnknownAttribute, a.attrRange, {exprStr(*a.value), a.attr});
    return {};
  }
  if (!vt.isTensor()) {
    diags_.report(DiagKind::NotATensor, a.value->range, {exprStr(*a.value)});
    return {};
  }
  if (a.attr == "shape") return {Type::Shape, DType::i32(), vt.rank};
  return {Type::DTypeRef, vt.dtype, 0};
}

Type DefChecker::checkSubscript(Subscript &s, bool isStore) {
  // x[()] indexes a 0-d tensor: no index at all.
  if (s.indices.size() == 1)
    if (auto *t = dyn_cast<Tuple>(s.indices[0].get()); t && t->elts.empty()) s.indices.clear();
  // a.shape[k]
  if (auto *attr = dyn_cast<Attribute>(s.value.get()); attr && attr->attr == "shape") {
    Type vt = check(*s.value);
    for (auto &i : s.indices) check(*i);
    if (vt.isUnknown()) return {};
    if (isStore) {
      diags_.report(DiagKind::AssignToShape, s.range);
      return {};
    }
    if (s.indices.size() != 1) {
      diags_.report(DiagKind::IndexCount, s.range,
                    {exprStr(*s.value), "1", std::to_string(s.indices.size())});
      return {};
    }
    Expr &idx = *s.indices[0];
    if (idx.type.isUnknown()) return {};
    if (!idx.constInt) {
      diags_.report(DiagKind::ShapeIndexNotConst, idx.range);
      return {};
    }
    int64_t k = *idx.constInt;
    if (k < 0 || k >= vt.rank) {
      diags_.report(DiagKind::ShapeIndexRange, idx.range,
                    {std::to_string(k), std::to_string(vt.rank)});
      return {};
    }
    const Symbol *sym = cast<Name>(attr->value.get())->symbol;
    const Dim &dim = sym->shape[(size_t)k];
    if (dim.isConst()) s.constInt = dim.constant;
    return Type::scalar(DType::i32());
  }

  Type vt = check(*s.value);
  for (auto &i : s.indices) check(*i);
  if (vt.isUnknown()) return {};
  auto *n = dyn_cast<Name>(s.value.get());
  if (!vt.isTensor() || !n || !n->symbol) {
    diags_.report(DiagKind::NotATensor, s.value->range, {exprStr(*s.value)});
    return {};
  }
  const Symbol &sym = *n->symbol;
  // An input tensor may be written (TVM allows it; the C header then
  // declares it non-const). A compile-time constant array may not.
  if (isStore && sym.kind == Symbol::ConstArray) {
    diags_.report(DiagKind::InputWrite, s.value->range, {n->id})
        .note(DiagKind::NoteDeclaredHere, sym.declRange, {n->id});
    return {};
  }
  if (!checkIndices(s, sym)) return {};
  if (sym.kind == Symbol::ConstArray && !isStore) {
    bool allConst = true;
    for (auto &i : s.indices) {
      if (!isStatic(*i)) {
        diags_.report(DiagKind::NotConstant, i->range, {"the index of const array '" + n->id + "'"})
            .note(DiagKind::NoteHint, i->range,
                  {"index it with literals or const_range() loop variables"});
        return {};
      }
      allConst = allConst && i->constInt.has_value();
    }
    if (allConst && sym.dtype.isIntegral()) {
      size_t flat = 0;
      for (size_t k = 0; k < s.indices.size(); ++k)
        flat = flat * (size_t)*sym.shape[k].constant + (size_t)*s.indices[k]->constInt;
      if (flat < sym.constValues.size())
        s.constInt = wrapTo((int64_t)sym.constValues[flat], sym.dtype);
    }
  }
  return Type::scalar(sym.dtype);
}

bool DefChecker::checkIndices(Subscript &s, const Symbol &sym) {
  const std::string &name = sym.name;
  if ((int)s.indices.size() != sym.rank()) {
    diags_.report(DiagKind::IndexCount, s.range,
                  {name, std::to_string(sym.rank()), std::to_string(s.indices.size())});
    return false;
  }
  bool ok = true;
  for (size_t k = 0; k < s.indices.size(); ++k) {
    const Expr &i = *s.indices[k];
    if (i.type.isUnknown()) {
      ok = false;
      continue;
    }
    if (!i.type.isScalar() || !i.type.dtype.isIntegral()) {
      diags_.report(DiagKind::IndexType, i.range, {i.type.str()});
      ok = false;
      continue;
    }
    const Dim &d = sym.shape[k];
    if (i.constInt && (*i.constInt < 0 || (d.isConst() && *i.constInt >= *d.constant))) {
      diags_.report(DiagKind::IndexRange, i.range,
                    {std::to_string(*i.constInt), std::to_string(k), name, dimStr(d)});
      ok = false;
    }
  }
  return ok;
}

Type DefChecker::binaryResult(BinOpKind op, const Expr &lhs, const Expr &rhs, SourceRange opRange,
                              std::optional<int64_t> *folded) {
  Type a = lhs.type, b = rhs.type;
  if (a.isUnknown() || b.isUnknown()) return {};
  std::string sp = spelling(op);
  if (!a.isScalar() || !b.isScalar()) {
    std::string hint = a.isTensor() || b.isTensor() ? "; index a tensor to get an element" : "";
    diags_.report(DiagKind::BinaryOperandNotScalar, opRange, {sp, a.str(), b.str(), hint});
    return {};
  }
  DType da = a.dtype, db = b.dtype;
  switch (op) {
  case BinOpKind::BitAnd:
  case BinOpKind::BitOr:
  case BinOpKind::BitXor:
    if (da.isFloat() || db.isFloat()) {
      diags_.report(DiagKind::BitwiseOnFloat, opRange, {sp, a.str(), b.str()});
      return {};
    }
    break;
  case BinOpKind::Div:
    if (!da.isFloat() && !db.isFloat()) {
      diags_.report(DiagKind::IntTrueDiv, opRange, {a.str(), b.str()});
      return {};
    }
    break;
  default:
    if (da.isBool() && db.isBool()) {
      diags_.report(DiagKind::ArithmeticOnBools, opRange, {sp});
      return {};
    }
    break;
  }
  DType r = promote(da, db);
  if (r.isIntegral() && (op == BinOpKind::FloorDiv || op == BinOpKind::Mod) && rhs.constInt &&
      *rhs.constInt == 0) {
    diags_.report(DiagKind::DivisionByZero, rhs.range);
    return {};
  }
  if (folded && r.isIntegral() && lhs.constInt && rhs.constInt)
    *folded = fold(op, *lhs.constInt, *rhs.constInt, r);
  return Type::scalar(r);
}

Type DefChecker::checkBinOp(BinOp &b) {
  check(*b.lhs);
  check(*b.rhs);
  std::optional<int64_t> folded;
  Type t = binaryResult(b.op, *b.lhs, *b.rhs, b.opRange, &folded);
  b.constInt = folded;
  return t;
}

Type DefChecker::checkUnaryOp(UnaryOp &u) {
  Type t;
  if (auto *lit = dyn_cast<IntLit>(u.operand.get()); lit && u.op == UnaryOpKind::Neg)
    t = checkIntLit(*lit, true); // so that -2147483648 is accepted
  else
    t = check(*u.operand);
  if (t.isUnknown()) return {};
  const char *sp = u.op == UnaryOpKind::Neg    ? "-"
                   : u.op == UnaryOpKind::Plus ? "+"
                   : u.op == UnaryOpKind::Not  ? "not"
                                               : "~";
  if (!t.isScalar()) {
    diags_.report(DiagKind::UnaryOperandNotScalar, u.range, {sp, t.str()});
    return {};
  }
  const std::optional<int64_t> &v = u.operand->constInt;
  switch (u.op) {
  case UnaryOpKind::Neg:
  case UnaryOpKind::Plus:
    if (t.dtype.isBool()) {
      diags_.report(DiagKind::UnaryOnBool, u.range, {sp});
      return {};
    }
    if (v) u.constInt = u.op == UnaryOpKind::Neg ? wrapTo(int64_t(0 - uint64_t(*v)), t.dtype) : *v;
    return t;
  case UnaryOpKind::Not: // a bool, whatever the operand's type (truthiness)
    if (!requireBool(*u.operand, "the operand of 'not'")) return {};
    if (v && !t.dtype.isFloat()) u.constInt = *v == 0;
    return Type::scalar(DType::boolean());
  case UnaryOpKind::Invert:
    if (t.dtype.isFloat()) {
      diags_.report(DiagKind::InvertOnFloat, u.range, {t.str()});
      return {};
    }
    if (v) u.constInt = wrapTo(~*v, t.dtype);
    return t;
  }
  return {};
}

bool DefChecker::requireBool(const Expr &e, const std::string &what) {
  const Type &t = e.type;
  if (t.isUnknown()) return false;
  // Python truthiness: a number is true when it is not 0 (the lowering
  // casts every condition to bool, which compares with 0).
  if (t.isScalar()) return true;
  diags_.report(DiagKind::ConditionNotScalar, e.range, {what, t.str()});
  return false;
}

Type DefChecker::checkBoolOp(BoolOp &b) {
  bool ok = true;
  for (auto &o : b.operands) {
    check(*o);
    ok = requireBool(*o, std::string("an operand of '") + (b.isAnd ? "and" : "or") + "'") && ok;
  }
  if (!ok) return {};
  // Folded when every operand is a compile-time integer or bool.
  bool all = true, value = b.isAnd;
  for (auto &o : b.operands) {
    all &= o->constInt.has_value() && !o->type.dtype.isFloat();
    if (all) value = b.isAnd ? value && *o->constInt != 0 : value || *o->constInt != 0;
  }
  if (all) b.constInt = value;
  return Type::scalar(DType::boolean());
}

Type DefChecker::checkCompare(Compare &c) {
  for (auto &o : c.operands) check(*o);
  bool ok = true;
  for (size_t i = 0; i < c.ops.size(); ++i) {
    const Type &a = c.operands[i]->type, &b = c.operands[i + 1]->type;
    if (a.isUnknown() || b.isUnknown()) {
      ok = false;
      continue;
    }
    if (!a.isScalar() || !b.isScalar()) {
      diags_.report(DiagKind::CompareNotScalar, c.operands[a.isScalar() ? i + 1 : i]->range,
                    {spelling(c.ops[i]), a.str(), b.str()});
      ok = false;
    }
  }
  if (!ok) return {};
  // Folded when every operand is a compile-time integer (`i < len(s)` with
  // i a constant): an `if` on it keeps only its live branch.
  bool all = true, value = true;
  for (size_t i = 0; all && i < c.ops.size(); ++i) {
    const Expr &a = *c.operands[i], &b = *c.operands[i + 1];
    all = a.constInt && b.constInt && !a.type.dtype.isFloat() && !b.type.dtype.isFloat();
    if (!all) break;
    int64_t x = *a.constInt, y = *b.constInt;
    switch (c.ops[i]) {
    case CmpOpKind::Lt: value &= x < y; break;
    case CmpOpKind::Le: value &= x <= y; break;
    case CmpOpKind::Gt: value &= x > y; break;
    case CmpOpKind::Ge: value &= x >= y; break;
    case CmpOpKind::Eq: value &= x == y; break;
    case CmpOpKind::Ne: value &= x != y; break;
    }
  }
  if (all) c.constInt = value;
  return Type::scalar(DType::boolean());
}

Type DefChecker::checkIfExp(IfExp &e) {
  check(*e.cond);
  bool condOk = requireBool(*e.cond, "the condition of a conditional expression");
  Type a = check(*e.then), b = check(*e.orelse);
  if (!condOk || a.isUnknown() || b.isUnknown()) return {};
  if (!a.isScalar() || !b.isScalar()) {
    diags_.report(DiagKind::IfExpArmNotScalar, (a.isScalar() ? e.orelse : e.then)->range,
                  {a.str(), b.str()});
    return {};
  }
  if (a.dtype != b.dtype) {
    diags_.report(DiagKind::IfExpArms, e.range, {a.str(), b.str()})
        .note(DiagKind::NoteHint, e.orelse->range,
              {"cast one arm, e.g. " + a.dtype.str() + "(" + exprStr(*e.orelse) + ")"});
    return {};
  }
  return a;
}

Type DefChecker::checkTuple(Tuple &t) {
  for (auto &e : t.elts) check(*e);
  return {Type::Tuple, {}, 0};
}

//===--- Compile-time and loop-invariant expressions -----------------------===//

namespace {

/// Builtins whose result depends only on their arguments.
bool isPureScalarBuiltin(const std::string &callee) {
  const Builtin *b = lookupBuiltin(callee);
  if (!b) return false;
  switch (b->result) {
  case ResultRule::Cast:
  case ResultRule::SameAsArg0:
  case ResultRule::Promoted:
  case ResultRule::MinMax: return true;
  default: return false;
  }
}

} // namespace

/// For the operator nodes (BinOp, UnaryOp, BoolOp, Compare, IfExp), pure
/// scalar builtin calls and compile-time-array elements: whether `pred`
/// holds for every operand (index). Other kinds: nullopt (the caller decides).
static std::optional<bool> allOperands(const Expr &e,
                                       const std::function<bool(const Expr &)> &pred) {
  auto all = [&](const std::vector<ExprPtr> &v) {
    for (auto &o : v)
      if (!pred(*o)) return false;
    return true;
  };
  switch (e.kind) {
  case ExprKind::BinOp: return pred(*cast<BinOp>(&e)->lhs) && pred(*cast<BinOp>(&e)->rhs);
  case ExprKind::UnaryOp: return pred(*cast<UnaryOp>(&e)->operand);
  case ExprKind::BoolOp: return all(cast<BoolOp>(&e)->operands);
  case ExprKind::Compare: return all(cast<Compare>(&e)->operands);
  case ExprKind::IfExp: {
    auto *i = cast<IfExp>(&e);
    return pred(*i->cond) && pred(*i->then) && pred(*i->orelse);
  }
  case ExprKind::Call: {
    auto *c = cast<Call>(&e);
    if (c->callee == "len") return true;
    return isPureScalarBuiltin(c->callee) && all(c->args);
  }
  case ExprKind::Subscript: {
    // An element of a compile-time array, at indices satisfying pred.
    auto *s = cast<Subscript>(&e);
    auto *n = dyn_cast<Name>(s->value.get());
    return n && n->symbol && n->symbol->kind == Symbol::ConstArray && all(s->indices);
  }
  default: return std::nullopt;
  }
}

bool DefChecker::isStatic(const Expr &e) const {
  if (e.constInt) return true;
  if (e.type.isUnknown()) return false;
  switch (e.kind) {
  case ExprKind::IntLit:
  case ExprKind::BoolLit:
  case ExprKind::FloatLit: return true;
  case ExprKind::Name: {
    const Symbol *s = cast<Name>(&e)->symbol;
    return s && (s->constInt || staticSyms_.count(s));
  }
  default: return allOperands(e, [this](const Expr &o) { return isStatic(o); }).value_or(false);
  }
}

bool DefChecker::isShapeInvariant(const Expr &e) const {
  if (e.constInt) return true;
  if (e.type.isUnknown()) return false;
  switch (e.kind) {
  case ExprKind::IntLit:
  case ExprKind::BoolLit:
  case ExprKind::FloatLit: return true;
  case ExprKind::Name: {
    const Symbol *s = cast<Name>(&e)->symbol;
    if (!s) return false;
    return (s->kind == Symbol::ScalarParam && s->dtype.isValid()) || s->constInt ||
           invariantVars_.count(s);
  }
  case ExprKind::Subscript: {
    auto *a = dyn_cast<Attribute>(cast<Subscript>(&e)->value.get());
    if (a && a->attr == "shape") return true;
    break; // constant-array elements: below
  }
  default: break;
  }
  return allOperands(e, [this](const Expr &o) { return isShapeInvariant(o); }).value_or(false);
}

Dim DefChecker::makeDim(const Expr &e) const {
  Dim d;
  d.expr = &e;
  if (e.constInt) {
    d.constant = e.constInt;
    return d;
  }
  if (auto *n = dyn_cast<Name>(&e); n && n->symbol) {
    const Symbol *s = n->symbol;
    if (s->kind == Symbol::ScalarParam)
      d.param = s;
    else if (s->kind == Symbol::Var && invariantVars_.count(s) && s->initExpr)
      return makeDim(*s->initExpr);
    return d;
  }
  if (auto *sub = dyn_cast<Subscript>(&e)) {
    auto *a = dyn_cast<Attribute>(sub->value.get());
    auto *n = a && a->attr == "shape" ? dyn_cast<Name>(a->value.get()) : nullptr;
    if (n && n->symbol && sub->indices.size() == 1 && sub->indices[0]->constInt) {
      int64_t k = *sub->indices[0]->constInt;
      if (k >= 0 && k < n->symbol->rank()) {
        Dim src = n->symbol->shape[(size_t)k];
        if (!src.expr) src.expr = &e; // from the schedule file: keep a defining expression
        return src;
      }
    }
  }
  if (auto *c = dyn_cast<Call>(&e); c && c->callee == "len" && c->args.size() == 1) {
    auto *n = dyn_cast<Name>(c->args[0].get());
    if (n && n->symbol && n->symbol->rank() >= 1) {
      Dim src = n->symbol->shape[0];
      if (!src.expr) src.expr = &e;
      return src;
    }
  }
  return d;
}

} // namespace hybridc::sema
