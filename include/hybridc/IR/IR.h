//===- IR.h - The loop IR -------------------------------------------------===//
//
// Immutable, reference-counted nodes (Halide/TVM style): an Expr or Stmt is
// a handle to a const node; passes build new trees. Every node kind comes
// from IRNodes.def. Tensors are Buffers (shared, named, typed, with shape and
// element strides); loads and stores index them with one Expr per dimension
// and codegen flattens. Scalars are Vars; mutable hybrid-script variables are
// VarDecl/Assign, which codegen keeps in registers (SSA), never in memory.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "hybridc/Support/DType.h"
#include "hybridc/Support/SourceManager.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hybridc::ir {

enum class ExprKind : uint8_t {
#define HY_IR_EXPR(Name) Name,
#include "hybridc/IR/IRNodes.def"
};
enum class StmtKind : uint8_t {
#define HY_IR_STMT(Name) Name,
#include "hybridc/IR/IRNodes.def"
};

struct ExprNode {
  const ExprKind kind;
  DType type;
  ExprNode(ExprKind k, DType t) : kind(k), type(t) {}
  virtual ~ExprNode() = default;
};
struct StmtNode {
  const StmtKind kind;
  SourceLoc loc; // the .hy location this statement came from (for -g)
  explicit StmtNode(StmtKind k) : kind(k) {}
  virtual ~StmtNode() = default;
};

/// A handle to an immutable expression node (may be null).
class Expr {
public:
  Expr() = default;
  Expr(std::shared_ptr<const ExprNode> n) : node_(std::move(n)) {}
  /// Integer constants convert implicitly to int32 IntImms (for brevity in passes).
  Expr(int v);
  const ExprNode *get() const { return node_.get(); }
  const ExprNode *operator->() const { return node_.get(); }
  explicit operator bool() const { return (bool)node_; }
  DType type() const { return node_->type; }
  template <typename T> const T *as() const {
    return node_ && node_->kind == T::kKind ? static_cast<const T *>(node_.get()) : nullptr;
  }
  bool same(const Expr &o) const { return node_ == o.node_; }

private:
  std::shared_ptr<const ExprNode> node_;
};

class Stmt {
public:
  Stmt() = default;
  Stmt(std::shared_ptr<const StmtNode> n) : node_(std::move(n)) {}
  const StmtNode *get() const { return node_.get(); }
  const StmtNode *operator->() const { return node_.get(); }
  explicit operator bool() const { return (bool)node_; }
  template <typename T> const T *as() const {
    return node_ && node_->kind == T::kKind ? static_cast<const T *>(node_.get()) : nullptr;
  }
  bool same(const Stmt &o) const { return node_ == o.node_; }

private:
  std::shared_ptr<const StmtNode> node_;
};

//===--- Buffers ---------------------------------------------------------===//

struct BufferNode {
  enum Kind : uint8_t { Input, Output, Temp, Const };
  std::string name;
  DType dtype;
  Kind kind = Temp;
  std::vector<Expr> shape;       // extents, int64 or int32 exprs over params
  std::vector<Expr> strides;     // element strides, one per dim (dense: products of shape)
  bool strided = false;          // strides are run-time parameters (C ABI: int64_t each)
  bool written = false;          // Input: the kernel stores into it (header: non-const)
  std::string scope = "global";  // Temp: global, local, shared
  std::vector<double> constData; // Const: row-major values
  /// Schedule "stream": whole-vector stores into it are non-temporal where
  /// aligned (docs/schedules.md "stream"); no change to its values.
  bool stream = false;
};
using Buffer = std::shared_ptr<BufferNode>;

//===--- Expressions -----------------------------------------------------===//

#define HY_NODE(K, Base) static constexpr Base##Kind kKind = Base##Kind::K;

struct IntImm : ExprNode {
  HY_NODE(IntImm, Expr)
  int64_t value;
  IntImm(DType t, int64_t v) : ExprNode(kKind, t), value(v) {}
  static Expr make(DType t, int64_t v);
};
struct FloatImm : ExprNode {
  HY_NODE(FloatImm, Expr)
  double value;
  FloatImm(DType t, double v) : ExprNode(kKind, t), value(v) {}
  static Expr make(DType t, double v);
};
struct StringImm : ExprNode {
  HY_NODE(StringImm, Expr)
  std::string value;
  explicit StringImm(std::string v) : ExprNode(kKind, DType()), value(std::move(v)) {}
  static Expr make(std::string v);
};
struct Var : ExprNode {
  HY_NODE(Var, Expr)
  std::string name;
  Var(DType t, std::string n) : ExprNode(kKind, t), name(std::move(n)) {}
  static Expr make(DType t, std::string n);
};
struct Cast : ExprNode {
  HY_NODE(Cast, Expr)
  Expr value;
  Cast(DType t, Expr v) : ExprNode(kKind, t), value(std::move(v)) {}
  static Expr make(DType t, Expr v); // no-op when the type already matches
};

enum class BinOp : uint8_t { Add, Sub, Mul, Div, FloorDiv, FloorMod, Min, Max, And, Or, Xor };
const char *spelling(BinOp op);
/// Both operands have the node's type. Div is float division (or truncating
/// integer division created by passes on known non-negative operands);
/// FloorDiv/FloorMod round toward minus infinity (Python).
struct Binary : ExprNode {
  HY_NODE(Binary, Expr)
  BinOp op;
  Expr a, b;
  Binary(BinOp op, Expr a, Expr b)
      : ExprNode(kKind, a.type()), op(op), a(std::move(a)), b(std::move(b)) {}
  static Expr make(BinOp op, Expr a, Expr b);
};

enum class CmpOp : uint8_t { EQ, NE, LT, LE, GT, GE };
const char *spelling(CmpOp op);
struct Cmp : ExprNode {
  HY_NODE(Cmp, Expr)
  CmpOp op;
  Expr a, b;
  Cmp(CmpOp op, Expr a, Expr b)
      : ExprNode(kKind, DType::boolean().withLanes(a.type().lanes)), op(op), a(std::move(a)),
        b(std::move(b)) {}
  static Expr make(CmpOp op, Expr a, Expr b);
};
struct Logical : ExprNode {
  HY_NODE(Logical, Expr)
  bool isAnd;
  Expr a, b;
  Logical(bool isAnd, Expr a, Expr b)
      : ExprNode(kKind, a.type()), isAnd(isAnd), a(std::move(a)), b(std::move(b)) {}
  static Expr make(bool isAnd, Expr a, Expr b);
};
struct Not : ExprNode {
  HY_NODE(Not, Expr)
  Expr a;
  explicit Not(Expr a) : ExprNode(kKind, a.type()), a(std::move(a)) {}
  static Expr make(Expr a);
};
struct Select : ExprNode {
  HY_NODE(Select, Expr)
  Expr cond, t, f;
  Select(Expr c, Expr t, Expr f)
      : ExprNode(kKind, t.type()), cond(std::move(c)), t(std::move(t)), f(std::move(f)) {}
  static Expr make(Expr c, Expr t, Expr f);
};
struct Load : ExprNode {
  HY_NODE(Load, Expr)
  Buffer buffer;
  std::vector<Expr> indices; // one per dimension; a vector index gives a vector load
  /// Null, or (made by vectorize-loops under a per-lane condition) a bool
  /// vector: a vector load reads only the lanes where it is true (the
  /// others are 0); a scalar load reads when any lane is true (else 0).
  Expr predicate;
  Load(DType t, Buffer b, std::vector<Expr> idx, Expr pred)
      : ExprNode(kKind, t), buffer(std::move(b)), indices(std::move(idx)),
        predicate(std::move(pred)) {}
  static Expr make(Buffer b, std::vector<Expr> idx, Expr predicate = Expr());
  /// After flatten-storage: one int64 element offset (`lanes` wide; null
  /// for a zero-dimensional buffer).
  static Expr makeFlat(Buffer b, Expr offset, int lanes, Expr predicate = Expr());
};
struct Ramp : ExprNode {
  HY_NODE(Ramp, Expr)
  Expr base, stride;
  int lanes;
  Ramp(Expr b, Expr s, int l)
      : ExprNode(kKind, b.type().withLanes(l)), base(std::move(b)), stride(std::move(s)), lanes(l) {
  }
  static Expr make(Expr base, Expr stride, int lanes);
};
struct Broadcast : ExprNode {
  HY_NODE(Broadcast, Expr)
  Expr value;
  int lanes;
  Broadcast(Expr v, int l)
      : ExprNode(kKind, v.type().withLanes(l)), value(std::move(v)), lanes(l) {}
  static Expr make(Expr v, int lanes);
};

/// The intrinsic functions: Intrinsics.def lists each with what every
/// layer needs to know of it.
enum class Intrinsic : uint8_t {
#define HY_INTRINSIC(Name, Spelling, Kind, LLVMUnary, VectorMath, Libm) Name,
#include "hybridc/IR/Intrinsics.def"
};
constexpr unsigned kNumIntrinsics = 0
#define HY_INTRINSIC(Name, Spelling, Kind, LLVMUnary, VectorMath, Libm) +1
#include "hybridc/IR/Intrinsics.def"
    ;
const char *spelling(Intrinsic f);
/// The intrinsic a source builtin (Kind Math1 or Builtin in Intrinsics.def)
/// lowers to, or nothing.
std::optional<Intrinsic> intrinsicOfBuiltin(std::string_view name);
/// The libm function LLVM or the code generator may call for `f` (float64;
/// the float32 one adds 'f'), or "".
const char *libmOf(Intrinsic f);
struct Call : ExprNode {
  HY_NODE(Call, Expr)
  Intrinsic func;
  std::vector<Expr> args;
  Call(DType t, Intrinsic f, std::vector<Expr> a)
      : ExprNode(kKind, t), func(f), args(std::move(a)) {}
  static Expr make(DType t, Intrinsic f, std::vector<Expr> args);
};
/// Vector lane operations: Extract (one lane -> scalar), Reduce (a
/// horizontal reduction with `op` over all lanes).
struct Shuffle : ExprNode {
  HY_NODE(Shuffle, Expr)
  enum Op : uint8_t { Extract, ReduceAdd, ReduceMul, ReduceMin, ReduceMax } op;
  Expr vec;
  int lane = 0;
  Shuffle(DType t, Op op, Expr v, int lane)
      : ExprNode(kKind, t), op(op), vec(std::move(v)), lane(lane) {}
  static Expr extract(Expr v, int lane);
  static Expr reduce(Op op, Expr v);
};

//===--- Statements ------------------------------------------------------===//

struct LetStmt : StmtNode {
  HY_NODE(LetStmt, Stmt)
  std::string name;
  Expr value;
  Stmt body;
  LetStmt(std::string n, Expr v, Stmt b)
      : StmtNode(kKind), name(std::move(n)), value(std::move(v)), body(std::move(b)) {}
  static Stmt make(std::string name, Expr value, Stmt body);
};
struct VarDecl : StmtNode {
  HY_NODE(VarDecl, Stmt)
  std::string name;
  DType type;
  Stmt body;
  VarDecl(std::string n, DType t, Stmt b)
      : StmtNode(kKind), name(std::move(n)), type(t), body(std::move(b)) {}
  static Stmt make(std::string name, DType t, Stmt body);
};
struct Assign : StmtNode {
  HY_NODE(Assign, Stmt)
  std::string name;
  Expr value;
  Assign(std::string n, Expr v) : StmtNode(kKind), name(std::move(n)), value(std::move(v)) {}
  static Stmt make(std::string name, Expr value);
};
struct Store : StmtNode {
  HY_NODE(Store, Stmt)
  Buffer buffer;
  std::vector<Expr> indices;
  Expr value;
  /// Null, or a bool vector: the lanes stored (a scalar store: when any
  /// lane is true). See Load::predicate.
  Expr predicate;
  Store(Buffer b, std::vector<Expr> i, Expr v, Expr pred)
      : StmtNode(kKind), buffer(std::move(b)), indices(std::move(i)), value(std::move(v)),
        predicate(std::move(pred)) {}
  static Stmt make(Buffer b, std::vector<Expr> indices, Expr value, Expr predicate = Expr());
  /// After flatten-storage: one int64 element offset (null for a
  /// zero-dimensional buffer).
  static Stmt makeFlat(Buffer b, Expr offset, Expr value, Expr predicate = Expr());
};

enum class ForKind : uint8_t { Serial, Parallel, Vectorized, Unrolled, ThreadBinding };
const char *spelling(ForKind k);
struct For : StmtNode {
  HY_NODE(For, Stmt)
  std::string name; // also the loop variable's name (int32)
  Expr min, extent;
  ForKind forKind;
  std::string threadTag; // ThreadBinding only
  Stmt body;
  For(std::string n, Expr mn, Expr ext, ForKind k, std::string tag, Stmt b)
      : StmtNode(kKind), name(std::move(n)), min(std::move(mn)), extent(std::move(ext)), forKind(k),
        threadTag(std::move(tag)), body(std::move(b)) {}
  static Stmt make(std::string name, Expr min, Expr extent, ForKind k, Stmt body,
                   std::string threadTag = "");
};
struct While : StmtNode {
  HY_NODE(While, Stmt)
  Expr cond;
  Stmt body;
  While(Expr c, Stmt b) : StmtNode(kKind), cond(std::move(c)), body(std::move(b)) {}
  static Stmt make(Expr cond, Stmt body);
};
struct Break : StmtNode {
  HY_NODE(Break, Stmt)
  Break() : StmtNode(kKind) {}
  static Stmt make();
};
struct Continue : StmtNode {
  HY_NODE(Continue, Stmt)
  Continue() : StmtNode(kKind) {}
  static Stmt make();
};
struct IfThenElse : StmtNode {
  HY_NODE(IfThenElse, Stmt)
  Expr cond;
  Stmt then, otherwise; // otherwise may be null
  IfThenElse(Expr c, Stmt t, Stmt e)
      : StmtNode(kKind), cond(std::move(c)), then(std::move(t)), otherwise(std::move(e)) {}
  static Stmt make(Expr cond, Stmt then, Stmt otherwise = Stmt());
};
struct Block : StmtNode {
  HY_NODE(Block, Stmt)
  std::vector<Stmt> stmts;
  explicit Block(std::vector<Stmt> s) : StmtNode(kKind), stmts(std::move(s)) {}
  /// Flattens nested blocks; a single statement is returned as is.
  static Stmt make(std::vector<Stmt> stmts);
};
struct Allocate : StmtNode {
  HY_NODE(Allocate, Stmt)
  Buffer buffer;
  Stmt body;
  Allocate(Buffer b, Stmt s) : StmtNode(kKind), buffer(std::move(b)), body(std::move(s)) {}
  static Stmt make(Buffer b, Stmt body);
};
struct AssertStmt : StmtNode {
  HY_NODE(AssertStmt, Stmt)
  Expr cond;
  std::string message;
  AssertStmt(Expr c, std::string m) : StmtNode(kKind), cond(std::move(c)), message(std::move(m)) {}
  static Stmt make(Expr cond, std::string message);
};
struct Evaluate : StmtNode {
  HY_NODE(Evaluate, Stmt)
  Expr value;
  explicit Evaluate(Expr v) : StmtNode(kKind), value(std::move(v)) {}
  static Stmt make(Expr v);
};
/// Made by lower-parallel (Passes.h): `body` compiled as a function of its
/// own. A parallel For runs on the runtime's thread pool, its iterations in
/// chunks; a serial For, or statements (`body` anything else), are called
/// once. The function receives what the body uses from outside.
struct Outlined : StmtNode {
  HY_NODE(Outlined, Stmt)
  struct Capture {
    std::string name; // a scalar bound outside the body
    bool byAddress;   // a mutable variable the body assigns (else its value)
  };
  std::string name; // of the functions: <def>.par.<name>, <def>.nest.<name>
  bool parallel;
  std::vector<Capture> captures; // in order of first use
  std::vector<Buffer> buffers;   // bound outside (their base pointers), in order of first use
  Stmt body;
  Outlined(std::string n, bool par, std::vector<Capture> c, std::vector<Buffer> bufs, Stmt b)
      : StmtNode(kKind), name(std::move(n)), parallel(par), captures(std::move(c)),
        buffers(std::move(bufs)), body(std::move(b)) {}
  static Stmt make(std::string name, bool parallel, std::vector<Capture> captures,
                   std::vector<Buffer> buffers, Stmt body);
};

#undef HY_NODE

/// Copies `s` with its source location set (statements are immutable).
Stmt withLoc(Stmt s, SourceLoc loc);

//===--- Functions -------------------------------------------------------===//

/// One parameter of the generated C function, in ABI order.
struct Arg {
  enum Kind : uint8_t { Scalar, InputBuffer, OutputBuffer } kind;
  std::string name;
  DType dtype;   // scalar type, or element type of the buffer
  Buffer buffer; // buffers only
};

/// A lowered def: the C signature and the loop nest.
/// One GPU kernel of a def on the cuda target (the split-host-device pass,
/// Transforms/SplitHostDevice.h; docs/cuda.md).
struct DeviceKernel {
  std::string name; // the PTX entry: <def symbol>_k<N>
  Stmt body;        // one top-level nest of the def's body, with its barriers
  /// Bound extents by tag ("blockIdx.x", "threadIdx.y", ...); over the
  /// def's scalar parameters only.
  std::map<std::string, Expr> extents;
};

struct LoweredFunc {
  std::string name;       // exported symbol (after --symbol-prefix)
  std::string sourceName; // the def's name in the .hy
  std::vector<Arg> args;  // inputs in source order, then outputs in return order
  /// Conditions on the arguments checked on entry, before anything else:
  /// when one is false the kernel returns 2 (bad argument) with the message
  /// (e.g. "n >= 0" for a symbolic size). Null buffer pointers are always
  /// checked by codegen and need no entry here.
  std::vector<std::pair<Expr, std::string>> argChecks;
  Stmt body;
  SourceLoc loc;
  /// A comment for the header: the def's shapes, e.g. "a: float32[n, 4]".
  std::string signatureComment;
  /// cuda target, after split-host-device: the kernels; `body` is then the
  /// host part, one launch (SplitHostDevice.h, launchedKernel) per kernel.
  std::vector<DeviceKernel> kernels;
  /// Set by flatten-storage: every Load/Store has one int64 element offset
  /// instead of an index per dimension (Passes.h, flattenStorage).
  bool storageFlat = false;
};

//===--- Helpers ---------------------------------------------------------===//

Expr makeConst(DType t, int64_t v); // IntImm or FloatImm of type t (broadcast for vectors)
/// "<buffer>.stride<dim>": a strided input's stride parameter, or the let
/// flatten-storage binds a symbolic stride to.
std::string strideName(const std::string &buffer, size_t dim);
Expr makeConstF(DType t, double v);
const int64_t *asConstInt(const Expr &e); // non-null for a scalar IntImm
/// The value of an integer expression made of constants, variables that
/// `lookup` knows, integer casts and + - * // % min max (and `/` truncating),
/// with the language's wrap-around at each node's type width; nothing for
/// anything else or a zero divisor. One evaluator for the legality
/// checker's witnesses and the interpreter's sizes.
std::optional<int64_t>
evalInt(const Expr &e, const std::function<std::optional<int64_t>(const std::string &)> &lookup);
bool isConstInt(const Expr &e, int64_t v);
/// Structural equality (same tree, same constants, same buffers).
bool equal(const Expr &a, const Expr &b);
Expr operator+(Expr a, Expr b);
Expr operator-(Expr a, Expr b);
Expr operator*(Expr a, Expr b);

} // namespace hybridc::ir
