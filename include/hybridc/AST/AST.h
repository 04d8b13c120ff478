//===- AST.h - Syntax tree of a .hy file ----------------------------------===//
//
// The parser builds it; Sema annotates it in place (Expr::type, Name::symbol,
// Def::symbols) and never changes its shape; lowering reads it. Every node has
// a source range. Nodes are owned by unique_ptr in their parent.
//
// Kind-based RTTI: `isa<Call>(e)`, `dyn_cast<Call>(e)`, `cast<Call>(e)`.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "hybridc/Support/DType.h"
#include "hybridc/Support/SourceManager.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hybridc::ast {

template <typename T, typename U> bool isa(const U *n) { return n && T::classof(n); }
template <typename T, typename U> T *dyn_cast(U *n) {
  return isa<T>(n) ? static_cast<T *>(n) : nullptr;
}
template <typename T, typename U> const T *dyn_cast(const U *n) {
  return isa<T>(n) ? static_cast<const T *>(n) : nullptr;
}
template <typename T, typename U> T *cast(U *n) { return static_cast<T *>(n); }
template <typename T, typename U> const T *cast(const U *n) { return static_cast<const T *>(n); }

struct Stmt;
struct Def;
struct Symbol;

//===--- Types assigned by Sema ------------------------------------------===//

/// What an expression denotes after checking.
struct Type {
  enum Kind : uint8_t {
    Unknown,  // not checked yet, or erroneous (errors are not repeated)
    Scalar,   // a value of `dtype`
    Tensor,   // a tensor/buffer: `dtype` + `rank` (a Name of a tensor)
    Shape,    // a.shape: a tuple of `rank` int32 values
    DTypeRef, // a.dtype or a dtype name used as a value
    String,   // a string literal
    Tuple,    // a tuple expression or a multi-output call
    None,     // a statement-like call with no value
  };
  Kind kind = Unknown;
  DType dtype;
  int rank = 0;

  static Type scalar(DType d) { return {Scalar, d, 0}; }
  static Type tensor(DType d, int rank) { return {Tensor, d, rank}; }
  bool isScalar() const { return kind == Scalar; }
  bool isTensor() const { return kind == Tensor; }
  bool isUnknown() const { return kind == Unknown; }
  /// "float32", "tensor float32[2-D]", "shape", ...
  std::string str() const;
};

//===--- Expressions -----------------------------------------------------===//

// clang-format off
enum class ExprKind : uint8_t {
  IntLit, FloatLit, BoolLit, StrLit, Name, Attribute, Subscript, Call,
  BinOp, UnaryOp, BoolOp, Compare, IfExp, Tuple
};
// clang-format on

struct Expr {
  const ExprKind kind;
  unsigned height = 1; // of the tree under it (set by the parser, which bounds it)
  SourceRange range;
  Type type;                       // set by Sema
  std::optional<int64_t> constInt; // set by Sema when a compile-time integer
  explicit Expr(ExprKind k, SourceRange r) : kind(k), range(r) {}
  virtual ~Expr() = default;
};
using ExprPtr = std::unique_ptr<Expr>;

#define HY_EXPR_CLASSOF(K)                                                                         \
  static bool classof(const Expr *e) { return e->kind == ExprKind::K; }

struct IntLit : Expr {
  int64_t value; // literals are int32 in the language; Sema checks the range
  IntLit(SourceRange r, int64_t v) : Expr(ExprKind::IntLit, r), value(v) {}
  HY_EXPR_CLASSOF(IntLit)
};
struct FloatLit : Expr {
  double value;
  FloatLit(SourceRange r, double v) : Expr(ExprKind::FloatLit, r), value(v) {}
  HY_EXPR_CLASSOF(FloatLit)
};
struct BoolLit : Expr {
  bool value;
  BoolLit(SourceRange r, bool v) : Expr(ExprKind::BoolLit, r), value(v) {}
  HY_EXPR_CLASSOF(BoolLit)
};
struct StrLit : Expr {
  std::string value; // escapes decoded
  StrLit(SourceRange r, std::string v) : Expr(ExprKind::StrLit, r), value(std::move(v)) {}
  HY_EXPR_CLASSOF(StrLit)
};
struct Name : Expr {
  std::string id;
  Symbol *symbol = nullptr; // set by Sema (null for builtins / dtype names / defs)
  Name(SourceRange r, std::string id) : Expr(ExprKind::Name, r), id(std::move(id)) {}
  HY_EXPR_CLASSOF(Name)
};
/// value.attr — only `a.shape` and `a.dtype` are meaningful.
struct Attribute : Expr {
  ExprPtr value;
  std::string attr;
  SourceRange attrRange;
  Attribute(SourceRange r, ExprPtr v, std::string a, SourceRange ar)
      : Expr(ExprKind::Attribute, r), value(std::move(v)), attr(std::move(a)), attrRange(ar) {}
  HY_EXPR_CLASSOF(Attribute)
};
/// value[i, j, ...] — tensor element access, a.shape[k], or an annotation
/// `float32[n, 4]`.
struct Subscript : Expr {
  ExprPtr value;
  std::vector<ExprPtr> indices;
  Subscript(SourceRange r, ExprPtr v, std::vector<ExprPtr> idx)
      : Expr(ExprKind::Subscript, r), value(std::move(v)), indices(std::move(idx)) {}
  HY_EXPR_CLASSOF(Subscript)
};
/// callee(args...) — callee is a Name (builtin, dtype cast or def).
struct Call : Expr {
  std::string callee;
  SourceRange calleeRange;
  std::vector<ExprPtr> args;
  /// Keyword arguments as written (`dtype='int32'`): the name and its range
  /// per argument, "" for positional ones. Sema puts them in parameter order
  /// and clears this.
  std::vector<std::pair<std::string, SourceRange>> keywords;
  const Def *target = nullptr; // set by Sema when calling another def
  Call(SourceRange r, std::string c, SourceRange cr, std::vector<ExprPtr> a)
      : Expr(ExprKind::Call, r), callee(std::move(c)), calleeRange(cr), args(std::move(a)) {}
  HY_EXPR_CLASSOF(Call)
};

enum class BinOpKind : uint8_t { Add, Sub, Mul, Div, FloorDiv, Mod, BitAnd, BitOr, BitXor };
const char *spelling(BinOpKind k);
struct BinOp : Expr {
  BinOpKind op;
  ExprPtr lhs, rhs;
  SourceRange opRange;
  BinOp(SourceRange r, BinOpKind op, ExprPtr l, ExprPtr rr, SourceRange opr)
      : Expr(ExprKind::BinOp, r), op(op), lhs(std::move(l)), rhs(std::move(rr)), opRange(opr) {}
  HY_EXPR_CLASSOF(BinOp)
};

enum class UnaryOpKind : uint8_t { Neg, Plus, Not, Invert };
struct UnaryOp : Expr {
  UnaryOpKind op;
  ExprPtr operand;
  UnaryOp(SourceRange r, UnaryOpKind op, ExprPtr e)
      : Expr(ExprKind::UnaryOp, r), op(op), operand(std::move(e)) {}
  HY_EXPR_CLASSOF(UnaryOp)
};

/// a and b and c / a or b — flattened operand list.
struct BoolOp : Expr {
  bool isAnd;
  std::vector<ExprPtr> operands;
  BoolOp(SourceRange r, bool isAnd, std::vector<ExprPtr> ops)
      : Expr(ExprKind::BoolOp, r), isAnd(isAnd), operands(std::move(ops)) {}
  HY_EXPR_CLASSOF(BoolOp)
};

enum class CmpOpKind : uint8_t { Lt, Le, Gt, Ge, Eq, Ne };
const char *spelling(CmpOpKind k);
/// a < b <= c — operands.size() == ops.size() + 1; means (a<b) and (b<=c).
struct Compare : Expr {
  std::vector<ExprPtr> operands;
  std::vector<CmpOpKind> ops;
  Compare(SourceRange r, std::vector<ExprPtr> operands, std::vector<CmpOpKind> ops)
      : Expr(ExprKind::Compare, r), operands(std::move(operands)), ops(std::move(ops)) {}
  HY_EXPR_CLASSOF(Compare)
};

/// body if cond else orelse
struct IfExp : Expr {
  ExprPtr cond, then, orelse;
  IfExp(SourceRange r, ExprPtr c, ExprPtr t, ExprPtr e)
      : Expr(ExprKind::IfExp, r), cond(std::move(c)), then(std::move(t)), orelse(std::move(e)) {}
  HY_EXPR_CLASSOF(IfExp)
};

/// (a, b) or a, b — also shapes like (100, 99).
struct Tuple : Expr {
  std::vector<ExprPtr> elts;
  Tuple(SourceRange r, std::vector<ExprPtr> e) : Expr(ExprKind::Tuple, r), elts(std::move(e)) {}
  HY_EXPR_CLASSOF(Tuple)
};

#undef HY_EXPR_CLASSOF

//===--- Statements ------------------------------------------------------===//

// clang-format off
enum class StmtKind : uint8_t {
  Assign, AugAssign, For, While, If, Break, Continue, Return, Assert, ExprStmt, Pass
};
// clang-format on

struct Stmt {
  const StmtKind kind;
  SourceRange range;
  explicit Stmt(StmtKind k, SourceRange r) : kind(k), range(r) {}
  virtual ~Stmt() = default;
};
using StmtPtr = std::unique_ptr<Stmt>;
using Block = std::vector<StmtPtr>;

#define HY_STMT_CLASSOF(K)                                                                         \
  static bool classof(const Stmt *s) { return s->kind == StmtKind::K; }

/// target = value, or t1, t2 = value (targets.size() > 1 for tuple unpacking).
/// Each target is a Name or a Subscript. `annotation` is set for `x: int32 = v`.
struct Assign : Stmt {
  std::vector<ExprPtr> targets;
  ExprPtr value;
  Assign(SourceRange r, std::vector<ExprPtr> t, ExprPtr v)
      : Stmt(StmtKind::Assign, r), targets(std::move(t)), value(std::move(v)) {}
  HY_STMT_CLASSOF(Assign)
};

/// target op= value
struct AugAssign : Stmt {
  ExprPtr target;
  BinOpKind op;
  ExprPtr value;
  SourceRange opRange;
  AugAssign(SourceRange r, ExprPtr t, BinOpKind op, ExprPtr v, SourceRange opr)
      : Stmt(StmtKind::AugAssign, r), target(std::move(t)), op(op), value(std::move(v)),
        opRange(opr) {}
  HY_STMT_CLASSOF(AugAssign)
};

/// for v in iter: body  /  for i, j in grid(4, 8): body
/// `iter` is a Call (range, serial, unroll, parallel, vectorize, const_range,
/// bind, grid); Sema rejects anything else.
struct For : Stmt {
  std::vector<std::unique_ptr<Name>> vars;
  ExprPtr iter;
  Block body;
  std::vector<Symbol *> varSymbols; // set by Sema, one per var
  For(SourceRange r, std::vector<std::unique_ptr<Name>> v, ExprPtr it, Block b)
      : Stmt(StmtKind::For, r), vars(std::move(v)), iter(std::move(it)), body(std::move(b)) {}
  HY_STMT_CLASSOF(For)
};

struct While : Stmt {
  ExprPtr cond;
  Block body;
  While(SourceRange r, ExprPtr c, Block b)
      : Stmt(StmtKind::While, r), cond(std::move(c)), body(std::move(b)) {}
  HY_STMT_CLASSOF(While)
};

/// if / elif / else — an elif is an If as the only statement of `orelse`
/// with `isElif` set.
struct If : Stmt {
  ExprPtr cond;
  Block then, orelse;
  bool isElif = false;
  If(SourceRange r, ExprPtr c, Block t, Block e)
      : Stmt(StmtKind::If, r), cond(std::move(c)), then(std::move(t)), orelse(std::move(e)) {}
  HY_STMT_CLASSOF(If)
};

struct Break : Stmt {
  explicit Break(SourceRange r) : Stmt(StmtKind::Break, r) {}
  HY_STMT_CLASSOF(Break)
};
struct Continue : Stmt {
  explicit Continue(SourceRange r) : Stmt(StmtKind::Continue, r) {}
  HY_STMT_CLASSOF(Continue)
};
/// return x / return x, y / return (x, y)
struct Return : Stmt {
  ExprPtr value; // may be null for a bare `return`
  Return(SourceRange r, ExprPtr v) : Stmt(StmtKind::Return, r), value(std::move(v)) {}
  HY_STMT_CLASSOF(Return)
};
/// assert cond, "msg"
struct Assert : Stmt {
  ExprPtr cond, msg; // msg may be null
  Assert(SourceRange r, ExprPtr c, ExprPtr m)
      : Stmt(StmtKind::Assert, r), cond(std::move(c)), msg(std::move(m)) {}
  HY_STMT_CLASSOF(Assert)
};
/// A bare expression: a docstring (StrLit, ignored) or a call.
struct ExprStmt : Stmt {
  ExprPtr value;
  ExprStmt(SourceRange r, ExprPtr v) : Stmt(StmtKind::ExprStmt, r), value(std::move(v)) {}
  HY_STMT_CLASSOF(ExprStmt)
};
struct Pass : Stmt {
  explicit Pass(SourceRange r) : Stmt(StmtKind::Pass, r) {}
  HY_STMT_CLASSOF(Pass)
};

#undef HY_STMT_CLASSOF

//===--- Symbols (Sema) --------------------------------------------------===//

/// One dimension of a tensor shape: a constant, or an int expression over
/// scalar parameters (`n`, `n + 1`, `a.shape[0]` of a symbolic tensor).
struct Dim {
  std::optional<int64_t> constant;
  const Expr *expr = nullptr;    // the defining expression (in the annotation,
                                 // the schedule "args", or the output_tensor call)
  const Symbol *param = nullptr; // set when the dim is exactly a scalar param
  bool isConst() const { return constant.has_value(); }
};

/// A declared name in a def.
struct Symbol {
  enum Kind : uint8_t {
    ScalarParam,  // n: int32
    TensorParam,  // a: float32[100]  (input, read-only)
    ConstArray,   // schedule "const" argument: compile-time array
    OutputTensor, // c = output_tensor(...)
    Allocated,    // t = allocate(...)
    Var,          // scalar variable, declared by its first store
    LoopVar,      // for variable
  };
  Kind kind;
  std::string name;
  SourceRange declRange; // the declaring occurrence
  DType dtype;
  std::vector<Dim> shape;          // tensors only
  bool strided = false;            // TensorParam with "strides": true
  std::string scope;               // Allocated: "global", "local", "shared"
  std::vector<double> constValues; // ConstArray elements (row-major)
  const Stmt *scopeStmt = nullptr; // innermost enclosing For (null = def body)
  /// Var assigned exactly once, from a compile-time constant: usable as a
  /// const_range bound or a shape. LoopVar of a const_range while unrolling
  /// has no value here (lowering substitutes).
  std::optional<int64_t> constInt;
  int outputIndex = -1; // position in the return tuple for OutputTensor
  /// Var stored exactly once: the stored expression. Dim::expr may mention
  /// such a Var when its value is loop-invariant (`n = a.shape[0]`, then
  /// `output_tensor((n + 1,))`); evaluate the Var through this expression.
  const Expr *initExpr = nullptr;
  bool isTensor() const {
    return kind == TensorParam || kind == ConstArray || kind == OutputTensor || kind == Allocated;
  }
  int rank() const { return (int)shape.size(); }
};

//===--- Module ----------------------------------------------------------===//

struct Param {
  std::unique_ptr<Name> name;
  ExprPtr annotation; // null when unannotated
  SourceRange range;
  Symbol *symbol = nullptr; // set by Sema
};

struct Def {
  std::string name;
  SourceRange nameRange;
  SourceRange range; // the whole def including its body
  std::vector<Param> params;
  Block body;
  // Set by Sema:
  std::vector<std::unique_ptr<Symbol>> symbols; // params first, in order
  std::vector<Symbol *> outputs;                // in return order
  std::vector<std::string> constParams;         // given a value by the schedule, removed
  bool checked = false;                         // passed Sema without errors
};

/// `N = 16` at the top level: a compile-time constant every def sees (TVM
/// captures Python globals). Sema substitutes the value (SemaDesugar.cpp).
struct ModuleConst {
  std::unique_ptr<Name> name;
  ExprPtr value;
  SourceRange range;
};

struct Module {
  uint32_t buffer = 0;                // source buffer id
  std::vector<ModuleConst> constants; // in source order
  std::vector<std::unique_ptr<Def>> defs;
  const Def *find(const std::string &name) const {
    for (auto &d : defs)
      if (d->name == name) return d.get();
    return nullptr;
  }
};

/// Calls `fn` on every expression slot of a def (parameter annotations,
/// then the body), each before its sub-expressions; `fn` may replace the
/// expression in the slot, and the walk then continues into the new one.
/// For-loop variables are not slots (they are Names owned by the For).
void forEachExprSlot(Def &d, const std::function<void(ExprPtr &)> &fn);

/// Calls `fn` on every statement of `b` and of the blocks nested in it
/// (for, while, if/else bodies), each before the statements inside it.
void forEachStmt(const Block &b, const std::function<void(const Stmt &)> &fn);

/// A deep copy of an unchecked expression (types and symbols not copied).
ExprPtr clone(const Expr &e);

/// Prints the tree in an indented S-expression form (for parser tests and
/// --dump-ast).
std::string dump(const Module &m);
std::string dump(const Expr &e);

} // namespace hybridc::ast
