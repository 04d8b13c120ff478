//===- ASTToIR.cpp - Checked AST to loop IR -------------------------------===//
//
// One DefLowerer per def being lowered or inlined. It maps each Sema Symbol
// to what it is in the IR (a Buffer, an Expr, or a mutable Var name) and
// walks the body:
//  - scalars: compile-time constants are substituted; other variables are
//    declared (VarDecl) at the start of their scope (the innermost `for` or
//    the def) and assigned in place; `if` opens no scope;
//  - allocate / call results: Allocate at the start of their scope;
//  - const_range loops are unrolled here with the loop variable bound to a
//    constant (Simplify folds the `if`s that become constant);
//  - grid(a, b, ...) becomes nested serial loops;
//  - calls to other defs are inlined: their names get the prefix
//    "<callee>." (hygiene), scalar arguments are bound once with a LetStmt,
//    tensor arguments alias the caller's buffers, outputs become the
//    caller's target buffers.
// Sema has checked everything: a violated expectation here is a compiler
// bug (HY_ASSERT), never a user error.
//
// As the ast-to-ir pass: expects a def Sema accepted. Guarantees: a
// LoweredFunc (arguments, argument checks, body) that the verifier accepts,
// with no const_range, grid or call left (they need the AST: a const_range
// variable is a compile-time constant where Sema requires one, e.g. an
// index of a constant array, and a call is inlined from its def's AST).
//
//===----------------------------------------------------------------------===//
#include "hybridc/Analysis/LoopNest.h"
#include "hybridc/Analysis/Simplify.h"
#include "hybridc/IR/IRPrinter.h"
#include "hybridc/IR/IRVisitor.h"
#include "hybridc/Lower/Lower.h"
#include "hybridc/Support/InternalError.h"

#include <map>
#include <unordered_map>

namespace hybridc {
namespace {

using namespace ir;
namespace A = hybridc::ast;

/// What a Sema symbol denotes in the IR being built.
struct Binding {
  Buffer buffer;       // tensors
  Expr value;          // scalar params, loop vars, constants, let-bound args
  std::string varName; // mutable variables (VarDecl/Assign)
  DType varType;
  bool preBound = false; // outputs: bound to an argument or the caller's buffer
};

class DefLowerer {
public:
  DefLowerer(const A::Module &m, const A::Def &def, std::string prefix)
      : module_(m), def_(def), prefix_(std::move(prefix)) {
    for (const auto &sym : def_.symbols) scopes_[sym->scopeStmt].push_back(sym.get());
  }

  std::map<const A::Symbol *, Binding> env;
  /// What max_num_threads(True) gives: the target's threads per block
  /// (1 on the CPU targets, 1024 on cuda).
  int maxNumThreads = 1;

  /// Lowers the body of the def as one scope.
  Stmt lowerBody() { return lowerScope(def_.body, nullptr); }

  /// The IR type of a tensor dimension list (int64 extents).
  std::vector<Expr> lowerShape(const std::vector<A::Dim> &dims) {
    std::vector<Expr> out;
    for (auto &d : dims) out.push_back(lowerDim(d));
    return out;
  }

  Expr lowerDim(const A::Dim &d) {
    if (d.constant) return IntImm::make(DType::i64(), *d.constant);
    if (d.param) {
      auto it = env.find(d.param);
      HY_ASSERT(it != env.end() && it->second.value, "unbound shape parameter " + d.param->name);
      return Cast::make(DType::i64(), it->second.value);
    }
    HY_ASSERT(d.expr, "shape dimension without a value");
    // A shape may mention a variable stored once (`n = a.shape[0]`): its
    // value is that store's expression, evaluated here.
    bool saved = inShape_;
    inShape_ = true;
    Expr e = Cast::make(DType::i64(), lowerExpr(*d.expr));
    inShape_ = saved;
    return e;
  }

private:
  const A::Module &module_;
  const A::Def &def_;
  /// The def's symbols by scope statement, in declaration order (one pass
  /// over the symbols, not one per scope).
  std::unordered_map<const A::Stmt *, std::vector<const A::Symbol *>> scopes_;
  const std::vector<const A::Symbol *> &symbolsOfScope(const A::Stmt *scopeFor) {
    return scopes_[scopeFor];
  }
  std::string prefix_;
  bool inShape_ = false; // lowering a shape dimension

  std::string local(const std::string &n) const { return prefix_ + n; }

  //===--- Scopes --------------------------------------------------------===//

  /// Lowers `block` and declares the variables and buffers whose scope is
  /// `scopeFor` (null: the def body) around it.
  Stmt lowerScope(const A::Block &block, const A::Stmt *scopeFor) {
    std::vector<Stmt> stmts;
    for (auto &s : block) stmts.push_back(lowerStmt(*s));
    Stmt body = Block::make(std::move(stmts));
    // Declarations in reverse order so the first declared is outermost.
    const std::vector<const A::Symbol *> &declared = symbolsOfScope(scopeFor);
    for (auto it = declared.rbegin(); it != declared.rend(); ++it) {
      const A::Symbol *sym = *it;
      auto b = env.find(sym);
      if (b == env.end()) continue;
      if (b->second.preBound) continue;
      bool isTemp = b->second.buffer && b->second.buffer->kind == BufferNode::Temp &&
                    (sym->kind == A::Symbol::Allocated || sym->kind == A::Symbol::OutputTensor);
      if (sym->kind == A::Symbol::Var && !b->second.varName.empty())
        body = VarDecl::make(b->second.varName, b->second.varType, body);
      else if (isTemp)
        body = withLoc(Allocate::make(b->second.buffer, body), sym->declRange.begin);
      // Bindings of this scope end here (a const_range copy re-binds them).
      if (sym->kind == A::Symbol::Var || isTemp) env.erase(b);
    }
    return body;
  }

  //===--- Statements ----------------------------------------------------===//

  Stmt lowerStmt(const A::Stmt &s) {
    Stmt r = lowerStmtInner(s);
    return r ? withLoc(r, s.range.begin) : r;
  }

  Stmt lowerStmtInner(const A::Stmt &s) {
    switch (s.kind) {
    case A::StmtKind::Assign: return lowerAssign(*A::cast<A::Assign>(&s));
    case A::StmtKind::AugAssign: return lowerAugAssign(*A::cast<A::AugAssign>(&s));
    case A::StmtKind::For: return lowerFor(*A::cast<A::For>(&s));
    case A::StmtKind::While: {
      auto &w = *A::cast<A::While>(&s);
      // A while body is not a scope (only `for` is): its declarations belong
      // to the enclosing for.
      return While::make(lowerCond(*w.cond), lowerBlock(w.body));
    }
    case A::StmtKind::If: {
      auto &i = *A::cast<A::If>(&s);
      if (i.cond->constInt)
        return lowerBlock(*i.cond->constInt ? i.then : i.orelse); // dead branch unchecked
      Stmt t = lowerBlock(i.then), e = lowerBlock(i.orelse);
      return IfThenElse::make(lowerCond(*i.cond), t, e);
    }
    case A::StmtKind::Break: return Break::make();
    case A::StmtKind::Continue: return Continue::make();
    case A::StmtKind::Return: return Stmt(); // outputs are arguments
    case A::StmtKind::Assert: {
      auto &a = *A::cast<A::Assert>(&s);
      std::string msg = "assertion failed";
      if (a.msg)
        if (auto *str = A::dyn_cast<A::StrLit>(a.msg.get())) msg = str->value;
      return AssertStmt::make(lowerCond(*a.cond), msg);
    }
    case A::StmtKind::ExprStmt: return Stmt(); // docstrings; calls have no effect
    case A::StmtKind::Pass: return Stmt();
    }
    return Stmt();
  }

  Stmt lowerBlock(const A::Block &b) {
    std::vector<Stmt> out;
    for (auto &s : b) out.push_back(lowerStmt(*s));
    return Block::make(std::move(out));
  }

  Stmt lowerAssign(const A::Assign &a) {
    // Calls to other defs: x = f(...) / x, y = f(...).
    if (auto *call = A::dyn_cast<A::Call>(a.value.get()); call && call->target) {
      std::vector<const A::Symbol *> targets;
      for (auto &t : a.targets) targets.push_back(A::cast<A::Name>(t.get())->symbol);
      return inlineCall(*call, targets);
    }
    HY_ASSERT(a.targets.size() == 1, "tuple assignment of a non-call");
    const A::Expr &target = *a.targets[0];
    if (auto *name = A::dyn_cast<A::Name>(&target)) {
      const A::Symbol *sym = name->symbol;
      HY_ASSERT(sym, "unresolved assignment target " + name->id);
      if (sym->kind == A::Symbol::OutputTensor || sym->kind == A::Symbol::Allocated) {
        declareBuffer(*sym, A::dyn_cast<A::Call>(a.value.get()));
        return Stmt();
      }
      HY_ASSERT(sym->kind == A::Symbol::Var, "assignment to " + name->id);
      if (sym->constInt) return Stmt(); // compile-time constant: substituted at uses
      Binding &b = varBinding(*sym);
      return Assign::make(b.varName, Cast::make(b.varType, lowerExpr(*a.value)));
    }
    auto *sub = A::cast<A::Subscript>(&target);
    Buffer buf = bufferOf(*sub->value);
    std::vector<Expr> idx;
    for (auto &i : sub->indices) idx.push_back(lowerExpr(*i));
    return Store::make(buf, idx, Cast::make(buf->dtype, lowerExpr(*a.value)));
  }

  Stmt lowerAugAssign(const A::AugAssign &a) {
    if (auto *name = A::dyn_cast<A::Name>(a.target.get())) {
      const A::Symbol *sym = name->symbol;
      HY_ASSERT(sym && sym->kind == A::Symbol::Var, "augmented assignment to " + name->id);
      Binding &b = varBinding(*sym);
      Expr cur = Var::make(b.varType, b.varName);
      return Assign::make(b.varName, arith(a.op, cur, lowerExpr(*a.value), b.varType));
    }
    auto *sub = A::cast<A::Subscript>(a.target.get());
    Buffer buf = bufferOf(*sub->value);
    std::vector<Expr> idx;
    for (auto &i : sub->indices) idx.push_back(lowerExpr(*i));
    Expr cur = Load::make(buf, idx);
    return Store::make(buf, idx, arith(a.op, cur, lowerExpr(*a.value), buf->dtype));
  }

  /// `cur op value` computed in the promoted type, stored back as `result`.
  Expr arith(A::BinOpKind op, Expr cur, Expr value, DType result) {
    DType t = promote(cur.type(), value.type());
    return Cast::make(result, binary(op, Cast::make(t, cur), Cast::make(t, value)));
  }

  Binding &varBinding(const A::Symbol &sym) {
    auto it = env.find(&sym);
    if (it == env.end()) {
      Binding b;
      b.varName = local(sym.name);
      b.varType = sym.dtype;
      it = env.emplace(&sym, b).first;
    }
    return it->second;
  }

  void declareBuffer(const A::Symbol &sym, const A::Call *call) {
    // Outputs (returned buffers) are arguments, bound before the body is
    // lowered (or by the caller when inlining).
    auto it = env.find(&sym);
    if (it != env.end() && it->second.preBound) return;
    Buffer b = loopnest::makeDenseBuffer(local(sym.name), sym.dtype, lowerShape(sym.shape),
                                         BufferNode::Temp);
    if (sym.kind == A::Symbol::Allocated) b->scope = sym.scope.empty() ? "global" : sym.scope;
    env[&sym].buffer = b;
  }

  Buffer bufferOf(const A::Expr &e) {
    auto *name = A::dyn_cast<A::Name>(&e);
    HY_ASSERT(name && name->symbol, "tensor expression is not a declared name");
    auto it = env.find(name->symbol);
    if (it == env.end() || !it->second.buffer) {
      // An output tensor used before its output_tensor() statement is a
      // Sema error; an allocated buffer may be declared in a branch
      // lowered later only if Sema accepted it, so create it here.
      declareBuffer(*name->symbol, nullptr);
      it = env.find(name->symbol);
    }
    return it->second.buffer;
  }

  Stmt lowerFor(const A::For &f) {
    auto *call = A::cast<A::Call>(f.iter.get());
    const std::string &kind = call->callee;
    if (kind == "grid") {
      // for i, j in grid(a, b): nested serial loops, i outermost.
      std::vector<Expr> extents;
      for (auto &a : call->args) extents.push_back(lowerExpr(*a));
      for (size_t k = 0; k < f.vars.size(); ++k)
        env[f.varSymbols[k]].value = Var::make(DType::i32(), local(f.vars[k]->id));
      Stmt body = lowerScope(f.body, &f);
      for (size_t k = f.vars.size(); k-- > 0;)
        body = For::make(local(f.vars[k]->id), IntImm::make(DType::i32(), 0),
                         Cast::make(DType::i32(), extents[k]), ForKind::Serial, body);
      return body;
    }
    if (kind == "bind") {
      Expr ext = Cast::make(DType::i32(), lowerExpr(*call->args[1]));
      std::string tag = A::cast<A::StrLit>(call->args[0].get())->value;
      env[f.varSymbols[0]].value = Var::make(DType::i32(), local(f.vars[0]->id));
      Stmt body = lowerScope(f.body, &f);
      return For::make(local(f.vars[0]->id), IntImm::make(DType::i32(), 0), ext,
                       ForKind::ThreadBinding, body, tag);
    }
    Expr lo = IntImm::make(DType::i32(), 0), ext;
    if (call->args.size() == 1) {
      ext = Cast::make(DType::i32(), lowerExpr(*call->args[0]));
    } else {
      lo = Cast::make(DType::i32(), lowerExpr(*call->args[0]));
      ext = simplify(Cast::make(DType::i32(), lowerExpr(*call->args[1])) - lo);
    }
    if (kind == "const_range") {
      Expr slo = simplify(lo), sext = simplify(ext); // held: asConstInt points into the nodes
      const int64_t *l = asConstInt(slo), *e = asConstInt(sext);
      HY_ASSERT(l && e, "const_range with non-constant bounds");
      std::vector<Stmt> copies;
      for (int64_t k = 0; k < *e; ++k) {
        env[f.varSymbols[0]].value = IntImm::make(DType::i32(), *l + k);
        copies.push_back(lowerScope(f.body, &f));
      }
      env.erase(f.varSymbols[0]);
      return Block::make(std::move(copies));
    }
    ForKind fk = ForKind::Serial;
    if (kind == "unroll")
      fk = ForKind::Unrolled;
    else if (kind == "parallel")
      fk = ForKind::Parallel;
    else if (kind == "vectorize")
      fk = ForKind::Vectorized;
    std::string name = local(f.vars[0]->id);
    env[f.varSymbols[0]].value = Var::make(DType::i32(), name);
    Stmt body = lowerScope(f.body, &f);
    return For::make(name, lo, ext, fk, body);
  }

  //===--- Inlining ------------------------------------------------------===//

  Stmt inlineCall(const A::Call &call, const std::vector<const A::Symbol *> &targets) {
    const A::Def &callee = *call.target;
    DefLowerer inner(module_, callee, prefix_ + callee.name + ".");
    inner.maxNumThreads = maxNumThreads;
    std::vector<std::pair<std::string, Expr>> lets;
    for (size_t k = 0; k < callee.params.size() && k < call.args.size(); ++k) {
      const A::Symbol *p = callee.params[k].symbol;
      HY_ASSERT(p, "unchecked callee parameter");
      if (p->isTensor()) {
        inner.env[p].buffer = bufferOf(*call.args[k]);
      } else {
        Expr v = Cast::make(p->dtype, lowerExpr(*call.args[k]));
        if (v.as<IntImm>() || v.as<FloatImm>() || v.as<Var>()) {
          inner.env[p].value = v;
        } else {
          std::string n = prefix_ + callee.name + "." + p->name;
          lets.push_back({n, v});
          inner.env[p].value = Var::make(p->dtype, n);
        }
      }
    }
    // The callee's outputs are the caller's target buffers.
    HY_ASSERT(targets.size() == callee.outputs.size(), "output count of inlined call");
    for (size_t k = 0; k < targets.size(); ++k) {
      const A::Symbol *out = callee.outputs[k];
      Buffer b;
      auto it = env.find(targets[k]);
      if (it != env.end() && it->second.preBound) {
        b = it->second.buffer; // the caller returns it: write straight into its output
      } else {
        b = loopnest::makeDenseBuffer(local(targets[k]->name), out->dtype,
                                      inner.lowerShape(out->shape), BufferNode::Temp);
        env[targets[k]].buffer = b;
      }
      inner.env[out].buffer = b;
      inner.env[out].preBound = true;
    }
    Stmt body = inner.lowerBody();
    for (auto it = lets.rbegin(); it != lets.rend(); ++it)
      body = LetStmt::make(it->first, it->second, body);
    return body;
  }

  //===--- Expressions ---------------------------------------------------===//

  Expr lowerCond(const A::Expr &e) { return Cast::make(DType::boolean(), lowerExpr(e)); }

  Expr binary(A::BinOpKind op, Expr a, Expr b) {
    switch (op) {
    case A::BinOpKind::Add: return Binary::make(BinOp::Add, a, b);
    case A::BinOpKind::Sub: return Binary::make(BinOp::Sub, a, b);
    case A::BinOpKind::Mul: return Binary::make(BinOp::Mul, a, b);
    case A::BinOpKind::Div: return Binary::make(BinOp::Div, a, b);
    case A::BinOpKind::FloorDiv: return Binary::make(BinOp::FloorDiv, a, b);
    case A::BinOpKind::Mod: return Binary::make(BinOp::FloorMod, a, b);
    case A::BinOpKind::BitAnd: return Binary::make(BinOp::And, a, b);
    case A::BinOpKind::BitOr: return Binary::make(BinOp::Or, a, b);
    case A::BinOpKind::BitXor: return Binary::make(BinOp::Xor, a, b);
    }
    HY_UNREACHABLE("binary operator");
  }

  static CmpOp cmpOp(A::CmpOpKind k) {
    switch (k) {
    case A::CmpOpKind::Lt: return CmpOp::LT;
    case A::CmpOpKind::Le: return CmpOp::LE;
    case A::CmpOpKind::Gt: return CmpOp::GT;
    case A::CmpOpKind::Ge: return CmpOp::GE;
    case A::CmpOpKind::Eq: return CmpOp::EQ;
    case A::CmpOpKind::Ne: return CmpOp::NE;
    }
    return CmpOp::EQ;
  }

  Expr lowerExpr(const A::Expr &e) {
    if (e.constInt && e.type.isScalar() && !e.type.dtype.isFloat())
      return IntImm::make(e.type.dtype, *e.constInt);
    switch (e.kind) {
    case A::ExprKind::IntLit: {
      DType t = e.type.isScalar() ? e.type.dtype : DType::i32();
      return IntImm::make(t, A::cast<A::IntLit>(&e)->value);
    }
    case A::ExprKind::FloatLit: {
      DType t = e.type.isScalar() ? e.type.dtype : DType::f32();
      return FloatImm::make(t, A::cast<A::FloatLit>(&e)->value);
    }
    case A::ExprKind::BoolLit:
      return IntImm::make(DType::boolean(), A::cast<A::BoolLit>(&e)->value);
    case A::ExprKind::Name: return lowerName(*A::cast<A::Name>(&e));
    case A::ExprKind::Subscript: return lowerSubscript(*A::cast<A::Subscript>(&e));
    case A::ExprKind::Call: return lowerCall(*A::cast<A::Call>(&e));
    case A::ExprKind::BinOp: {
      auto &b = *A::cast<A::BinOp>(&e);
      DType t = e.type.dtype;
      return binary(b.op, Cast::make(t, lowerExpr(*b.lhs)), Cast::make(t, lowerExpr(*b.rhs)));
    }
    case A::ExprKind::UnaryOp: {
      auto &u = *A::cast<A::UnaryOp>(&e);
      Expr v = lowerExpr(*u.operand);
      switch (u.op) {
      case A::UnaryOpKind::Plus: return v;
      case A::UnaryOpKind::Neg:
        if (v.type().isFloat()) return Binary::make(BinOp::Sub, FloatImm::make(v.type(), -0.0), v);
        return Binary::make(BinOp::Sub, makeConst(v.type(), 0), v);
      case A::UnaryOpKind::Not: return Not::make(Cast::make(DType::boolean(), v));
      case A::UnaryOpKind::Invert: return Call::make(v.type(), Intrinsic::BitNot, {v});
      }
      HY_UNREACHABLE("unary operator");
    }
    case A::ExprKind::BoolOp: {
      auto &b = *A::cast<A::BoolOp>(&e);
      Expr r = lowerCond(*b.operands[0]);
      for (size_t k = 1; k < b.operands.size(); ++k)
        r = Logical::make(b.isAnd, r, lowerCond(*b.operands[k]));
      return r;
    }
    case A::ExprKind::Compare: {
      auto &c = *A::cast<A::Compare>(&e);
      Expr r;
      for (size_t k = 0; k < c.ops.size(); ++k) {
        Expr a = lowerExpr(*c.operands[k]), b = lowerExpr(*c.operands[k + 1]);
        DType t = promote(a.type(), b.type());
        Expr cmp = Cmp::make(cmpOp(c.ops[k]), Cast::make(t, a), Cast::make(t, b));
        r = r ? Logical::make(true, r, cmp) : cmp;
      }
      return r;
    }
    case A::ExprKind::IfExp: {
      auto &i = *A::cast<A::IfExp>(&e);
      Expr t = lowerExpr(*i.then), f = lowerExpr(*i.orelse);
      return Select::make(lowerCond(*i.cond), t, Cast::make(t.type(), f));
    }
    case A::ExprKind::StrLit:
    case A::ExprKind::Attribute:
    case A::ExprKind::Tuple: break;
    }
    HY_UNREACHABLE("expression kind has no scalar value here");
  }

  Expr lowerName(const A::Name &n) {
    const A::Symbol *sym = n.symbol;
    HY_ASSERT(sym, "unresolved name " + n.id);
    if (sym->constInt)
      return IntImm::make(sym->dtype.isValid() ? sym->dtype : DType::i32(), *sym->constInt);
    auto it = env.find(sym);
    if (sym->kind == A::Symbol::Var) {
      if (inShape_ && sym->initExpr) return lowerExpr(*sym->initExpr);
      Binding &b = varBinding(*sym);
      return Var::make(b.varType, b.varName);
    }
    HY_ASSERT(it != env.end() && it->second.value, "name '" + n.id + "' has no value in the IR");
    return it->second.value;
  }

  Expr lowerSubscript(const A::Subscript &s) {
    // a.shape[k]
    if (auto *attr = A::dyn_cast<A::Attribute>(s.value.get())) {
      HY_ASSERT(attr->attr == "shape", "subscript of attribute " + attr->attr);
      HY_ASSERT(s.indices.size() == 1 && s.indices[0]->constInt, "shape index");
      int64_t k = *s.indices[0]->constInt;
      Buffer b = bufferOf(*attr->value);
      return Cast::make(DType::i32(), b->shape.at((size_t)k));
    }
    auto *name = A::cast<A::Name>(s.value.get());
    const A::Symbol *sym = name->symbol;
    std::vector<Expr> idx;
    for (auto &i : s.indices) idx.push_back(lowerExpr(*i));
    if (sym && sym->kind == A::Symbol::ConstArray) {
      // Compile-time array: constant indices give the element itself. The
      // values are those of the bound buffer (a callee's const parameter is
      // bound to the caller's array).
      Buffer cb = bufferOf(*name);
      const std::vector<double> &values = cb->constData;
      int64_t flat = 0, stride = 1;
      bool allConst = true;
      std::vector<int64_t> dims;
      for (auto &d : cb->shape) dims.push_back(asConstInt(d) ? *asConstInt(d) : 0);
      for (size_t k = idx.size(); k-- > 0;) {
        Expr si = simplify(idx[k]); // held: asConstInt points into the node
        const int64_t *c = asConstInt(si);
        if (!c) {
          allConst = false;
          break;
        }
        flat += *c * stride;
        stride *= dims[k];
      }
      if (allConst && flat >= 0 && (size_t)flat < values.size())
        return makeConstF(cb->dtype, values[(size_t)flat]);
    }
    Buffer b = bufferOf(*name);
    return Load::make(b, idx);
  }

  Expr lowerCall(const A::Call &c) {
    const std::string &f = c.callee;
    DType t = c.type.dtype;
    if (auto dt = DType::parse(f)) return Cast::make(*dt, lowerExpr(*c.args[0]));
    if (f == "min" || f == "max") {
      Expr a = lowerExpr(*c.args[0]), b = lowerExpr(*c.args[1]);
      DType pt = promote(a.type(), b.type());
      return Binary::make(f == "min" ? BinOp::Min : BinOp::Max, Cast::make(pt, a),
                          Cast::make(pt, b));
    }
    if (f == "len") {
      Buffer b = bufferOf(*c.args[0]);
      return Cast::make(DType::i32(), b->shape[0]);
    }
    if (f == "ceil_div") {
      Expr a = lowerExpr(*c.args[0]), b = lowerExpr(*c.args[1]);
      DType pt = promote(a.type(), b.type());
      a = Cast::make(pt, a), b = Cast::make(pt, b);
      return Binary::make(BinOp::FloorDiv, a + b - makeConst(pt, 1), b);
    }
    if (f == "max_num_threads") return IntImm::make(DType::i32(), maxNumThreads);
    std::optional<Intrinsic> builtin = intrinsicOfBuiltin(f);
    HY_ASSERT(builtin, "call to unknown builtin " + f);
    Intrinsic in = *builtin;
    std::vector<Expr> args;
    for (auto &a : c.args) args.push_back(Cast::make(t, lowerExpr(*a)));
    if (in == Intrinsic::Popcount) {
      args.clear();
      for (auto &a : c.args) args.push_back(lowerExpr(*a));
      t = args[0].type();
    }
    return Call::make(t, in, std::move(args));
  }
};

std::string dimText(const A::Symbol &s) {
  std::string out = s.dtype.str() + "[";
  for (size_t k = 0; k < s.shape.size(); ++k) {
    out += k ? ", " : "";
    if (s.shape[k].constant)
      out += std::to_string(*s.shape[k].constant);
    else if (s.shape[k].param)
      out += s.shape[k].param->name;
    else
      out += "?";
  }
  return out + (s.shape.empty() ? "()]" : "]"); // 0-d: float32[()]
}

} // namespace

LoweredFunc lowerDef(const ast::Module &m, const ast::Def &def, const std::string &symbolName,
                     int maxNumThreads) {
  DefLowerer L(m, def, "");
  L.maxNumThreads = maxNumThreads;
  LoweredFunc f;
  f.name = symbolName;
  f.sourceName = def.name;
  f.loc = def.nameRange.begin;
  std::string comment = def.name + "(";
  // Scalars first (shapes refer to them), then tensors.
  for (auto &p : def.params) {
    const A::Symbol *s = p.symbol;
    HY_ASSERT(s, "unchecked parameter");
    if (s->kind == A::Symbol::ScalarParam) L.env[s].value = Var::make(s->dtype, s->name);
  }
  bool first = true;
  for (auto &p : def.params) {
    const A::Symbol *s = p.symbol;
    comment += (first ? "" : ", ") + s->name + ": ";
    first = false;
    if (s->kind == A::Symbol::ScalarParam) {
      f.args.push_back({Arg::Scalar, s->name, s->dtype, nullptr});
      comment += s->dtype.str();
      continue;
    }
    if (s->kind == A::Symbol::ConstArray) {
      std::vector<Expr> shape;
      for (auto &d : s->shape) shape.push_back(IntImm::make(DType::i64(), d.constant.value_or(0)));
      Buffer b = loopnest::makeDenseBuffer(s->name, s->dtype, shape, BufferNode::Const);
      b->constData = s->constValues;
      L.env[s].buffer = b;
      comment += "const " + dimText(*s);
      continue;
    }
    Buffer b =
        loopnest::makeDenseBuffer(s->name, s->dtype, L.lowerShape(s->shape), BufferNode::Input);
    if (s->strided) {
      b->strided = true;
      for (size_t k = 0; k < b->strides.size(); ++k)
        b->strides[k] = Var::make(DType::i64(), strideName(s->name, k));
    }
    L.env[s].buffer = b;
    f.args.push_back({Arg::InputBuffer, s->name, s->dtype, b});
    comment += dimText(*s) + (s->strided ? " strided" : "");
  }
  comment += ") -> (";
  // Outputs in return order.
  for (size_t k = 0; k < def.outputs.size(); ++k) {
    const A::Symbol *s = def.outputs[k];
    Buffer b =
        loopnest::makeDenseBuffer(s->name, s->dtype, L.lowerShape(s->shape), BufferNode::Output);
    L.env[s].buffer = b;
    L.env[s].preBound = true;
    f.args.push_back({Arg::OutputBuffer, s->name, s->dtype, b});
    comment += (k ? ", " : "") + s->name + ": " + dimText(*s);
  }
  comment += ")";
  f.signatureComment = comment;
  // Symbolic sizes must not be negative.
  for (auto &p : def.params) {
    const A::Symbol *s = p.symbol;
    if (s->kind != A::Symbol::ScalarParam || !s->dtype.isIntegral()) continue;
    bool usedAsDim = false;
    for (auto &q : def.symbols)
      for (auto &d : q->shape) usedAsDim |= d.param == s;
    if (usedAsDim)
      f.argChecks.push_back(
          {Cmp::make(CmpOp::GE, Var::make(s->dtype, s->name), makeConst(s->dtype, 0)),
           "size '" + s->name + "' is negative"});
  }
  f.body = L.lowerBody();
  // Inputs the kernel (or a def it inlines) stores into.
  struct MarkWritten : IRVisitor {
    using IRVisitor::visit;
    void visit(const Store *n) override {
      if (n->buffer->kind == BufferNode::Input) n->buffer->written = true;
      IRVisitor::visit(n);
    }
  } mark;
  mark.visit(f.body);
  return f;
}

} // namespace hybridc
