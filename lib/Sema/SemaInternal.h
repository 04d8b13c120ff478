//===- SemaInternal.h - The checker's private classes ---------------------===//
//
// Private to lib/Sema. checkModule() (Sema.cpp) orders the defs so that every
// callee is checked before its callers, reports recursion, and runs one
// DefChecker per def. A DefChecker first types the parameters (annotations
// and the schedule's "args", SemaParams.cpp), then walks the body
// (SemaStmt.cpp), typing and folding expressions (SemaExpr.cpp) and calls
// (SemaCall.cpp) as it goes.
//
// Recovery: an erroneous expression gets Type::Unknown; every rule stays
// silent about Unknown operands, so one mistake gives one diagnostic. A name
// whose declaration failed still gets a Symbol with an invalid dtype, so its
// later uses are Unknown too rather than "undeclared".
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Builtins.h"

#include "hybridc/AST/AST.h"
#include "hybridc/Schedule/Schedule.h"
#include "hybridc/Support/Diagnostics.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace hybridc::sema {

/// SemaDesugar.cpp: early returns, tuple-of-tensor parameters, module
/// constants and scalar "const" args rewritten into plain AST before the
/// checker runs (checkModule() calls it first).
void desugarModule(ast::Module &m, const ScheduleFile *schedule, DiagnosticEngine &diags);

/// State shared by the checks of all defs of one module.
struct ModuleContext {
  ast::Module &module;
  const ScheduleFile *schedule;
  DiagnosticEngine &diags;
  /// Calls that close a recursion cycle (already reported).
  std::set<const ast::Call *> recursiveCalls;
  /// Defs with a parameter whose type is unknown: calls to them are not
  /// checked further.
  std::set<const ast::Def *> badSignature;
};

/// Where an expression appears, for the calls that are only valid directly
/// on the right of `name = ...`.
enum class Ctx : uint8_t {
  Value,     // anywhere
  BufferRHS, // `x = <here>`: output_tensor/allocate/one-output def call ok
  MultiRHS,  // `x, y = <here>`: a def call with several outputs ok
};

/// A `for` or `while` enclosing the statement being checked.
struct LoopScope {
  const ast::Stmt *stmt;
  LoopKind kind; // While loops are Serial
  bool isWhile;
  int64_t copies = 1; // const_range/unroll: body copies made by this loop and those around it
};

/// At most this many copies of a loop body come from const_range/unroll()
/// loops (nested ones multiply): beyond it compile time and memory grow
/// without bound (README, "Limits").
constexpr int64_t kMaxUnrolledCopies = 65536;

class DefChecker {
public:
  DefChecker(ModuleContext &mc, ast::Def &def) : mc_(mc), diags_(mc.diags), def_(def) {}

  /// Types the parameters (SemaParams.cpp).
  void checkSignature();
  /// Checks the body and sets Def::outputs (SemaStmt.cpp).
  void checkBody();

private:
  // --- Symbols and scopes (SemaStmt.cpp) ---------------------------------
  ast::Symbol *newSymbol(ast::Symbol::Kind k, const std::string &name, SourceRange decl);
  /// The innermost enclosing For (null at def level).
  const ast::Stmt *innermostFor() const;
  bool inScope(const ast::Symbol &s) const;
  bool insideBind() const;
  ast::Symbol *visibleLoopVar(const std::string &name) const;
  /// Resolves a use of `n`; reports undeclared names and uses outside the
  /// declaring scope (once per name) and returns null then.
  ast::Symbol *resolveUse(ast::Name &n);

  // --- Parameters (SemaParams.cpp) ----------------------------------------
  void typeFromAnnotation(ast::Param &p);
  void typeFromSchedule(ast::Param &p, const ArgDesc &d);
  void checkArgAgainstAnnotation(ast::Param &p, const ArgDesc &d);

  // --- Statements (SemaStmt.cpp) ------------------------------------------
  void countStores(const ast::Block &b);
  void checkBlock(ast::Block &b, bool defBody);
  void checkStmt(ast::Stmt &s, bool lastOfDef);
  void checkAssign(ast::Assign &s);
  void checkAugAssign(ast::AugAssign &s);
  void checkFor(ast::For &s);
  void checkWhile(ast::While &s);
  void checkIf(ast::If &s);
  void checkJump(ast::Stmt &s, const char *what);
  void checkReturn(ast::Return &s, bool wellPlaced);
  void checkAssert(ast::Assert &s);
  void finishOutputs();
  /// `name = <scalar value>`.
  void storeName(ast::Name &target, ast::Type value, const ast::Expr &valueExpr);
  /// `name = output_tensor(...)` / `allocate(...)` / `f(...)`.
  void declareBuffer(ast::Name &target, ast::Call &call, ast::Type value);
  /// Declares `target` as the `index`th output of the def call `call`.
  void declareCallResult(ast::Name &target, ast::Call &call, size_t index, bool ok);
  /// Checks that `target` may receive a new tensor; reports otherwise.
  bool canDeclareTensor(ast::Name &target);
  /// A poison symbol: later uses of the name are silently Unknown.
  ast::Symbol *declarePoison(ast::Name &target, ast::Symbol::Kind k);
  void checkBindExtent(const std::string &tag, ast::Expr &extent);

  // --- Expressions (SemaExpr.cpp) -----------------------------------------
public:
  ast::Type check(ast::Expr &e, Ctx ctx = Ctx::Value);

private:
  ast::Type checkName(ast::Name &n);
  ast::Type checkAttribute(ast::Attribute &a);
  ast::Type checkSubscript(ast::Subscript &s, bool isStore);
  ast::Type checkBinOp(ast::BinOp &b);
  ast::Type checkUnaryOp(ast::UnaryOp &u);
  ast::Type checkBoolOp(ast::BoolOp &b);
  ast::Type checkCompare(ast::Compare &c);
  ast::Type checkIfExp(ast::IfExp &e);
  ast::Type checkTuple(ast::Tuple &t);
  ast::Type checkIntLit(ast::IntLit &l, bool negated);
  /// The result of `lhs op rhs` (also for augmented assignment); reports.
  ast::Type binaryResult(ast::BinOpKind op, const ast::Expr &lhs, const ast::Expr &rhs,
                         SourceRange opRange, std::optional<int64_t> *folded);
  /// Reports unless `e` is a scalar: a condition, true when not 0 (Python
  /// truthiness; Unknown is accepted silently).
  bool requireBool(const ast::Expr &e, const std::string &what);
  /// Indices of an element access of tensor `sym`.
  bool checkIndices(ast::Subscript &s, const ast::Symbol &sym);

public:
  /// Compile-time known once const_range loops are unrolled: constants and
  /// const_range variables combined by operators and pure builtins.
  bool isStatic(const ast::Expr &e) const;
  /// Loop-invariant and computable at entry: constants, scalar parameters,
  /// tensor shapes, len(), combined by operators and pure builtins.
  bool isShapeInvariant(const ast::Expr &e) const;
  /// A Dim for the integer expression `e`: a constant, a scalar parameter
  /// (also through `a.shape[k]` and invariant Vars), or `e` itself.
  ast::Dim makeDim(const ast::Expr &e) const;

private:
  // --- Calls (SemaCall.cpp) -----------------------------------------------
  ast::Type checkCall(ast::Call &c, Ctx ctx);
  /// Puts keyword arguments (`allocate(s, scope='local')`) in parameter
  /// order, filling a skipped parameter with its default; reports and
  /// returns false for an unknown, repeated or missing one.
  bool resolveKeywords(ast::Call &c, const std::vector<std::string> &params,
                       const std::vector<std::string> &defaults);
  ast::Type checkBuiltin(ast::Call &c, const Builtin &b, Ctx ctx);
  bool checkBuiltinArg(ast::Call &c, const Builtin &b, unsigned index);
  bool checkShapeArg(ast::Expr &e, const ast::Call &c, unsigned index);
  ast::Type checkDefCall(ast::Call &c, const ast::Def &callee, Ctx ctx);
  bool checkCallArg(ast::Call &c, const ast::Def &callee, size_t index);

public:
  /// The shape of a checked output_tensor/allocate call.
  std::vector<ast::Dim> bufferShape(const ast::Call &call) const;
  /// The dtype of a checked output_tensor/allocate call.
  static DType bufferDType(const ast::Call &call);

private:
  ModuleContext &mc_;
  DiagnosticEngine &diags_;
  ast::Def &def_;

  std::map<std::string, ast::Symbol *> params_;
  std::map<std::string, ast::Symbol *> declared_; // by first store, per def
  std::map<std::string, unsigned> storeCount_;
  std::vector<LoopScope> loops_;
  std::vector<ast::Symbol *> loopVars_;         // visible loop variables, innermost last
  std::set<std::string> reported_;              // names already reported as undeclared
  std::set<const ast::Symbol *> staticSyms_;    // const_range vars, static Vars
  std::set<const ast::Symbol *> invariantVars_; // Vars stored once, invariantly
  struct BindUse {
    const ast::Expr *extent;
    SourceRange range;
  };
  std::map<std::string, BindUse> binds_;
  bool sawReturn_ = false;
  bool outputsSet_ = false;
};

//===--- Helpers shared by the checker files ------------------------------===//

/// The type a use of `s` has (Unknown when its declaration failed).
ast::Type typeOf(const ast::Symbol &s);
/// Truncates `v` to `d`'s width (two's complement; unsigned for uint/bool).
int64_t wrapTo(int64_t v, DType d);
/// Whether two dims are provably equal.
bool sameDim(const ast::Dim &a, const ast::Dim &b);
/// Structural equality of two checked integer expressions.
bool sameExpr(const ast::Expr &a, const ast::Expr &b);
/// A short source-like rendering: `n + 1`, `a.shape[0]`, `100`.
std::string exprStr(const ast::Expr &e);
std::string dimStr(const ast::Dim &d);
/// `float32[100, n]`, or `int32` for scalars.
std::string symbolTypeStr(const ast::Symbol &s);
std::string quoted(const std::string &s);

} // namespace hybridc::sema
