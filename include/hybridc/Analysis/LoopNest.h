//===- LoopNest.h - Analyses of loop nests shared by the passes -----------===//
//
// lib/Analysis, used by the loop passes (lib/Transforms) and code
// generation: what a statement writes (Effects), free variables, use
// counts, reductions, reorder legality, linear forms of integer index
// expressions, constant interval bounds, loop counts; and the small IR
// builders the passes share (tail guards, a loop with a new body).
// Everything here is pure: it reads IR and builds new IR, and keeps no
// state.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "hybridc/IR/IR.h"

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace hybridc::ir::loopnest {

//===--- Tail guards ------------------------------------------------------===//

/// The condition `likely(c)` of a tail guard an imperfect split adds.
Expr makeGuardCond(const Expr &c);
/// The guard's inner comparison when `s` is a tail guard (an IfThenElse
/// without else whose condition is `likely(...)`), else null.
const IfThenElse *asGuard(const Stmt &s);
/// `if likely(c): body`, with body's location.
Stmt makeGuard(const Expr &c, const Stmt &body);

//===--- Rebuilding -------------------------------------------------------===//

/// A copy of loop `f` with another body (and optionally other bounds/kind);
/// keeps the name, kind, tag and source location.
Stmt rebuildFor(const For *f, Stmt body);
Stmt rebuildFor(const For *f, Expr min, Expr extent, ForKind kind, Stmt body);

/// A new buffer of `kind` with that (simplified) shape and dense row-major
/// strides (int64).
Buffer makeDenseBuffer(std::string name, DType dtype, std::vector<Expr> shape,
                       BufferNode::Kind kind);

/// `root` with the loop `target` (by identity) replaced by `replacement`.
Stmt replaceLoop(const Stmt &root, const For *target, const Stmt &replacement);

//===--- Variables --------------------------------------------------------===//

/// Every name a statement (or loop) binds or mentions: variables, loops,
/// declarations, lets, buffers. Where a pass checks that a new name is free.
std::set<std::string> allNames(const Stmt &s);
std::set<std::string> allNames(const For *loop);

/// Names of the Vars an expression reads (Loads' indices included).
std::set<std::string> freeVars(const Expr &e);
bool usesVar(const Expr &e, const std::string &name);
bool usesAnyVar(const Expr &e, const std::set<std::string> &names);
/// Whether `e` contains a Load.
bool hasLoad(const Expr &e);
/// Structural equality (by printed form; names are unique per scope).
bool sameExpr(const Expr &a, const Expr &b);
/// Index tuples of one length whose expressions are sameExpr.
bool sameIndices(const std::vector<Expr> &a, const std::vector<Expr> &b);
/// Whether `e` loads the element `s` stores (the accumulator of an update
/// `B[I] = B[I] op e`).
bool loadsStoredElement(const Expr &e, const Store *s);

/// How often a statement reads each scalar, assigns it, and accesses each
/// buffer (loads + stores): what the reduction patterns of VectorizeLoops
/// and CheckLegality check ("the update is the only use").
struct UseCounts {
  std::map<std::string, int> varReads, assigns;
  std::map<const BufferNode *, int> bufferAccesses;
};
UseCounts countUses(const Stmt &s);

/// What a statement may change, for every pass that moves code across a
/// loop or asks whether something is invariant in it (UnswitchLoops,
/// PromoteAccumulators, CheckLegality): a value is invariant in a loop only
/// if none of the scalars it reads is in `written` and none of the buffers
/// it loads is in `stored`.
struct Effects {
  /// Scalars bound (loop variables, lets, declarations) or assigned anywhere
  /// inside, at any depth (nested loops, ifs, whiles, inlined calls).
  std::set<std::string> written;
  std::set<const BufferNode *> stored, allocated;
  /// A break/continue that leaves the loop around the statement (not one
  /// of a loop nested inside it), and the first such break.
  bool ownExit = false;
  const Break *ownBreak = nullptr;
};
Effects effectsOf(const Stmt &s);

/// Whether evaluating `e` may fault: it loads (the index may be valid only
/// when the code around it runs). Integer division cannot: codegen defines
/// x / 0 as 0. What UnswitchLoops asks before hoisting a condition above a
/// loop that may run zero times.
bool mayTrap(const Expr &e);

/// Whether (d, r) is the index pair (E // m, E % m) that fuse makes, with a
/// positive constant m (or, for vector indices, a broadcast of one): sets
/// e = E and m.
bool asDelinearizedPair(const Expr &d, const Expr &r, Expr &e, Expr &m);

/// The loops (For, While) of `s` not nested in another loop.
size_t countTopLevelLoops(const Stmt &s);

/// Whether a loop of this extent may run zero times (not a positive constant).
inline bool mayBeEmpty(const Expr &extent) {
  const int64_t *c = asConstInt(extent);
  return !c || *c <= 0;
}

/// A reduction update `acc op e` (op one of + * min max): `value` is a
/// chain of one op in any association (`acc + a[j] + 1` is the reduction
/// `acc += a[j] + 1`, whatever order the simplifier left) in which exactly
/// one operand is the accumulator (`isAcc`). Returns the other operands
/// folded with op (null when `value` is not such an update) and sets `op`.
Expr reductionRest(const Expr &value, const std::function<bool(const Expr &)> &isAcc, BinOp &op);
bool isReductionOp(BinOp op);
/// The value x with x op y == y for every y of type `t` (-0.0 for a float
/// sum; null for an op that is not a reduction).
Expr reductionIdentity(BinOp op, DType t);

/// ReorderLegality.cpp (lib/Analysis): why permuting the perfect nest `from` (outermost
/// first) into `to` may change the results of its innermost `body`, or ""
/// when it cannot (see the file's comment for the rule). `root`, when
/// given, is the tree that holds the nest: what encloses it narrows the
/// exact test (Dependence.h).
std::string reorderHazard(const std::vector<const For *> &from, const std::vector<const For *> &to,
                          const Stmt &body, const Stmt &root = Stmt());

//===--- Linear forms -----------------------------------------------------===//

/// e = constant + sum(coeff * atom). Atoms are maximal non-linear
/// subexpressions (Vars, floordiv/floormod, products of non-constants,
/// loads...), keyed by their printed form so equal atoms combine. Casts
/// between integer types are looked through (the analysis ignores overflow).
struct LinearForm {
  int64_t constant = 0;
  std::map<std::string, std::pair<Expr, int64_t>> terms; // key -> (atom, coeff)
  void add(const LinearForm &o, int64_t scale);
  int64_t coeffOf(const std::string &key) const;
};
LinearForm linearize(const Expr &e);
/// Rebuilds an expression of type `t` from a linear form (terms in key order).
Expr fromLinear(const LinearForm &f, DType t);

//===--- Interval bounds --------------------------------------------------===//

/// Constant bounds of an integer expression; a missing side is unbounded.
struct Interval {
  std::optional<int64_t> lo, hi;
  bool bounded() const { return lo && hi; }
};
/// The range of a variable, or an unbounded Interval when unknown.
using VarRange = std::function<Interval(const std::string &name)>;
Interval bounds(const Expr &e, const VarRange &range);
/// [min, min + extent - 1] of a loop, using `range` for its bounds' vars.
Interval loopRange(const Expr &min, const Expr &extent, const VarRange &range);

} // namespace hybridc::ir::loopnest
