//===- SemaStmt.cpp - Declarations, scopes, loops and returns -------------===//
//
// Walks a def body in source order (docs/semantics.md "Variables"):
//  - the first store to a name declares it, typed by the stored value; its
//    scope is the innermost enclosing `for` (`if` and `while` open none);
//    names are declared once per def, so a store in a sibling loop is
//    RedeclaredInSibling and a use outside the scope UseOutsideScope;
//  - `x = output_tensor(...)` / `allocate(...)` declare buffers;
//    `x = f(...)` / `x, y = f(...)` declare the callee's outputs as global
//    Allocated buffers of the caller (temporaries);
//  - loop variables are visible in their loop only and may be reused by
//    sibling loops; a loop variable may not shadow a visible name;
//  - a Var stored exactly once from a constant integer expression is a
//    compile-time constant (Symbol::constInt); stored once from a
//    loop-invariant expression it may appear in shapes (Symbol::initExpr);
//  - inside a bind loop a variable must be stored once with a compile-time
//    value (TVM's ConstVar); any other is ScalarInBind.
//
// Outputs: the names of the final `return`, in order; each becomes an
// OutputTensor with outputIndex set (a returned global `allocate` buffer or
// call result included). An output_tensor that is not returned becomes a
// global Allocated temporary. So after checking, OutputTensor <=>
// outputIndex >= 0.
//
//===----------------------------------------------------------------------===//
#include "SemaInternal.h"

namespace hybridc::sema {

using namespace ast;

//===--- Symbols and scopes ------------------------------------------------===//

Symbol *DefChecker::newSymbol(Symbol::Kind k, const std::string &name, SourceRange decl) {
  auto s = std::make_unique<Symbol>();
  s->kind = k;
  s->name = name;
  s->declRange = decl;
  Symbol *r = s.get();
  def_.symbols.push_back(std::move(s));
  return r;
}

const Stmt *DefChecker::innermostFor() const {
  for (auto it = loops_.rbegin(); it != loops_.rend(); ++it)
    if (!it->isWhile) return it->stmt;
  return nullptr;
}

bool DefChecker::inScope(const Symbol &s) const {
  if (!s.scopeStmt) return true;
  for (const LoopScope &l : loops_)
    if (l.stmt == s.scopeStmt) return true;
  return false;
}

bool DefChecker::insideBind() const {
  for (const LoopScope &l : loops_)
    if (l.kind == LoopKind::Bind) return true;
  return false;
}

Symbol *DefChecker::visibleLoopVar(const std::string &name) const {
  for (auto it = loopVars_.rbegin(); it != loopVars_.rend(); ++it)
    if ((*it)->name == name) return *it;
  return nullptr;
}

Symbol *DefChecker::resolveUse(Name &n) {
  if (Symbol *lv = visibleLoopVar(n.id)) return lv;
  if (auto it = params_.find(n.id); it != params_.end()) return it->second;
  if (auto it = declared_.find(n.id); it != declared_.end()) {
    Symbol *d = it->second;
    if (inScope(*d)) return d;
    if (reported_.insert(n.id).second)
      diags_.report(DiagKind::UseOutsideScope, n.range, {n.id})
          .note(DiagKind::NoteDeclaredHere, d->declRange, {n.id});
  }
  return nullptr;
}

//===--- Body --------------------------------------------------------------===//

void DefChecker::countStores(const Block &b) {
  for (const auto &sp : b) {
    const Stmt *s = sp.get();
    if (auto *a = dyn_cast<Assign>(s)) {
      for (const auto &t : a->targets)
        if (auto *n = dyn_cast<Name>(t.get())) ++storeCount_[n->id];
    } else if (auto *a = dyn_cast<AugAssign>(s)) {
      if (auto *n = dyn_cast<Name>(a->target.get())) ++storeCount_[n->id];
    } else if (auto *f = dyn_cast<For>(s)) {
      countStores(f->body);
    } else if (auto *w = dyn_cast<While>(s)) {
      countStores(w->body);
    } else if (auto *i = dyn_cast<If>(s)) {
      countStores(i->then);
      countStores(i->orelse);
    }
  }
}

void DefChecker::checkBody() {
  countStores(def_.body);
  checkBlock(def_.body, /*defBody=*/true);
  if (!sawReturn_) diags_.report(DiagKind::MissingReturn, def_.nameRange, {def_.name});
  finishOutputs();
}

void DefChecker::finishOutputs() {
  for (size_t i = 0; i < def_.outputs.size(); ++i) {
    Symbol *s = def_.outputs[i];
    s->outputIndex = (int)i;
    s->kind = Symbol::OutputTensor;
    s->scope.clear();
  }
  for (auto &s : def_.symbols)
    if (s->kind == Symbol::OutputTensor && s->outputIndex < 0) {
      s->kind = Symbol::Allocated;
      s->scope = "global";
    }
}

void DefChecker::checkBlock(Block &b, bool defBody) {
  for (size_t i = 0; i < b.size(); ++i) checkStmt(*b[i], defBody && i + 1 == b.size());
}

void DefChecker::checkStmt(Stmt &s, bool lastOfDef) {
  switch (s.kind) {
  case StmtKind::Assign: checkAssign(*cast<Assign>(&s)); break;
  case StmtKind::AugAssign: checkAugAssign(*cast<AugAssign>(&s)); break;
  case StmtKind::For: checkFor(*cast<For>(&s)); break;
  case StmtKind::While: checkWhile(*cast<While>(&s)); break;
  case StmtKind::If: checkIf(*cast<If>(&s)); break;
  case StmtKind::Break: checkJump(s, "break"); break;
  case StmtKind::Continue: checkJump(s, "continue"); break;
  case StmtKind::Return: checkReturn(*cast<Return>(&s), lastOfDef); break;
  case StmtKind::Assert: checkAssert(*cast<Assert>(&s)); break;
  case StmtKind::ExprStmt: {
    Expr &e = *cast<ExprStmt>(&s)->value;
    if (auto *str = dyn_cast<StrLit>(&e)) { // a docstring
      str->type = {Type::String, {}, 0};
      break;
    }
    check(e);
    break;
  }
  case StmtKind::Pass: break;
  }
}

//===--- Assignments -------------------------------------------------------===//

namespace {

/// `x = <call>` where the call declares a tensor: output_tensor, allocate
/// or a def of the module.
bool declaresTensor(const Call &c, const Module &m) {
  if (const Builtin *b = lookupBuiltin(c.callee)) return b->result == ResultRule::Buffer;
  return m.find(c.callee) != nullptr;
}

} // namespace

void DefChecker::checkAssign(Assign &s) {
  if (s.targets.size() > 1) {
    Type t = check(*s.value, Ctx::MultiRHS);
    auto *call = dyn_cast<Call>(s.value.get());
    const Def *callee = call && !lookupBuiltin(call->callee) ? call->target : nullptr;
    bool ok = !t.isUnknown();
    if (!callee) {
      if (ok)
        diags_.report(DiagKind::UnpackNeedsCall, s.value->range,
                      {std::to_string(s.targets.size())});
      ok = false;
    } else if (ok && callee->outputs.size() != s.targets.size()) {
      diags_.report(
          DiagKind::CallResultCount, s.value->range,
          {callee->name, std::to_string(callee->outputs.size()), std::to_string(s.targets.size())});
      ok = false;
    }
    for (size_t i = 0; i < s.targets.size(); ++i) {
      Expr &target = *s.targets[i];
      if (auto *n = dyn_cast<Name>(&target)) {
        if (callee)
          declareCallResult(*n, *call, i, ok);
        else if (canDeclareTensor(*n))
          declarePoison(*n, Symbol::Allocated);
      } else {
        diags_.report(DiagKind::UnpackTarget, target.range);
      }
    }
    return;
  }

  Expr &target = *s.targets[0];
  if (auto *n = dyn_cast<Name>(&target)) {
    auto *call = dyn_cast<Call>(s.value.get());
    Type t = check(*s.value, Ctx::BufferRHS);
    if (call && declaresTensor(*call, mc_.module) && !mc_.recursiveCalls.count(call))
      declareBuffer(*n, *call, t);
    else if (call && mc_.recursiveCalls.count(call) && canDeclareTensor(*n))
      declarePoison(*n, Symbol::Allocated);
    else
      storeName(*n, t, *s.value);
    return;
  }
  if (auto *sub = dyn_cast<Subscript>(&target)) {
    Type v = check(*s.value);
    Type e = checkSubscript(*sub, /*isStore=*/true);
    sub->type = e;
    if (v.isUnknown() || e.isUnknown()) return;
    const auto *tn = cast<Name>(sub->value.get());
    if (!v.isScalar())
      diags_.report(DiagKind::StoreNotScalar, s.value->range, {v.str(), tn->id});
    else if (v.dtype != e.dtype)
      diags_.report(DiagKind::StoreTypeMismatch, s.value->range,
                    {v.dtype.str(), "tensor '" + tn->id + "'", e.dtype.str()});
    return;
  }
  check(*s.value);
  diags_.report(DiagKind::InvalidAssignTarget, target.range, {exprStr(target)});
}

void DefChecker::storeName(Name &n, Type t, const Expr &value) {
  if (Symbol *lv = visibleLoopVar(n.id)) {
    n.symbol = lv;
    diags_.report(DiagKind::LoopVarWrite, n.range, {n.id});
    return;
  }
  if (auto it = params_.find(n.id); it != params_.end()) {
    n.symbol = it->second;
    diags_.report(DiagKind::ParamAssign, n.range, {n.id})
        .note(DiagKind::NoteDeclaredHere, it->second->declRange, {n.id});
    return;
  }
  if (auto it = declared_.find(n.id); it != declared_.end()) {
    Symbol *d = it->second;
    if (d->isTensor()) {
      diags_.report(DiagKind::TensorAssign, n.range, {n.id});
      return;
    }
    if (!inScope(*d)) {
      diags_.report(DiagKind::RedeclaredInSibling, n.range, {n.id})
          .note(DiagKind::NoteDeclaredHere, d->declRange, {n.id});
      reported_.insert(n.id); // its uses here are not reported again
      return;
    }
    n.symbol = d;
    n.type = typeOf(*d);
    if (t.isUnknown() || !d->dtype.isValid()) return;
    if (!t.isScalar())
      diags_.report(DiagKind::ScalarVarGetsTensor, value.range, {n.id, t.str()});
    else if (t.dtype != d->dtype)
      diags_
          .report(DiagKind::StoreTypeMismatch, value.range,
                  {t.dtype.str(), "variable '" + n.id + "'", d->dtype.str()})
          .note(DiagKind::NoteHint, d->declRange,
                {"'" + n.id + "' is declared here with type " + d->dtype.str()});
    return;
  }

  // A new scalar variable.
  if (!t.isUnknown() && !t.isScalar()) {
    std::string why = t.isTensor() ? "tensors are declared with output_tensor() or allocate(), "
                                     "not by assignment"
                                   : "variables hold scalars";
    diags_.report(DiagKind::VariableNotScalar, value.range, {t.str(), n.id, why});
    t = {};
  }
  // TVM keeps a variable stored once with a constant value (once
  // const_range loops are unrolled) as that constant; any other variable
  // would need device-side storage.
  if (insideBind() && !(storeCount_[n.id] == 1 && isStatic(value)))
    diags_.report(DiagKind::ScalarInBind, n.range, {n.id});
  Symbol *s = newSymbol(Symbol::Var, n.id, n.range);
  s->scopeStmt = innermostFor();
  if (t.isScalar()) s->dtype = t.dtype;
  if (storeCount_[n.id] == 1 && t.isScalar()) {
    s->initExpr = &value;
    if (value.constInt) s->constInt = value.constInt;
    if (isStatic(value)) staticSyms_.insert(s);
    if (isShapeInvariant(value)) invariantVars_.insert(s);
  }
  declared_[n.id] = s;
  n.symbol = s;
  n.type = typeOf(*s);
  n.constInt = s->constInt;
}

bool DefChecker::canDeclareTensor(Name &n) {
  if (Symbol *lv = visibleLoopVar(n.id)) {
    n.symbol = lv;
    diags_.report(DiagKind::LoopVarWrite, n.range, {n.id});
    return false;
  }
  if (auto it = params_.find(n.id); it != params_.end()) {
    n.symbol = it->second;
    diags_.report(DiagKind::ParamAssign, n.range, {n.id})
        .note(DiagKind::NoteDeclaredHere, it->second->declRange, {n.id});
    return false;
  }
  if (auto it = declared_.find(n.id); it != declared_.end()) {
    diags_.report(DiagKind::TensorRedeclared, n.range, {n.id})
        .note(DiagKind::NoteDeclaredHere, it->second->declRange, {n.id});
    return false;
  }
  return true;
}

Symbol *DefChecker::declarePoison(Name &n, Symbol::Kind k) {
  Symbol *s = newSymbol(k, n.id, n.range);
  s->scopeStmt = innermostFor();
  if (k == Symbol::Allocated) s->scope = "global";
  declared_[n.id] = s;
  n.symbol = s;
  return s;
}

void DefChecker::declareBuffer(Name &n, Call &call, Type t) {
  if (call.target) { // x = f(...)
    declareCallResult(n, call, 0, t.isTensor());
    return;
  }
  if (!canDeclareTensor(n)) return;
  bool isOutput = call.callee == "output_tensor";
  Symbol::Kind k = isOutput ? Symbol::OutputTensor : Symbol::Allocated;
  if (!t.isTensor()) {
    declarePoison(n, k);
    return;
  }
  Symbol *s = newSymbol(k, n.id, n.range);
  s->dtype = t.dtype;
  s->shape = bufferShape(call);
  if (!isOutput)
    s->scope = call.args.size() >= 3 ? cast<StrLit>(call.args[2].get())->value : "global";
  s->scopeStmt = innermostFor();
  declared_[n.id] = s;
  n.symbol = s;
  n.type = typeOf(*s);
}

void DefChecker::declareCallResult(Name &n, Call &call, size_t index, bool ok) {
  if (!canDeclareTensor(n)) return;
  if (!ok || !call.target || index >= call.target->outputs.size()) {
    declarePoison(n, Symbol::Allocated);
    return;
  }
  const Def &callee = *call.target;
  const Symbol &out = *callee.outputs[index];
  std::vector<Dim> shape;
  for (const Dim &d : out.shape) {
    if (d.isConst()) {
      Dim c;
      c.constant = d.constant;
      shape.push_back(c);
      continue;
    }
    size_t j = 0;
    while (d.param && j < callee.params.size() && callee.params[j].symbol != d.param) ++j;
    if (!d.param || j == callee.params.size() || j >= call.args.size()) {
      diags_.report(DiagKind::UnsupportedCallShape, call.range,
                    {std::to_string(index + 1), callee.name});
      declarePoison(n, Symbol::Allocated);
      return;
    }
    const Expr &arg = *call.args[j];
    if (!isShapeInvariant(arg)) {
      diags_.report(DiagKind::BadShapeDim, arg.range,
                    {"the shape of the tensor '" + callee.name + "' returns depends on '" +
                     exprStr(arg) +
                     "', which must be a constant or an expression of scalar parameters and "
                     "tensor shapes"});
      declarePoison(n, Symbol::Allocated);
      return;
    }
    shape.push_back(makeDim(arg));
  }
  Symbol *s = newSymbol(Symbol::Allocated, n.id, n.range);
  s->dtype = out.dtype;
  s->shape = std::move(shape);
  s->scope = "global";
  s->scopeStmt = innermostFor();
  declared_[n.id] = s;
  n.symbol = s;
  n.type = typeOf(*s);
}

void DefChecker::checkAugAssign(AugAssign &s) {
  Type v = check(*s.value);
  std::string opName = std::string(spelling(s.op)) + "=";
  if (auto *n = dyn_cast<Name>(s.target.get())) {
    Symbol *sym = nullptr;
    if (Symbol *lv = visibleLoopVar(n->id)) {
      n->symbol = lv;
      diags_.report(DiagKind::LoopVarWrite, n->range, {n->id});
      return;
    }
    if (auto it = params_.find(n->id); it != params_.end()) {
      n->symbol = it->second;
      diags_.report(DiagKind::ParamAssign, n->range, {n->id})
          .note(DiagKind::NoteDeclaredHere, it->second->declRange, {n->id});
      return;
    }
    auto it = declared_.find(n->id);
    if (it == declared_.end()) {
      diags_.report(DiagKind::FirstStoreAugmented, n->range, {n->id, opName});
      // Declare it so that later uses are not reported as well.
      if (insideBind()) diags_.report(DiagKind::ScalarInBind, n->range, {n->id});
      Symbol *p = newSymbol(Symbol::Var, n->id, n->range);
      p->scopeStmt = innermostFor();
      declared_[n->id] = p;
      n->symbol = p;
      return;
    }
    sym = it->second;
    if (sym->isTensor()) {
      diags_.report(DiagKind::TensorAssign, n->range, {n->id});
      return;
    }
    if (!inScope(*sym)) {
      if (reported_.insert(n->id).second)
        diags_.report(DiagKind::UseOutsideScope, n->range, {n->id})
            .note(DiagKind::NoteDeclaredHere, sym->declRange, {n->id});
      return;
    }
    n->symbol = sym;
    n->type = typeOf(*sym);
    Type r = binaryResult(s.op, *n, *s.value, s.opRange, nullptr);
    if (r.isScalar() && r.dtype != sym->dtype)
      diags_
          .report(DiagKind::StoreTypeMismatch, s.value->range,
                  {r.dtype.str(), "variable '" + n->id + "'", sym->dtype.str()})
          .note(DiagKind::NoteHint, sym->declRange,
                {"'" + n->id + "' is declared here with type " + sym->dtype.str()});
    return;
  }
  if (auto *sub = dyn_cast<Subscript>(s.target.get())) {
    Type e = checkSubscript(*sub, /*isStore=*/true);
    sub->type = e;
    if (e.isUnknown() || v.isUnknown()) return;
    Type r = binaryResult(s.op, *sub, *s.value, s.opRange, nullptr);
    if (r.isScalar() && r.dtype != e.dtype)
      diags_.report(
          DiagKind::StoreTypeMismatch, s.value->range,
          {r.dtype.str(), "tensor '" + cast<Name>(sub->value.get())->id + "'", e.dtype.str()});
    return;
  }
  diags_.report(DiagKind::InvalidAssignTarget, s.target->range, {exprStr(*s.target)});
}

//===--- Loops -------------------------------------------------------------===//

void DefChecker::checkFor(For &f) {
  auto *call = dyn_cast<Call>(f.iter.get());
  const Builtin *b = call ? lookupBuiltin(call->callee) : nullptr;
  bool ok = true;
  LoopKind kind = LoopKind::Serial;
  const DType varType = DType::i32(); // as in TVM, whatever the bounds' type
  std::optional<int64_t> extent;

  if (call && !call->keywords.empty() && !resolveKeywords(*call, {}, {}))
    ok = false; // loops take none
  if (!b || b->result != ResultRule::Loop) {
    if (call)
      for (auto &a : call->args) check(*a);
    else
      check(*f.iter);
    diags_.report(DiagKind::NotALoopIterator, f.iter->range, {exprStr(*f.iter)});
    ok = false;
  } else {
    kind = b->loop;
    call->type = {Type::None, {}, 0};
    size_t n = call->args.size();
    bool arityOk = n >= b->minArgs && (b->maxArgs == kVariadic || n <= b->maxArgs);
    if (!arityOk) {
      std::string expected = kind == LoopKind::Grid   ? "at least 1"
                             : kind == LoopKind::Bind ? "2"
                                                      : "1 or 2";
      diags_.report(DiagKind::BuiltinArity, call->range,
                    {call->callee, expected, std::to_string(n)});
      ok = false;
    }
    size_t expectedVars = kind == LoopKind::Grid ? n : 1;
    if (arityOk && f.vars.size() != expectedVars) {
      std::string what = kind == LoopKind::Grid ? "grid() with " + std::to_string(n) + " extent(s)"
                                                : "'" + call->callee + "'";
      diags_.report(DiagKind::LoopVarCount, f.range,
                    {what, std::to_string(expectedVars), std::to_string(f.vars.size())});
      ok = false;
    }
    for (size_t i = 0; i < n; ++i) {
      Expr &a = *call->args[i];
      if (kind == LoopKind::Bind && i == 0) {
        auto *tag = dyn_cast<StrLit>(&a);
        if (tag)
          tag->type = {Type::String, {}, 0};
        else
          check(a);
        if (!tag || !isThreadTag(tag->value)) {
          std::string got = tag ? quoted(tag->value) : a.type.isUnknown() ? "" : a.type.str();
          if (!tag && a.type.isUnknown()) {
            ok = false;
            continue;
          }
          diags_.report(DiagKind::BindTag, a.range, {got});
          ok = false;
        }
        continue;
      }
      Type t = check(a);
      if (t.isUnknown()) {
        ok = false;
        continue;
      }
      if (!t.isScalar() || !t.dtype.isIntegral()) {
        diags_.report(DiagKind::LoopBoundType, a.range, {t.str()});
        ok = false;
        continue;
      }
      if (kind == LoopKind::ConstRange && !isStatic(a)) {
        diags_.report(DiagKind::ConstRangeNotConst, a.range);
        ok = false;
      }
    }
    if (ok && kind != LoopKind::Grid) {
      size_t first = kind == LoopKind::Bind ? 1 : 0;
      if (n - first == 1)
        extent = call->args[first]->constInt;
      else if (call->args[0]->constInt && call->args[1]->constInt)
        extent = *call->args[1]->constInt - *call->args[0]->constInt;
      if ((kind == LoopKind::Unroll || kind == LoopKind::Vectorize) && !extent) {
        diags_.report(DiagKind::LoopExtentNotConst, call->range, {call->callee});
        ok = false;
      }
      if (ok && kind == LoopKind::Bind)
        checkBindExtent(cast<StrLit>(call->args[0].get())->value, *call->args[1]);
    }
  }

  // Bind the loop variables and check the body even after an error, so that
  // mistakes inside are reported too.
  int64_t copies = loops_.empty() ? 1 : loops_.back().copies;
  if ((kind == LoopKind::ConstRange || kind == LoopKind::Unroll) && extent && *extent > 0) {
    copies = *extent > kMaxUnrolledCopies ? kMaxUnrolledCopies + 1 : copies * *extent;
    if (copies > kMaxUnrolledCopies &&
        (loops_.empty() || loops_.back().copies <= kMaxUnrolledCopies))
      diags_.report(DiagKind::UnrollTooLarge, f.iter->range,
                    {call->callee, std::to_string(*extent), std::to_string(kMaxUnrolledCopies)});
    copies = std::min(copies, kMaxUnrolledCopies + 1);
  }
  loops_.push_back({&f, kind, false, copies});
  size_t visibleBefore = loopVars_.size();
  for (auto &v : f.vars) {
    Symbol *shadowed = visibleLoopVar(v->id);
    if (!shadowed)
      if (auto it = params_.find(v->id); it != params_.end()) shadowed = it->second;
    if (!shadowed)
      if (auto it = declared_.find(v->id); it != declared_.end()) {
        // The scope check must not see this loop yet.
        loops_.pop_back();
        if (inScope(*it->second)) shadowed = it->second;
        loops_.push_back({&f, kind, false});
      }
    if (shadowed)
      diags_.report(DiagKind::LoopVarShadows, v->range, {v->id})
          .note(DiagKind::NoteDeclaredHere, shadowed->declRange, {v->id});
    Symbol *s = newSymbol(Symbol::LoopVar, v->id, v->range);
    s->dtype = varType;
    s->scopeStmt = &f;
    if (kind == LoopKind::ConstRange) staticSyms_.insert(s);
    v->symbol = s;
    v->type = typeOf(*s);
    f.varSymbols.push_back(s);
    loopVars_.push_back(s);
  }
  (void)extent;
  checkBlock(f.body, false);
  loopVars_.resize(visibleBefore);
  loops_.pop_back();
}

void DefChecker::checkBindExtent(const std::string &tag, Expr &extent) {
  auto it = binds_.find(tag);
  if (it == binds_.end()) {
    binds_[tag] = {&extent, extent.range};
    return;
  }
  const Expr &first = *it->second.extent;
  if (sameDim(makeDim(first), makeDim(extent))) return;
  diags_.report(DiagKind::BindExtentMismatch, extent.range, {tag, exprStr(extent), exprStr(first)})
      .note(DiagKind::NotePrevious, it->second.range,
            {"'" + tag + "' is first bound here with extent " + exprStr(first)});
}

void DefChecker::checkWhile(While &w) {
  check(*w.cond);
  requireBool(*w.cond, "the condition of 'while'");
  loops_.push_back({&w, LoopKind::Serial, true, loops_.empty() ? 1 : loops_.back().copies});
  checkBlock(w.body, false);
  loops_.pop_back();
}

void DefChecker::checkIf(If &s) {
  check(*s.cond);
  requireBool(*s.cond, "the condition of 'if'");
  // A condition known at compile time keeps only its live branch, which is
  // all that is checked and lowered (TVM never visits the dead one: `i = 3;
  // if i < len(s): e = s[i]` is fine for a shorter s).
  if (s.cond->constInt) {
    checkBlock(*s.cond->constInt ? s.then : s.orelse, false);
    return;
  }
  checkBlock(s.then, false);
  checkBlock(s.orelse, false);
}

void DefChecker::checkJump(Stmt &s, const char *what) {
  if (loops_.empty()) {
    diags_.report(DiagKind::BreakOutsideLoop, s.range, {what});
    return;
  }
  LoopKind k = loops_.back().kind;
  if (k != LoopKind::Serial && k != LoopKind::Grid)
    diags_.report(DiagKind::BreakInParallel, s.range, {what, loopKindName(k)});
}

//===--- return and assert ------------------------------------------------===//

void DefChecker::checkReturn(Return &r, bool wellPlaced) {
  if (!wellPlaced) diags_.report(DiagKind::ReturnPlacement, r.range);
  sawReturn_ = true;
  if (!r.value) {
    diags_.report(DiagKind::ReturnValue, r.range);
    return;
  }
  std::vector<Expr *> elts;
  if (auto *t = dyn_cast<Tuple>(r.value.get())) {
    t->type = {Type::Tuple, {}, 0};
    for (auto &e : t->elts) elts.push_back(e.get());
  } else {
    elts.push_back(r.value.get());
  }
  std::vector<Symbol *> outs;
  bool ok = !elts.empty();
  for (Expr *e : elts) {
    auto *n = dyn_cast<Name>(e);
    if (!n) {
      check(*e);
      diags_.report(DiagKind::ReturnValue, e->range);
      ok = false;
      continue;
    }
    check(*n);
    Symbol *s = n->symbol;
    if (!s || !s->dtype.isValid()) { // reported already
      ok = false;
      continue;
    }
    bool returnable =
        s->kind == Symbol::OutputTensor || (s->kind == Symbol::Allocated && s->scope == "global");
    bool duplicate = false;
    for (Symbol *o : outs) duplicate = duplicate || o == s;
    if (!returnable || duplicate) {
      auto d = diags_.report(DiagKind::ReturnValue, e->range);
      if (duplicate)
        d.note(DiagKind::NoteHint, e->range, {"'" + n->id + "' is returned twice"});
      else if (s->kind == Symbol::Allocated)
        d.note(DiagKind::NoteHint, s->declRange,
               {"'" + n->id + "' is a '" + s->scope +
                "' buffer; only output_tensor() and "
                "global allocate() buffers can be returned"});
      else if (s->isTensor())
        d.note(DiagKind::NoteHint, s->declRange,
               {"'" + n->id + "' is an input; copy it into an output_tensor() to return it"});
      ok = false;
      continue;
    }
    outs.push_back(s);
  }
  if (ok && (wellPlaced || !outputsSet_)) {
    def_.outputs = outs;
    outputsSet_ = true;
  }
}

void DefChecker::checkAssert(Assert &a) {
  check(*a.cond);
  requireBool(*a.cond, "the condition of 'assert'");
  if (!a.msg) return;
  if (auto *s = dyn_cast<StrLit>(a.msg.get())) {
    s->type = {Type::String, {}, 0};
    return;
  }
  check(*a.msg);
  diags_.report(DiagKind::AssertMessageNotString, a.msg->range);
}

} // namespace hybridc::sema
