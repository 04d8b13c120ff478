//===- CacheRead.cpp - Staging a buffer's tile in a local copy ------------===//
//
// cacheRead() is the schedule's `cache_read` op (TVM's cache_read +
// compute_at, Halide's Func::in().compute_at()): inside loop L, the reads of
// buffer B go to a dense copy of the part of B that L's body reads, made at
// the start of each iteration of L (docs/schedules.md "cache_read"):
//
//   for jo in 0..32:                  for jo in 0..32:
//     for io ...:                       allocate B.local: float32[1024, 32]
//       ... B[k, jo * 32 + ji] ...  ->    for B.local.d0 in 0..1024:
//                                           for B.local.d1 in 0..32:
//                                             B.local[B.local.d0, B.local.d1] = B[B.local.d0, jo *
//                                             32 + B.local.d1]
//                                         for io ...:
//                                           ... B.local[k, ji] ...
//
// The region is a box: in each dimension, every read's index is an affine
// function of the loops inside L (bounded ranges) plus one part that does
// not change inside L, the same for every read; the box spans the smallest
// to the largest value the reads can take. A 4 KiB-strided column panel
// becomes a contiguous one. Where the box may reach past B's bounds (the
// last tile of an imperfect split) the copy is guarded; those elements are
// never read. Nothing inside L writes B, so the copy holds what the reads
// would have seen.
//
// Expects: apply-schedule's loop nest. Guarantees: the same results.
//
//===----------------------------------------------------------------------===//
#include "hybridc/Analysis/LoopNest.h"
#include "hybridc/Analysis/Simplify.h"
#include "hybridc/IR/IRPrinter.h"
#include "hybridc/IR/IRVisitor.h"
#include "hybridc/Transforms/Passes.h"

namespace hybridc::ir {
namespace {

using namespace loopnest;

/// At most this many elements in a staged copy (64 MiB of float32).
constexpr int64_t kMaxStaged = int64_t(1) << 24;

/// The loops inside L (with their ranges) and B's loads.
class Reads : public IRVisitor {
public:
  explicit Reads(std::string buffer) : buffer_(std::move(buffer)) {}
  std::vector<const Load *> loads;
  Buffer buf;
  std::map<std::string, const For *> loops; // inside L
  using IRVisitor::visit;

protected:
  std::string buffer_;
  void visit(const Load *n) override {
    if (n->buffer->name == buffer_) {
      loads.push_back(n);
      buf = n->buffer;
    }
    IRVisitor::visit(n);
  }
  void visit(const For *n) override {
    loops[n->name] = n;
    IRVisitor::visit(n);
  }
};

/// Loads of `buf` -> loads of the copy at the index minus the box's start.
class Redirect : public IRMutator {
public:
  Redirect(const BufferNode *from, Buffer to, std::vector<Expr> start)
      : from_(from), to_(std::move(to)), start_(std::move(start)) {}

protected:
  using IRMutator::visit;
  const BufferNode *from_;
  Buffer to_;
  std::vector<Expr> start_;
  Expr visit(const Load *n, const Expr &self) override {
    if (n->buffer.get() != from_) return IRMutator::visit(n, self);
    bool changed = false;
    std::vector<Expr> idx = IRMutator::mutate(n->indices, changed);
    for (size_t d = 0; d < idx.size(); ++d) {
      LinearForm f = linearize(idx[d]); // (jo * 32 + ji) - jo * 32 = ji
      f.add(linearize(start_[d]), -1);
      idx[d] = simplify(fromLinear(f, idx[d].type()));
    }
    return Load::make(to_, std::move(idx));
  }
};

} // namespace

CacheReadResult cacheRead(const Stmt &root, const CacheReadRequest &req) {
  CacheReadResult res;
  auto fail = [&](std::string why) {
    res.error = std::move(why);
    return res;
  };
  const For *L = req.loop;
  Reads r(req.buffer);
  r.visit(L->body);
  if (r.loads.empty()) return fail("its body does not read '" + req.buffer + "'");
  Effects eff = effectsOf(L->body);
  if (eff.stored.count(r.buf.get()))
    return fail("its body writes '" + req.buffer + "', so a copy would go stale");
  if (eff.allocated.count(r.buf.get())) return fail("'" + req.buffer + "' is allocated inside it");
  size_t dims = r.buf->shape.size();
  if (dims == 0) return fail("'" + req.buffer + "' is a scalar");

  // The range of each loop inside L (constant), for the box.
  std::function<Interval(const std::string &)> inner = [&](const std::string &v) -> Interval {
    auto it = r.loops.find(v);
    if (it == r.loops.end()) return Interval();
    return loopRange(it->second->min, it->second->extent, inner);
  };
  std::vector<Expr> outerPart(dims), start(dims);
  std::vector<int64_t> lo(dims), hi(dims);
  for (size_t d = 0; d < dims; ++d) {
    bool first = true;
    for (const Load *ld : r.loads) {
      const Expr &e = ld->indices[d];
      if (hasLoad(e))
        return fail("the index " + toString(e) + " of '" + req.buffer + "' reads memory");
      LinearForm f = linearize(e), outer;
      int64_t cLo = f.constant, cHi = f.constant;
      for (auto &[key, term] : f.terms) {
        const auto &[atom, coef] = term;
        if (auto *var = atom.as<Var>(); var && r.loops.count(var->name)) {
          Interval range = inner(var->name);
          if (!range.bounded())
            return fail("loop '" + var->name + "' inside it has no constant bounds");
          cLo += coef > 0 ? coef * *range.lo : coef * *range.hi;
          cHi += coef > 0 ? coef * *range.hi : coef * *range.lo;
          continue;
        }
        // Anything else must not change inside L.
        for (auto &v : freeVars(atom))
          if (eff.written.count(v))
            return fail("the index " + toString(e) + " of '" + req.buffer +
                        "' is not an affine function of the loops inside it");
        outer.terms[key] = term;
      }
      Expr o = fromLinear(outer, e.type());
      if (first) {
        outerPart[d] = o;
        lo[d] = cLo;
        hi[d] = cHi;
        first = false;
      } else {
        if (!sameExpr(o, outerPart[d]))
          return fail("its reads of '" + req.buffer + "' are not one box (dimension " +
                      std::to_string(d) + ": " + toString(outerPart[d]) + " and " + toString(o) +
                      " move apart)");
        lo[d] = std::min(lo[d], cLo);
        hi[d] = std::max(hi[d], cHi);
      }
    }
  }
  int64_t elems = 1;
  std::vector<Expr> shape;
  for (size_t d = 0; d < dims; ++d) {
    int64_t ext = hi[d] - lo[d] + 1;
    if (ext > kMaxStaged || elems * ext > kMaxStaged)
      return fail("the tile it reads of '" + req.buffer + "' has more than " +
                  std::to_string(kMaxStaged) + " elements");
    elems *= ext;
    shape.push_back(makeConst(DType::i64(), ext));
    DType t = outerPart[d].type();
    start[d] = simplify(outerPart[d] + makeConst(t, lo[d]));
  }

  Buffer copy = makeDenseBuffer(req.name, r.buf->dtype, shape, BufferNode::Temp);

  // The copy nest: copy[c0, ...] = B[start0 + c0, ...], guarded where the
  // box may leave B (bounds of the start over the enclosing loops).
  std::map<std::string, const For *> around;
  for (auto *f : req.enclosing) around[f->name] = f;
  around[L->name] = L;
  std::function<Interval(const std::string &)> outerRange = [&](const std::string &v) {
    auto it = around.find(v);
    if (it == around.end()) return Interval();
    return loopRange(it->second->min, it->second->extent, outerRange);
  };
  std::vector<Expr> src, dst;
  Expr guard;
  for (size_t d = 0; d < dims; ++d) {
    DType t = start[d].type();
    std::string n = req.name + ".d" + std::to_string(d);
    res.loops.push_back(n);
    Expr c = Var::make(t, n);
    Expr at = simplify(start[d] + c);
    dst.push_back(c);
    src.push_back(at);
    Interval s = bounds(start[d], outerRange);
    const int64_t *extent = asConstInt(r.buf->shape[d]);
    auto require = [&](Expr ok) { guard = guard ? Logical::make(true, guard, ok) : ok; };
    if (!s.lo || *s.lo < 0) require(Cmp::make(CmpOp::GE, at, makeConst(t, 0)));
    if (!s.hi || !extent || *s.hi + (hi[d] - lo[d]) >= *extent) {
      Expr size = r.buf->shape[d]; // int64(m) of an int32 parameter m: m
      if (auto *c = size.as<Cast>(); c && c->value.type() == t) size = c->value;
      require(Cmp::make(CmpOp::LT, at, size.type() == t ? size : Cast::make(t, size)));
    }
  }
  Stmt body = Store::make(copy, dst, Load::make(r.buf, src));
  if (guard) body = IfThenElse::make(simplify(guard), body);
  for (size_t d = dims; d-- > 0;) {
    DType t = start[d].type();
    body = withLoc(For::make(res.loops[d], makeConst(t, 0), makeConst(t, hi[d] - lo[d] + 1),
                             ForKind::Serial, body),
                   L->loc);
  }
  Stmt newBody = Redirect(r.buf.get(), copy, start).mutate(L->body);
  newBody = withLoc(Allocate::make(copy, Block::make({body, newBody})), L->loc);
  res.body = replaceLoop(root, L, rebuildFor(L, newBody));
  return res;
}

} // namespace hybridc::ir
