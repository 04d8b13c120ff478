//===- SplitHostDevice.cpp - Kernels of a def on the cuda target -----------===//
//
// The model (docs/cuda.md): each top-level statement of the def's body that
// contains a loop bound to blockIdx/threadIdx is one kernel. Inside it
// every thread runs the statements, and a bound loop is the thread's own
// index (`for tx in bind('threadIdx.x', 64)`: tx = threadIdx.x, guarded by
// tx < 64). So:
//  - a store outside every bound loop would run in every thread (or, at the
//    top level, on no thread at all): refused;
//  - a tag's extent is the grid/block size: it must be computable on the
//    host from the scalar parameters (equal wherever the kernel binds the
//    tag, and not bound inside itself: Sema and ApplySchedule see to that);
//  - threadIdx extents multiply to the block size, at most maxThreads when
//    constant;
//  - shared memory: allocate(..., 'shared') at the block level (not inside
//    a loop bound to threadIdx), constant and at most 48 KiB; barriers
//    (__syncthreads) are inserted by TVM's storage-sync rule (insertBarriers);
//  - what the NVPTX code generation of this version cannot do yet is
//    refused at its statement: asserts, heap allocations,
//    break/continue of a bound loop, math functions without an NVPTX
//    implementation (the float64 ones: sin, cos, tanh, erf, power).
//
// Expects: the final loop IR (after final-simplify), cuda target only.
// Guarantees: on success LoweredFunc::kernels holds one kernel per
// top-level bound nest, with its grid/block extents and barriers, and the
// body is the host's launches in order; otherwise errors at the statements
// and the def unchanged.
//
//===----------------------------------------------------------------------===//
#include "hybridc/Transforms/SplitHostDevice.h"

#include "hybridc/Analysis/LoopNest.h"
#include "hybridc/IR/IRPrinter.h"
#include "hybridc/IR/IRVisitor.h"
#include "hybridc/Support/InternalError.h"

#include <set>

namespace hybridc::ir {

using namespace loopnest;

namespace {

bool containsBound(const Stmt &s) {
  struct Find : IRVisitor {
    using IRVisitor::visit;
    bool found = false;
    void visit(const For *f) override {
      found |= f->forKind == ForKind::ThreadBinding;
      IRVisitor::visit(f);
    }
  } find;
  find.visit(s);
  return find.found;
}

class KernelCheck : public IRVisitor {
public:
  KernelCheck(DeviceKernel &k, const std::set<std::string> &params, DiagnosticEngine &diags)
      : k_(k), params_(params), diags_(diags) {}
  bool ok = true;
  std::map<std::string, const For *> firstBinding;

  using IRVisitor::visit;

protected:
  // Each statement sets the location its errors (and those of its
  // expressions) are reported at.
#define HY_LOCATED(Node)                                                                           \
  void visit(const Node *n) override {                                                             \
    if (n->loc.isValid()) loc_ = n->loc;                                                           \
    IRVisitor::visit(n);                                                                           \
  }
  HY_LOCATED(LetStmt)
  HY_LOCATED(Assign)
  HY_LOCATED(IfThenElse)
  HY_LOCATED(Evaluate)
#undef HY_LOCATED

  void error(DiagKind kind, std::vector<std::string> args) {
    diags_.report(kind, SourceRange(loc_), std::move(args));
    ok = false;
  }

  void visit(const For *f) override {
    if (f->loc.isValid()) loc_ = f->loc;
    if (f->forKind != ForKind::ThreadBinding) {
      loops_.push_back(f);
      IRVisitor::visit(f);
      loops_.pop_back();
      return;
    }
    const std::string &tag = f->threadTag;
    for (const Expr &e : {f->min, f->extent})
      for (const std::string &v : freeVars(e))
        if (!params_.count(v)) {
          error(DiagKind::CudaThreadExtent, {f->name, tag, toString(e)});
          break;
        }
    // Sema (source binds) and ApplySchedule (schedule binds) refuse a tag
    // bound inside itself and a tag bound with two extents.
    for (const For *outer : bound_)
      HY_ASSERT(outer->threadTag != tag, "cuda: " + tag + " bound inside itself");
    auto it = firstBinding.find(tag);
    if (it == firstBinding.end()) {
      firstBinding[tag] = f;
      k_.extents[tag] = f->extent;
    } else {
      HY_ASSERT(equal(it->second->extent, f->extent), "cuda: " + tag + " bound with two extents");
    }
    bound_.push_back(f);
    loops_.push_back(f);
    IRVisitor::visit(f);
    loops_.pop_back();
    bound_.pop_back();
  }
  void visit(const While *w) override {
    if (w->loc.isValid()) loc_ = w->loc;
    loops_.push_back(nullptr);
    IRVisitor::visit(w);
    loops_.pop_back();
  }
  void visit(const Break *) override { checkJump("break"); }
  void visit(const Continue *) override { checkJump("continue"); }
  void visit(const Store *s) override {
    if (s->loc.isValid()) loc_ = s->loc;
    if (bound_.empty())
      error(DiagKind::CudaHostCode, {"a store to '" + s->buffer->name + "'",
                                     "this one would run in every thread of the kernel"});
    IRVisitor::visit(s);
  }
  void visit(const AssertStmt *a) override {
    if (a->loc.isValid()) loc_ = a->loc;
    error(DiagKind::CudaUnsupported, {"assert"});
  }
  void visit(const Allocate *a) override {
    if (a->loc.isValid()) loc_ = a->loc;
    const Buffer &b = a->buffer;
    int64_t elems = 1;
    bool constant = true;
    for (const Expr &d : b->shape) {
      const int64_t *c = asConstInt(d);
      if (!c)
        constant = false;
      else
        elems *= *c;
    }
    bool inThreads = false;
    for (const For *f : bound_) inThreads |= f->threadTag.rfind("threadIdx.", 0) == 0;
    if (b->scope == "shared" && inThreads)
      error(DiagKind::CudaUnsupported,
            {"allocate(..., 'shared') inside a loop bound to threadIdx ('" + b->name + "')"});
    else if (b->scope == "shared" && (!constant || elems * b->dtype.bytes() > 48 * 1024))
      error(DiagKind::CudaUnsupported,
            {"a shared allocate of non-constant or over 48 KiB size ('" + b->name + "')"});
    else if (!constant || elems * b->dtype.bytes() > 64 * 1024)
      error(DiagKind::CudaUnsupported,
            {"an allocate of non-constant or over 64 KiB size ('" + b->name + "')"});
    IRVisitor::visit(a);
  }

private:
  void checkJump(const char *what) {
    // The innermost loop: a bound one is not a loop on the device.
    for (size_t k = loops_.size(); k-- > 0;) {
      if (loops_[k] && loops_[k]->forKind == ForKind::ThreadBinding)
        error(DiagKind::CudaUnsupported,
              {std::string(what) + " out of a loop bound to " + loops_[k]->threadTag});
      return;
    }
  }

  DeviceKernel &k_;
  const std::set<std::string> &params_;
  DiagnosticEngine &diags_;
  SourceLoc loc_;
  std::vector<const For *> bound_, loops_; // loops_: nullptr for a while
};

/// The shared buffers `s` reads and writes (anywhere inside it).
void sharedAccesses(const Stmt &s, std::set<const BufferNode *> &reads,
                    std::set<const BufferNode *> &writes) {
  struct Scan : IRVisitor {
    using IRVisitor::visit;
    std::set<const BufferNode *> &r, &w;
    Scan(std::set<const BufferNode *> &r, std::set<const BufferNode *> &w) : r(r), w(w) {}
    void visit(const Load *l) override {
      if (l->buffer->scope == "shared") r.insert(l->buffer.get());
      IRVisitor::visit(l);
    }
    void visit(const Store *st) override {
      if (st->buffer->scope == "shared") w.insert(st->buffer.get());
      IRVisitor::visit(st);
    }
  } scan(reads, writes);
  scan.visit(s);
}

bool meets(const std::set<const BufferNode *> &a, const std::set<const BufferNode *> &b) {
  for (auto *x : a)
    if (b.count(x)) return true;
  return false;
}

Stmt barrier() { return Evaluate::make(Call::make(DType::i32(), Intrinsic::SyncThreads, {})); }

/// TVM's storage-sync rule for shared memory, at the block level (outside
/// loops bound to threadIdx, where every thread of the block runs the same
/// statements): a barrier before a statement that touches a shared buffer
/// written since the last barrier, or writes one read since then; and at
/// the end of a serial loop's body that both reads and writes shared memory
/// (the next iteration may overwrite what this one read).
Stmt insertBarriers(const Stmt &s);

} // namespace

Stmt withSharedBarriers(const Stmt &body) {
  std::vector<Stmt> top;
  if (auto *b = body.as<Block>())
    top = b->stmts;
  else if (body)
    top.push_back(body);
  for (Stmt &s : top)
    if (containsBound(s)) s = insertBarriers(s);
  return Block::make(top);
}

namespace {

Stmt insertBarriers(const Stmt &s) {
  if (!s) return s;
  if (auto *f = s.as<For>()) {
    if (f->forKind == ForKind::ThreadBinding && f->threadTag.rfind("threadIdx.", 0) == 0) return s;
    Stmt body = insertBarriers(f->body);
    if (f->forKind != ForKind::ThreadBinding) {
      std::set<const BufferNode *> r, w;
      sharedAccesses(body, r, w);
      if (!w.empty()) body = Block::make({body, barrier()}); // conservative: also write-after-write
    }
    return withLoc(For::make(f->name, f->min, f->extent, f->forKind, body, f->threadTag), f->loc);
  }
  if (auto *b = s.as<Block>()) {
    std::vector<Stmt> out;
    std::set<const BufferNode *> read, written;
    for (const Stmt &x : b->stmts) {
      std::set<const BufferNode *> r, w;
      sharedAccesses(x, r, w);
      if (meets(r, written) || meets(w, written) || meets(w, read)) {
        out.push_back(barrier());
        read.clear();
        written.clear();
      }
      out.push_back(insertBarriers(x));
      read.insert(r.begin(), r.end());
      written.insert(w.begin(), w.end());
    }
    return Block::make(out);
  }
  if (auto *l = s.as<LetStmt>())
    return withLoc(LetStmt::make(l->name, l->value, insertBarriers(l->body)), l->loc);
  if (auto *v = s.as<VarDecl>())
    return withLoc(VarDecl::make(v->name, v->type, insertBarriers(v->body)), v->loc);
  if (auto *a = s.as<Allocate>())
    return withLoc(Allocate::make(a->buffer, insertBarriers(a->body)), a->loc);
  if (auto *i = s.as<IfThenElse>())
    return withLoc(IfThenElse::make(i->cond, insertBarriers(i->then), insertBarriers(i->otherwise)),
                   i->loc);
  return s;
}

} // namespace

namespace {
const char *const kLaunchMarker = "cuda.launch:";
} // namespace

Stmt launch(const std::string &name) {
  return Evaluate::make(StringImm::make(kLaunchMarker + name));
}

std::optional<std::string> launchedKernel(const Evaluate *e) {
  auto *str = e ? e->value.as<StringImm>() : nullptr;
  if (!str || str->value.rfind(kLaunchMarker, 0) != 0) return std::nullopt;
  return str->value.substr(std::string(kLaunchMarker).size());
}

bool splitHostDevice(LoweredFunc &f, DiagnosticEngine &diags, int64_t maxThreads) {
  std::vector<DeviceKernel> kernels;
  std::set<std::string> params;
  for (const Arg &a : f.args)
    if (a.kind == Arg::Scalar) params.insert(a.name);
  std::vector<Stmt> top;
  if (auto *b = f.body.as<Block>())
    top = b->stmts;
  else if (f.body)
    top.push_back(f.body);
  bool ok = true;
  for (const Stmt &s : top) {
    if (!containsBound(s)) {
      SourceLoc loc = s->loc.isValid() ? s->loc : f.loc;
      diags.report(DiagKind::CudaHostCode, SourceRange(loc),
                   {"every statement", "this one is in none, so no GPU thread would run it"});
      ok = false;
      continue;
    }
    DeviceKernel k;
    k.name = f.name + "_k" + std::to_string(kernels.size());
    k.body = s;
    KernelCheck check(k, params, diags);
    check.visit(s);
    ok &= check.ok;
    if (!check.ok) continue;
    int64_t threads = 1;
    std::string dims;
    bool known = true;
    for (const char *tag : {"threadIdx.x", "threadIdx.y", "threadIdx.z"}) {
      auto it = k.extents.find(tag);
      if (it == k.extents.end()) continue;
      const int64_t *c = asConstInt(it->second);
      if (!c) {
        known = false;
        continue;
      }
      threads *= *c;
      dims += (dims.empty() ? "" : " x ") + std::to_string(*c) + " (" + tag + ")";
    }
    if (known && threads > maxThreads) {
      const For *first = check.firstBinding.count("threadIdx.x")
                             ? check.firstBinding.at("threadIdx.x")
                             : check.firstBinding.begin()->second;
      diags.report(DiagKind::CudaBlockTooLarge,
                   SourceRange(first->loc.isValid() ? first->loc : f.loc),
                   {std::to_string(threads), std::to_string(maxThreads), dims});
      ok = false;
      continue;
    }
    k.body = insertBarriers(k.body);
    kernels.push_back(std::move(k));
  }
  if (!ok) return false;
  std::vector<Stmt> launches;
  for (const DeviceKernel &k : kernels) launches.push_back(launch(k.name));
  f.body = Block::make(launches);
  f.kernels = std::move(kernels);
  return true;
}

} // namespace hybridc::ir
