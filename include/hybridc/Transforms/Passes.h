//===- Passes.h - Loop IR passes run after scheduling ---------------------===//
//
// Each pass is one function in its own file under lib/Transforms.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "hybridc/IR/IR.h"

#include <optional>

namespace hybridc::ir {

/// FinalizeGuards.cpp: the tail guards that apply-schedule's imperfect
/// splits left become clipped loop extents, or a whole-vector/serial-tail
/// pair for vectorized and unrolled loops; integer sums left-associated.
/// Expects: apply-schedule's output. Guarantees: same results, the hot
/// loops unguarded wherever the guard is linear in its loop.
Stmt finalizeGuards(const Stmt &s);
/// FinalizeGuards.cpp, the vector-tails pass: the serial tail that
/// finalize-guards left for a vectorized loop whose extent stays symbolic
/// runs as vectors of 2^k lanes, one per binary digit of its count (16
/// lanes: at most 8 + 4 + 2 lanes and one scalar); first, the parts of
/// plain if-conditions that the loop ranges decide are folded (a staged
/// copy's edge test in full tiles). With `masks` (targets with cheap
/// masked loads and stores: AVX-512, or --vector-tails=masked), a tail of
/// more than one iteration is instead one vector of the loop's width whose
/// body runs under `if i < i.rem` (vectorize-loops predicates it). Then a
/// serial loop around a tail guard whose bound is invariant is peeled where
/// the guard turns false (no test in the main part).
/// Expects: check-legality passed. Guarantees: the same iterations, in
/// order.
Stmt splitVectorTails(const Stmt &s, bool masks = false);

/// UnrollLoops.cpp: replaces each Unrolled For of constant extent by copies
/// of its body with the loop variable substituted. Expects: extents
/// simplified. Guarantees: no Unrolled loop of constant extent remains (a
/// symbolic one is left as a serial loop with an unroll hint for LLVM).
Stmt unrollLoops(const Stmt &s);

/// VectorizeLoops.cpp: replaces each Vectorized For of constant extent by
/// straight-line vector code of that width (Ramp/Broadcast, vector loads
/// and stores); scalars declared in the body become vectors. A body it
/// cannot widen (a loop-carried scalar, a while, break) stays a serial loop
/// marked for LLVM's vectorizer. With `masks`, an `if` whose condition
/// differs per lane is widened too: both branches run, their loads and
/// stores predicated by the lanes that take them (Load::predicate).
/// Expects: unrolled and simplified.
Stmt vectorizeLoops(const Stmt &s, bool masks = false);

} // namespace hybridc::ir

namespace hybridc::ir {

/// PromoteAccumulators.cpp: in each serial loop, a buffer element that the
/// body reads and writes only at indices that do not change across the
/// loop (`C[i, j] += ...` under `k`, after unrolling and vectorization the
/// 12 vectors of a register tile) is loaded into a variable before the
/// loop, updated in registers, and stored once after it. Every access to
/// that buffer in the loop must be at such indices, pairwise provably
/// distinct (or identical). Expects: unrolled, vectorized and simplified.
Stmt promoteAccumulators(const Stmt &s);

} // namespace hybridc::ir

namespace hybridc::ir {

/// UnswitchLoops.cpp: a loop whose whole body is an `if` on a condition
/// that does not change across the loop becomes an `if` choosing between
/// two copies of the loop. This lifts the guard of an imperfect split
/// (`likely(io*6 + 5 < n)`, placed inside the loops a reorder moved below
/// it) out of the hot loops, so the main body stays unguarded (vector code,
/// register tiles) and only the tail runs the guarded copy.
Stmt unswitchLoops(const Stmt &s);

} // namespace hybridc::ir

namespace hybridc::ir {

/// FlattenStorage.cpp: every access `b[i0, ..., in-1]` of `f` (body and
/// cuda kernels) becomes `b[offset]`, one int64 element offset from the
/// buffer's strides; a contiguous vector access keeps a stride-1 ramp.
/// Expects: the final loop IR. Guarantees: f.storageFlat (on the cuda
/// target what code generation receives; lower-parallel follows on CPUs).
void flattenStorage(LoweredFunc &f);

} // namespace hybridc::ir

namespace hybridc::ir {

/// LowerParallel.cpp: every parallel loop, and for compile time each serial
/// loop outside any loop of a def with more than 16 of them and each chunk
/// of 512 statements of a block outside any loop longer than 1,024, become
/// `Outlined` statements with what they use from outside (captures,
/// buffers). Expects: flatten-storage's output (CPU targets). Guarantees:
/// no parallel For outside an Outlined one.
Stmt lowerParallel(const Stmt &s);

} // namespace hybridc::ir

namespace hybridc::ir {

/// FactorReductions.cpp: rfactor (docs/schedules.md "rfactor"). The
/// reductions `acc = acc op e` of loop `loop` (constant extent E) update E
/// partial results instead (`acc.rf[loop - min]`, a local buffer made
/// before the outermost enclosing loop of the same reduction, set to op's
/// identity by a loop `initName` and combined into acc by a loop
/// `combineName` after it, both of kind `kind`). Nothing is reordered; the
/// reduction is reassociated.
struct RfactorRequest {
  const For *loop = nullptr;
  std::string initName, combineName; // empty: `<loop>.init`, `<loop>.combine`, made unique
  ForKind kind = ForKind::Serial;
  /// Refuse when no enclosing loop continues the reduction (the pass: a
  /// loop on its own gains nothing).
  bool onlyAcrossLoops = false;
};
struct RfactorResult {
  Stmt body;         // null when refused
  std::string error; // why not ("its body updates no reduction ...")
};
RfactorResult rfactorLoop(const Stmt &root, const RfactorRequest &request);

/// The factor-reductions pass: every vectorized loop whose reductions an
/// enclosing serial loop continues (`j.inner` under `j.outer`) keeps vector
/// partial results across that loop and reduces them horizontally once,
/// after it. Expects: apply-schedule's output, before finalize-guards.
Stmt factorReductions(const Stmt &s);

} // namespace hybridc::ir

namespace hybridc::ir {

/// FoldInit.cpp: a nest that sets every element of a buffer to one value,
/// followed by a nest that reduces into each element (`C[i, j] = 0.0`, then
/// `C[i, j] += A[i, k] * B[k, j]`), becomes one nest whose first update of
/// each element starts from that value (`if k == 0: C[i, j] = 0.0 + ...`);
/// the init nest keeps its loops with nothing in them. Expects: the
/// simplified source nests (before apply-schedule). Guarantees: the same
/// results, bit for bit.
Stmt foldInitNests(const Stmt &s);

} // namespace hybridc::ir

namespace hybridc::ir {

/// ComputeInline.cpp: the one nest that sets an allocated buffer, as
/// compute_inline and compute_at need it: a perfect nest whose innermost
/// loops index the buffer (each once) and whose stored value reads only
/// buffers nothing in the def writes and scalars nothing assigns, so it
/// can be evaluated anywhere else with the same result.
struct Producer {
  Buffer buffer;
  const Store *store = nullptr;
  std::vector<std::string> vars;  // the loop indexing each dimension
  std::vector<const For *> loops; // the loops around the store, outermost first
  /// The stored value at the element `at` (the loops' variables replaced).
  Expr valueAt(const std::vector<Expr> &at) const;
  /// The loop that indexes dimension d.
  const For *loopOf(size_t d) const;
};
/// The producer of `buffer` in `root`, or nullopt with the reason in `why`.
std::optional<Producer> findProducer(const Stmt &root, const std::string &buffer, std::string &why);
/// `root` without the producer's store (a note stays, so the nest's loops
/// keep their names) and without the buffer's allocation.
Stmt dropProducer(const Stmt &root, const Producer &p);

/// CacheRead.cpp: cache_read (docs/schedules.md "cache_read"). Inside
/// `loop`, the reads of `buffer` go to a dense copy `name` of the box of it
/// that the loop's body reads, made at the start of each iteration by
/// serial loops `name.d0`, `name.d1`, ... (one per dimension). `enclosing`:
/// the loops around `loop` (their bounds decide where the copy needs a
/// guard).
struct CacheReadRequest {
  const For *loop = nullptr;
  std::string buffer, name;
  std::vector<const For *> enclosing;
  /// compute_at (docs/schedules.md "compute_at"): the box is computed by
  /// the producer's expression, within the producer's loop bounds, instead
  /// of copied; the producer nest goes when nothing else reads the buffer.
  std::optional<Producer> producer;
  /// cache_write (docs/schedules.md "cache_write"): the loads and stores of
  /// the buffer inside `loop` go to the local copy, which is loaded at the
  /// start of each iteration and written back at its end (loops
  /// `name.w0`, ...).
  bool write = false;
};
struct CacheReadResult {
  Stmt body;                      // null when refused
  std::string error;              // why not
  std::vector<std::string> loops; // the copy's loops, outermost first
};
CacheReadResult cacheRead(const Stmt &root, const CacheReadRequest &request);

} // namespace hybridc::ir

namespace hybridc::ir {

/// ComputeInline.cpp: compute_inline (docs/schedules.md "compute_inline").
/// The allocated `buffer`, set by one perfect nest indexed by its loops, is
/// not stored any more: each read becomes the stored expression at the
/// read's indices; the nest's loops stay, empty.
struct ComputeInlineResult {
  Stmt body;         // null when refused
  std::string error; // why not
};
ComputeInlineResult computeInline(const Stmt &root, const std::string &buffer);

} // namespace hybridc::ir
