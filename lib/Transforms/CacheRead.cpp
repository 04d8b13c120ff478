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
// cache_write (req.write) redirects L's stores too and writes the tile back
// at the end of each iteration; it loads the tile first unless the body
// overwrites all of it before reading any (OverwriteCheck).
//
// Expects: apply-schedule's loop nest. Guarantees: the same results.
//
//===----------------------------------------------------------------------===//
#include "hybridc/Analysis/LoopNest.h"
#include "hybridc/Analysis/Simplify.h"
#include "hybridc/IR/IRPrinter.h"
#include "hybridc/IR/IRVisitor.h"
#include "hybridc/Transforms/Passes.h"

#include <algorithm>

namespace hybridc::ir {
namespace {

using namespace loopnest;

/// At most this many elements in a staged copy (64 MiB of float32).
constexpr int64_t kMaxStaged = int64_t(1) << 24;

/// The loops inside L (with their ranges) and B's loads and stores.
class Reads : public IRVisitor {
public:
  explicit Reads(std::string buffer) : buffer_(std::move(buffer)) {}
  std::vector<const Load *> loads;
  std::vector<const Store *> stores;
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
  void visit(const Store *n) override {
    if (n->buffer->name == buffer_) {
      stores.push_back(n);
      buf = n->buffer;
    }
    IRVisitor::visit(n);
  }
  void visit(const For *n) override {
    loops[n->name] = n;
    IRVisitor::visit(n);
  }
};

/// Loads (and stores) of `buf` -> of the copy, at the index minus the box's
/// start.
class Redirect : public IRMutator {
public:
  Redirect(const BufferNode *from, Buffer to, std::vector<Expr> start)
      : from_(from), to_(std::move(to)), start_(std::move(start)) {}

protected:
  using IRMutator::visit;
  const BufferNode *from_;
  Buffer to_;
  std::vector<Expr> start_;
  std::vector<Expr> shifted(const std::vector<Expr> &indices) {
    bool changed = false;
    std::vector<Expr> idx = IRMutator::mutate(indices, changed);
    for (size_t d = 0; d < idx.size(); ++d) {
      LinearForm f = linearize(idx[d]); // (jo * 32 + ji) - jo * 32 = ji
      f.add(linearize(start_[d]), -1);
      idx[d] = simplify(fromLinear(f, idx[d].type()));
    }
    return idx;
  }
  Expr visit(const Load *n, const Expr &self) override {
    if (n->buffer.get() != from_) return IRMutator::visit(n, self);
    return Load::make(to_, shifted(n->indices));
  }
  Stmt visit(const Store *n, const Stmt &self) override {
    if (n->buffer.get() != from_) return IRMutator::visit(n, self);
    return withLoc(Store::make(to_, shifted(n->indices), mutate(n->value)), n->loc);
  }
};

/// cache_write: whether each iteration of L stores every element of the
/// box before it loads any, so that the tile need not be loaded first
/// (docs/schedules.md "cache_write"). So when the first statement of L's
/// body that accesses B does not load it and holds a store of B reached on
/// every iteration of the loops around it there (no if, while, break or
/// continue on the way; constant loop bounds) whose indices cover the box:
/// per dimension, the part that changes inside L is c1 * v1 + c2 * v2 + ...
/// over distinct loops of that path with c1 = 1 and c(j+1) = cj * extent(vj)
/// (a loop, or the pair a split made of it), as many elements as the box.
class OverwriteCheck {
public:
  OverwriteCheck(const BufferNode *buf, const std::vector<Expr> &extent)
      : buf_(buf), extent_(extent) {}

  bool check(const Stmt &body) { return first(body) == Covered; }

private:
  enum Result { Untouched, Covered, Fails };
  const BufferNode *buf_;
  const std::vector<Expr> &extent_;

  Result first(const Stmt &s) {
    if (!s) return Untouched;
    if (auto *b = s.as<Block>()) {
      for (auto &c : b->stmts)
        if (Result r = first(c); r != Untouched) return r;
      return Untouched;
    }
    if (auto *l = s.as<LetStmt>()) {
      Reads r(buf_->name);
      r.visit(l->value);
      return r.loads.empty() ? first(l->body) : Fails;
    }
    if (auto *v = s.as<VarDecl>()) return first(v->body);
    Reads r(buf_->name);
    r.visit(s);
    if (!r.loads.empty()) return Fails;
    if (r.stores.empty()) return Untouched;
    std::vector<const For *> path;
    return coveringStore(s, path) ? Covered : Fails;
  }

  bool coveringStore(const Stmt &s, std::vector<const For *> &path) {
    if (!s) return false;
    if (auto *f = s.as<For>()) {
      const int64_t *ext = asConstInt(f->extent);
      if (!asConstInt(f->min) || !ext || *ext < 1 || effectsOf(f->body).ownExit) return false;
      path.push_back(f);
      bool ok = coveringStore(f->body, path);
      path.pop_back();
      return ok;
    }
    if (auto *b = s.as<Block>()) {
      for (auto &c : b->stmts)
        if (coveringStore(c, path)) return true;
      return false;
    }
    if (auto *l = s.as<LetStmt>()) return coveringStore(l->body, path);
    if (auto *v = s.as<VarDecl>()) return coveringStore(v->body, path);
    if (auto *a = s.as<Allocate>()) return coveringStore(a->body, path);
    auto *st = s.as<Store>();
    return st && st->buffer.get() == buf_ && covers(st->indices, path);
  }

  bool covers(const std::vector<Expr> &indices, const std::vector<const For *> &path) {
    std::set<std::string> used;
    for (size_t d = 0; d < indices.size(); ++d) {
      const int64_t *want = asConstInt(extent_[d]);
      if (!want) return false;
      std::vector<std::pair<int64_t, int64_t>> steps; // (coefficient, extent)
      for (auto &[key, term] : linearize(indices[d]).terms) {
        auto *var = term.first.as<Var>();
        if (!var) continue;
        for (const For *f : path)
          if (f->name == var->name) {
            if (!used.insert(var->name).second) return false;
            steps.push_back({term.second, *asConstInt(f->extent)});
          }
      }
      std::sort(steps.begin(), steps.end());
      int64_t next = 1, count = 1;
      for (auto &[coef, ext] : steps) {
        if (coef != next || ext > *want || count > *want / ext) return false;
        count *= ext;
        next = coef * ext;
      }
      if (count != *want) return false;
    }
    return true;
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
  if (req.write ? r.stores.empty() : r.loads.empty())
    return fail("its body does not " + std::string(req.write ? "write" : "read") + " '" +
                req.buffer + "'");
  Effects eff = effectsOf(L->body);
  if (!req.write && eff.stored.count(r.buf.get()))
    return fail("its body writes '" + req.buffer + "', so a copy would go stale");
  if (eff.allocated.count(r.buf.get())) return fail("'" + req.buffer + "' is allocated inside it");
  size_t dims = r.buf->shape.size();
  if (dims == 0) return fail("'" + req.buffer + "' is a scalar");
  if (req.producer) {
    // The producer's bounds, evaluated at L: only what the def never changes.
    Effects all = effectsOf(root);
    for (size_t d = 0; d < dims; ++d) {
      const For *pl = req.producer->loopOf(d);
      std::set<std::string> used = freeVars(pl->min), ext = freeVars(pl->extent);
      used.insert(ext.begin(), ext.end());
      for (auto &v : used)
        if (all.written.count(v))
          return fail("the bounds of its producer's loop '" + pl->name + "' read '" + v +
                      "', which is not known at this loop");
    }
  }

  // The range of each loop inside L (constant), for the box.
  std::function<Interval(const std::string &)> inner = [&](const std::string &v) -> Interval {
    auto it = r.loops.find(v);
    if (it == r.loops.end()) return Interval();
    return loopRange(it->second->min, it->second->extent, inner);
  };
  std::vector<Expr> outerPart(dims), start(dims), extent(dims);
  // Per dimension, the box's first and last index minus the outer part:
  // linear forms whose terms are symbols the loops inside L run to (`x` in
  // 0..m - 2 gives 0 and m - 3), the same terms for every read.
  std::vector<LinearForm> lo(dims), hi(dims);
  auto sameTerms = [](const LinearForm &a, const LinearForm &b) {
    if (a.terms.size() != b.terms.size()) return false;
    for (auto &[k, t] : a.terms)
      if (b.coeffOf(k) != t.second) return false;
    return true;
  };
  std::vector<const std::vector<Expr> *> accesses;
  for (const Load *ld : r.loads) accesses.push_back(&ld->indices);
  if (req.write)
    for (const Store *st : r.stores) accesses.push_back(&st->indices);
  for (size_t d = 0; d < dims; ++d) {
    bool first = true;
    for (const std::vector<Expr> *indices : accesses) {
      const Expr &e = (*indices)[d];
      if (hasLoad(e))
        return fail("the index " + toString(e) + " of '" + req.buffer + "' reads memory");
      LinearForm f = linearize(e), outer, cLo, cHi;
      cLo.constant = cHi.constant = f.constant;
      for (auto &[key, term] : f.terms) {
        const auto &[atom, coef] = term;
        if (auto *var = atom.as<Var>(); var && r.loops.count(var->name)) {
          Interval range = inner(var->name);
          if (range.bounded()) {
            cLo.constant += coef > 0 ? coef * *range.lo : coef * *range.hi;
            cHi.constant += coef > 0 ? coef * *range.hi : coef * *range.lo;
            continue;
          }
          // Symbolic bounds that do not change inside L.
          const For *lp = r.loops.at(var->name);
          for (const Expr &b : {lp->min, lp->extent})
            for (auto &v : freeVars(b))
              if (r.loops.count(v) || eff.written.count(v))
                return fail("loop '" + var->name + "' inside it has bounds that change there");
          LinearForm lowest = linearize(lp->min), highest = linearize(lp->min + lp->extent);
          highest.constant -= 1;
          cLo.add(coef > 0 ? lowest : highest, coef);
          cHi.add(coef > 0 ? highest : lowest, coef);
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
        if (!sameExpr(o, outerPart[d]) || !sameTerms(cLo, lo[d]) || !sameTerms(cHi, hi[d]))
          return fail("its " + std::string(req.write ? "accesses" : "reads") + " of '" +
                      req.buffer + "' are not one box (dimension " + std::to_string(d) + ": " +
                      toString(outerPart[d]) + " and " + toString(o) + " move apart)");
        lo[d].constant = std::min(lo[d].constant, cLo.constant);
        hi[d].constant = std::max(hi[d].constant, cHi.constant);
      }
    }
  }
  int64_t elems = 1;
  std::vector<Expr> shape;
  for (size_t d = 0; d < dims; ++d) {
    DType t = outerPart[d].type();
    LinearForm span = hi[d];
    span.add(lo[d], -1);
    span.constant += 1;
    extent[d] = simplify(fromLinear(span, t));
    if (const int64_t *ext = asConstInt(extent[d])) {
      if (*ext > kMaxStaged || elems * *ext > kMaxStaged)
        return fail("the tile it reads of '" + req.buffer + "' has more than " +
                    std::to_string(kMaxStaged) + " elements");
      elems *= *ext;
    }
    shape.push_back(extent[d].type() == DType::i64() ? extent[d]
                                                     : Cast::make(DType::i64(), extent[d]));
    start[d] = simplify(outerPart[d] + fromLinear(lo[d], t));
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
  std::vector<std::string> copyLoops;
  Expr guard;
  for (size_t d = 0; d < dims; ++d) {
    DType t = start[d].type();
    std::string n = req.name + ".d" + std::to_string(d);
    copyLoops.push_back(n);
    Expr c = Var::make(t, n);
    Expr at = simplify(start[d] + c);
    dst.push_back(c);
    src.push_back(at);
    auto require = [&](Expr ok) { guard = guard ? Logical::make(true, guard, ok) : ok; };
    auto asType = [&](Expr e) { // int64(m) of an int32 parameter m: m
      if (auto *c = e.as<Cast>(); c && c->value.type() == t) e = c->value;
      return simplify(e.type() == t ? e : Cast::make(t, e));
    };
    // The elements that exist: B's shape, or where the producer computes.
    Expr low = makeConst(t, 0), up = asType(r.buf->shape[d]);
    if (req.producer) {
      const For *pl = req.producer->loopOf(d);
      low = asType(pl->min);
      up = asType(simplify(pl->min + pl->extent));
    }
    // No guard where the box provably stays inside: start - low >= 0 and
    // up - (start + extent) >= 0 over the loops around (symbolic terms
    // must cancel: `m - 2` against a box of `m - 2` columns from 0).
    auto atLeastZero = [&](const Expr &a, const Expr &b, const Expr &c) { // a - b - c >= 0
      LinearForm f = linearize(a);
      f.add(linearize(b), -1);
      if (c) f.add(linearize(c), -1);
      Interval i = bounds(simplify(fromLinear(f, t)), outerRange);
      return i.lo && *i.lo >= 0;
    };
    if (!atLeastZero(start[d], low, Expr())) require(Cmp::make(CmpOp::GE, at, low));
    if (!atLeastZero(up, start[d], extent[d])) require(Cmp::make(CmpOp::LT, at, up));
  }
  // A copied element is `staged`: the same load, which the interpreter
  // moves without reading (the box may hold elements never written).
  auto staged = [](const Expr &load) { return Call::make(load.type(), Intrinsic::Staged, {load}); };
  Stmt body = Store::make(
      copy, dst, req.producer ? req.producer->valueAt(src) : staged(Load::make(r.buf, src)));
  if (guard) body = IfThenElse::make(simplify(guard), body);
  for (size_t d = dims; d-- > 0;) {
    DType t = start[d].type();
    body =
        withLoc(For::make(copyLoops[d], makeConst(t, 0), extent[d], ForKind::Serial, body), L->loc);
  }
  Stmt newBody = Redirect(r.buf.get(), copy, start).mutate(L->body);
  // cache_write: no load where the body overwrites the whole tile first.
  bool load = !req.write || !OverwriteCheck(r.buf.get(), extent).check(L->body);
  std::vector<Stmt> parts = {newBody};
  if (load) {
    parts.insert(parts.begin(), body);
    res.loops = copyLoops;
  }
  if (req.write) {
    // Written back at the end of the iteration, element by element (what
    // the body did not write goes back unchanged), by loops `name.w0`, ...
    Stmt back = Store::make(r.buf, src, staged(Load::make(copy, dst)));
    if (guard) back = IfThenElse::make(simplify(guard), back);
    std::vector<std::string> names;
    for (size_t d = 0; d < dims; ++d) names.push_back(req.name + ".w" + std::to_string(d));
    for (size_t d = dims; d-- > 0;) {
      DType t = start[d].type();
      back = substitute(back, copyLoops[d], Var::make(t, names[d]));
    }
    for (size_t d = dims; d-- > 0;) {
      DType t = start[d].type();
      back =
          withLoc(For::make(names[d], makeConst(t, 0), extent[d], ForKind::Serial, back), L->loc);
    }
    parts.push_back(back);
    res.loops.insert(res.loops.end(), names.begin(), names.end());
  }
  newBody = withLoc(Allocate::make(copy, Block::make(parts)), L->loc);
  res.body = replaceLoop(root, L, rebuildFor(L, newBody));
  // compute_at: the producer nest goes once nothing else reads the buffer.
  if (req.producer) {
    Reads left(req.buffer);
    left.visit(res.body);
    if (left.loads.empty()) res.body = dropProducer(res.body, *req.producer);
  }
  return res;
}

} // namespace hybridc::ir
