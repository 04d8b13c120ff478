//===- ApplySchedule.cpp - The schedule file's primitives on the loop nest ===//
//
// applySchedule() applies a def's "schedule" list to its lowered body, one
// primitive at a time, in TVM's terms (schedule_lang.cc, hybrid_op.cc):
//
//  - split:   i -> i.outer, i.inner in i's slot; i = outer*factor + inner + min.
//             An imperfect split adds a tail guard `if likely(outer*f + inner
//             < extent)`, sunk to the bottom of the perfect nest under the
//             split loop so that later reorders and fuses still see one
//             perfect nest.
//  - fuse:    adjacent loops a, b of one perfect nest -> a.b.fused;
//             a = fused // ext_b + min_a, b = fused % ext_b + min_b.
//  - reorder: permutes only the listed loops' slots of one perfect nest.
//  - tile:    split each listed loop, then reorder outers before inners.
//  - unroll, vectorize, parallel, bind: set the loop's kind.
//
// Loops are addressed by name; "i#k" is the k-th loop named i in source
// (pre-)order. The numbering is stable: a loop consumed by an earlier op
// keeps its number (using it is an error that names the op), so "i#1" stays
// the second source loop named i after "i#0" is split.
//
// Once every op has applied, the finalize-guards pass (FinalizeGuards.cpp)
// turns the tail guards into clipped loops and vector/tail pairs.
//
// Every error is reported at the op's range in the JSON and names the loop;
// an op that fails changes nothing, later ops that name the loops it would
// have created are skipped silently, and on any error the input body is
// returned unchanged.
//
// Expects: the simplified loop nest as written (ast-to-ir, simplify).
// Guarantees: the same results; loop kinds and thread tags as the schedule
// says; every imperfect split's tail guard at the bottom of its nest.
//
//===----------------------------------------------------------------------===//
#include "hybridc/Transforms/ApplySchedule.h"
#include "hybridc/Analysis/LoopNest.h"
#include "hybridc/Analysis/Simplify.h"
#include "hybridc/IR/IRPrinter.h"
#include "hybridc/IR/IRVisitor.h"
#include "hybridc/Schedule/Schedule.h"
#include "hybridc/Support/InternalError.h"
#include "hybridc/Transforms/Passes.h"

#include <algorithm>
#include <map>
#include <set>

namespace hybridc {
namespace {

/// At most this many copies of a loop body from unrolled loops (nested ones
/// multiply), as for const_range in Sema: bounded compile time and memory.
constexpr int64_t kMaxUnrollCopies = 65536;
/// At most this many loops nest after a split (each split adds a level).
constexpr size_t kMaxLoopDepth = 64;

using namespace ir;
using namespace ir::loopnest;

//===--- Walking the nest -------------------------------------------------===//

/// One loop of the current body, with what encloses it.
struct LoopSite {
  const For *loop = nullptr;
  size_t preorder = 0;
  std::vector<const For *> ancestors; // enclosing loops, outermost first
  std::set<std::string> scopeNames;   // names declared by enclosing statements
};

class SiteCollector : public IRVisitor {
public:
  using IRVisitor::visit;
  std::vector<LoopSite> sites;

protected:
  std::vector<const For *> loops_;
  std::vector<std::string> names_;

  void visit(const For *n) override {
    LoopSite s;
    s.loop = n;
    s.preorder = sites.size();
    s.ancestors = loops_;
    s.scopeNames.insert(names_.begin(), names_.end());
    sites.push_back(std::move(s));
    visit(n->min);
    visit(n->extent);
    loops_.push_back(n);
    names_.push_back(n->name);
    visit(n->body);
    names_.pop_back();
    loops_.pop_back();
  }
  void visit(const VarDecl *n) override {
    names_.push_back(n->name);
    visit(n->body);
    names_.pop_back();
  }
  void visit(const LetStmt *n) override {
    visit(n->value);
    names_.push_back(n->name);
    visit(n->body);
    names_.pop_back();
  }
  void visit(const Allocate *n) override {
    names_.push_back(n->buffer->name);
    visit(n->body);
    names_.pop_back();
  }
};

std::vector<LoopSite> collectSites(const Stmt &body) {
  SiteCollector c;
  c.visit(body);
  return std::move(c.sites);
}

/// Pushes `cond` (a guard's comparison) down through the loops of the perfect
/// nest `s` and the guards already there, stopping at a loop whose bounds use
/// one of `vars`, and wraps what it reaches.
Stmt sinkGuard(const Stmt &s, const Expr &cond, const std::set<std::string> &vars) {
  if (!s) return s;
  if (auto *f = s.as<For>()) {
    if (!usesAnyVar(f->min, vars) && !usesAnyVar(f->extent, vars))
      return rebuildFor(f, sinkGuard(f->body, cond, vars));
  } else if (auto *g = asGuard(s)) {
    return withLoc(IfThenElse::make(g->cond, sinkGuard(g->then, cond, vars)), s->loc);
  }
  return makeGuard(cond, s);
}

std::string kindText(const For *f) {
  switch (f->forKind) {
  case ForKind::Serial: return "serial";
  case ForKind::Parallel: return "parallel";
  case ForKind::Vectorized: return "vectorized";
  case ForKind::Unrolled: return "unrolled";
  case ForKind::ThreadBinding: return "bound to '" + f->threadTag + "'";
  }
  return "?";
}

const char *opName(ScheduleOp::Kind k) {
  switch (k) {
  case ScheduleOp::Split: return "split";
  case ScheduleOp::Fuse: return "fuse";
  case ScheduleOp::Reorder: return "reorder";
  case ScheduleOp::Tile: return "tile";
  case ScheduleOp::Unroll: return "unroll";
  case ScheduleOp::Vectorize: return "vectorize";
  case ScheduleOp::Parallel: return "parallel";
  case ScheduleOp::Bind: return "bind";
  case ScheduleOp::Rfactor: return "rfactor";
  case ScheduleOp::CacheRead: return "cache_read";
  case ScheduleOp::ComputeInline: return "compute_inline";
  case ScheduleOp::ComputeAt: return "compute_at";
  case ScheduleOp::CacheWrite: return "cache_write";
  case ScheduleOp::Stream: return "stream";
  }
  return "?";
}

/// The verb of "cannot <verb> loop 'i'".
const char *opVerb(ScheduleOp::Kind k) {
  return k == ScheduleOp::Parallel ? "parallelize" : opName(k);
}

std::string quoteList(const std::vector<std::string> &names) {
  std::string s;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) s += i + 1 == names.size() ? (names.size() == 2 ? " and " : ", and ") : ", ";
    s += "'" + names[i] + "'";
  }
  return s;
}

/// What a loop's body holds instead of a single loop (for "not a perfect nest").
std::string describeBody(const Stmt &s) {
  if (!s) return "nothing";
  if (asGuard(s)) return "the tail guard of an imperfect split around its inner loop";
  switch (s->kind) {
  case StmtKind::Block: return "other statements besides the inner loop";
  case StmtKind::VarDecl: return "the declaration of '" + s.as<VarDecl>()->name + "'";
  case StmtKind::LetStmt: return "the binding of '" + s.as<LetStmt>()->name + "'";
  case StmtKind::Allocate: return "the allocation of '" + s.as<Allocate>()->buffer->name + "'";
  case StmtKind::IfThenElse: return "an 'if' around its inner loop";
  case StmtKind::While: return "a 'while' loop";
  default: return "a statement, not a loop";
  }
}

//===--- The scheduler ----------------------------------------------------===//

class Scheduler {
public:
  Scheduler(const Stmt &body, const DefSchedule &sched, DiagnosticEngine &diags)
      : body_(body), sched_(sched), diags_(diags) {
    for (auto &s : collectSites(body_))
      slots_[s.loop->name].push_back(Slot{nextId_++, true, nullptr});
    MutableVars mv;
    mv.visit(body_);
    mutableVars_ = std::move(mv.names);
  }

  Stmt run() {
    const Stmt original = body_;
    unsigned before = diags_.errorCount();
    for (const ScheduleOp &op : sched_.ops) {
      if (mentionsPoisoned(op)) {
        poison(op);
        continue;
      }
      Stmt savedBody = body_;
      auto savedSlots = slots_;
      unsigned e0 = diags_.errorCount();
      bool ok = false;
      try {
        ok = apply(op);
      } catch (...) {
        body_ = savedBody;
        slots_ = savedSlots;
        throw;
      }
      if (!ok || diags_.errorCount() != e0) {
        HY_ASSERT(diags_.errorCount() != e0,
                  std::string("schedule op '") + opName(op.kind) + "' failed without a diagnostic");
        body_ = savedBody;
        slots_ = savedSlots;
        poison(op);
      }
    }
    if (diags_.errorCount() != before) return original;
    return body_; // the tail guards are finalised by the next pass (FinalizeGuards.cpp)
  }

private:
  struct Slot {
    unsigned id;
    bool alive;
    const ScheduleOp *killedBy;
  };
  /// A resolved loop: its name, its slot's id and its site in the body.
  struct Target {
    std::string name;
    unsigned id = 0;
    LoopSite site;
    std::string address; // as the schedule wrote it (for messages)
    const For *loop() const { return site.loop; }
  };

  class MutableVars : public IRVisitor {
  public:
    using IRVisitor::visit;
    std::set<std::string> names;

  protected:
    void visit(const VarDecl *n) override {
      names.insert(n->name);
      IRVisitor::visit(n);
    }
  };

  Stmt body_;
  const DefSchedule &sched_;
  DiagnosticEngine &diags_;
  std::map<std::string, std::vector<Slot>> slots_;
  unsigned nextId_ = 0;
  std::set<std::string> mutableVars_;
  std::set<std::string> poisoned_; // names an op that failed would have created

  //===--- Addressing ---------------------------------------------------===//

  static std::pair<std::string, int> parseAddress(const std::string &a) {
    size_t h = a.rfind('#');
    if (h == std::string::npos || h + 1 == a.size() || h == 0) return {a, -1};
    for (size_t i = h + 1; i < a.size(); ++i)
      if (a[i] < '0' || a[i] > '9') return {a, -1};
    if (a.size() - h > 6) return {a, -1};
    return {a.substr(0, h), std::stoi(a.substr(h + 1))};
  }

  std::string addressOf(const std::string &name, unsigned id) const {
    auto it = slots_.find(name);
    if (it == slots_.end()) return name;
    size_t alive = 0, pos = 0;
    for (size_t i = 0; i < it->second.size(); ++i) {
      alive += it->second[i].alive;
      if (it->second[i].id == id) pos = i;
    }
    return alive == 1 ? name : name + "#" + std::to_string(pos);
  }

  std::string loopList() const {
    std::string s;
    std::map<std::string, size_t> seen;
    for (auto &site : collectSites(body_)) {
      const std::string &n = site.loop->name;
      size_t k = seen[n]++;
      unsigned id = 0;
      size_t alive = 0;
      for (auto &slot : slots_.at(n))
        if (slot.alive && alive++ == k) id = slot.id;
      s += (s.empty() ? "" : ", ") + addressOf(n, id);
    }
    return s.empty() ? "(none)" : s;
  }

  /// The current site of the loop in slot `id` of `name`.
  std::optional<Target> byId(const std::string &name, unsigned id) const {
    auto it = slots_.find(name);
    if (it == slots_.end()) return std::nullopt;
    size_t k = 0;
    bool found = false;
    for (auto &slot : it->second) {
      if (slot.id == id) {
        if (!slot.alive) return std::nullopt;
        found = true;
        break;
      }
      k += slot.alive;
    }
    if (!found) return std::nullopt;
    size_t seen = 0;
    for (auto &site : collectSites(body_)) {
      if (site.loop->name != name) continue;
      if (seen++ == k) return Target{name, id, site, addressOf(name, id)};
    }
    HY_UNREACHABLE("loop slot " + name + " has no loop in the body");
  }

  static std::optional<Target> withAddress(std::optional<Target> t, const std::string &address) {
    if (t) t->address = address;
    return t;
  }

  std::optional<Target> resolve(const std::string &address, SourceRange where) {
    auto [name, index] = parseAddress(address);
    auto it = slots_.find(name);
    if (it == slots_.end() || it->second.empty()) {
      // "i#2" where "i#2" is itself a name? Only plain names reach here.
      diags_.report(DiagKind::ScheduleUnknownLoop, where, {address, sched_.def, loopList()});
      return std::nullopt;
    }
    auto &slots = it->second;
    auto replaced = [&](const Slot &s) {
      diags_.report(DiagKind::ScheduleLoopReplaced, where, {address, opName(s.killedBy->kind)})
          .note(DiagKind::NotePrevious, s.killedBy->range, {"'" + address + "' was replaced here"});
      return std::nullopt;
    };
    if (index < 0) {
      std::vector<const Slot *> alive;
      for (auto &s : slots)
        if (s.alive) alive.push_back(&s);
      if (alive.size() == 1) return withAddress(byId(name, alive[0]->id), address);
      if (alive.empty()) return replaced(slots.back());
      std::vector<std::string> cands;
      for (size_t i = 0; i < slots.size(); ++i)
        if (slots[i].alive) cands.push_back("'" + name + "#" + std::to_string(i) + "'");
      std::string list;
      for (size_t i = 0; i < cands.size(); ++i) list += (i ? ", " : "") + cands[i];
      diags_.report(DiagKind::ScheduleAmbiguousLoop, where, {address, list});
      return std::nullopt;
    }
    if ((size_t)index >= slots.size()) {
      diags_.report(DiagKind::ScheduleUnknownLoop, where, {address, sched_.def, loopList()});
      return std::nullopt;
    }
    if (!slots[index].alive) return replaced(slots[index]);
    return withAddress(byId(name, slots[index].id), address);
  }

  /// Marks a loop consumed by `op`.
  void consume(const Target &t, const ScheduleOp &op) {
    for (auto &s : slots_[t.name])
      if (s.id == t.id) {
        s.alive = false;
        s.killedBy = &op;
      }
  }

  /// Registers a loop named `name` that `body_` now holds at pre-order index
  /// `preorder`; returns its slot id.
  unsigned create(const std::string &name, size_t preorder) {
    size_t rank = 0;
    for (auto &site : collectSites(body_))
      if (site.preorder < preorder && site.loop->name == name) ++rank;
    auto &slots = slots_[name];
    size_t pos = slots.size(), alive = 0;
    for (size_t i = 0; i < slots.size(); ++i) {
      if (!slots[i].alive) continue;
      if (alive++ == rank) {
        pos = i;
        break;
      }
    }
    unsigned id = nextId_++;
    slots.insert(slots.begin() + pos, Slot{id, true, nullptr});
    return id;
  }

  //===--- Poisoning (no cascades after a failed op) ---------------------===//

  std::vector<std::string> createdNames(const ScheduleOp &op) const {
    std::vector<std::string> out;
    auto splitNames = [&](const std::string &loop, const std::string &o, const std::string &i) {
      std::string base = parseAddress(loop).first;
      out.push_back(o.empty() ? base + ".outer" : o);
      out.push_back(i.empty() ? base + ".inner" : i);
    };
    switch (op.kind) {
    case ScheduleOp::Split: splitNames(op.loop, op.outer, op.inner); break;
    case ScheduleOp::Tile:
      for (auto &l : op.loops) splitNames(l, "", "");
      break;
    case ScheduleOp::Fuse: out.push_back(fusedName(op)); break;
    case ScheduleOp::CacheRead:
    case ScheduleOp::CacheWrite:
    case ScheduleOp::ComputeAt:
      for (int d = 0; d < 8; ++d) {
        out.push_back(copyName(op) + ".d" + std::to_string(d));
        if (op.kind == ScheduleOp::CacheWrite)
          out.push_back(copyName(op) + ".w" + std::to_string(d));
      }
      break;
    case ScheduleOp::Rfactor:
      out.push_back(parseAddress(op.loop).first + ".init");
      out.push_back(parseAddress(op.loop).first + ".combine");
      break;
    default: break;
    }
    return out;
  }

  std::string fusedName(const ScheduleOp &op) const {
    if (!op.name.empty()) return op.name;
    std::string n;
    for (auto &l : op.loops) n += parseAddress(l).first + ".";
    return n + "fused";
  }

  void poison(const ScheduleOp &op) {
    for (auto &n : createdNames(op)) poisoned_.insert(n);
  }

  bool mentionsPoisoned(const ScheduleOp &op) const {
    if (!op.loop.empty() && poisoned_.count(parseAddress(op.loop).first)) return true;
    for (auto &l : op.loops)
      if (poisoned_.count(parseAddress(l).first)) return true;
    return false;
  }

  //===--- Checks shared by the ops --------------------------------------===//

  /// `breakAllowed`: split keeps a loop's `break` meaning (see split());
  /// fuse and tile cannot (checkNoBreak).
  bool checkSerial(const Target &t, const char *verb, SourceRange where,
                   bool breakAllowed = false) {
    if (t.loop()->forKind != ForKind::Serial) {
      diags_.report(DiagKind::ScheduleConflict, where,
                    {verb, t.address, "it is already " + kindText(t.loop())});
      return false;
    }
    return breakAllowed || checkNoBreak(t.loop(), t.address, verb, where);
  }

  /// Whether `site` is loop L or a loop nested inside it.
  static bool atOrInside(const LoopSite &site, const For *L) {
    return site.loop == L ||
           std::find(site.ancestors.begin(), site.ancestors.end(), L) != site.ancestors.end();
  }

  /// `break` statements of the loop itself become `flag = true; break`.
  class FlagBreaks : public IRMutator {
  public:
    explicit FlagBreaks(std::string flag) : flag_(std::move(flag)) {}

  protected:
    using IRMutator::visit;
    std::string flag_;
    Stmt visit(const Break *n, const Stmt &self) override {
      return withLoc(Block::make({Assign::make(flag_, makeConst(DType::boolean(), 1)), self}),
                     n->loc);
    }
    Stmt visit(const For *, const Stmt &self) override { return self; }
    Stmt visit(const While *, const Stmt &self) override { return self; }
  };

  /// A loop that breaks out of itself keeps its place: fuse or tile it (or
  /// move another loop inside it) and the `break` would leave a different
  /// loop than the one it was written for.
  bool checkNoBreak(const For *f, const std::string &address, const std::string &verb,
                    SourceRange where) {
    const Break *b = effectsOf(f->body).ownBreak;
    if (!b) return true;
    auto d = diags_.report(
        DiagKind::ScheduleConflict, where,
        {verb, address,
         "its body leaves it early with 'break', which would then leave another loop than '" +
             f->name + "'"});
    if (b->loc.isValid())
      d.note(DiagKind::NotePrevious, SourceRange(b->loc), {"the 'break' is here"});
    return false;
  }

  /// A new loop name must be free where the loop will live: not declared
  /// around it, not mentioned inside it. `own` are the names of the loops it
  /// replaces (they disappear).
  bool checkNewName(const std::string &n, const LoopSite &site, const std::set<std::string> &own,
                    SourceRange where) {
    std::string why;
    if (n.empty())
      why = "a loop name cannot be empty";
    else if (n.find('#') != std::string::npos)
      why = "'#' is reserved for numbering loops that share a name (\"i#0\", \"i#1\")";
    else if (!own.count(n) && (site.scopeNames.count(n) || allNames(site.loop).count(n)))
      why = "the name is already used in def '" + sched_.def + "'";
    if (why.empty()) return true;
    diags_.report(DiagKind::ScheduleBadLoopName, where, {n, why});
    return false;
  }

  static std::string impureBounds(const std::string &loop) {
    return "the bounds of loop '" + loop + "' read memory or a variable that the loops may change";
  }

  /// `e` may be re-evaluated inside the loop body (no loads, no mutable vars).
  bool isPure(const Expr &e) const {
    if (hasLoad(e)) return false;
    for (auto &v : freeVars(e))
      if (mutableVars_.count(v)) return false;
    return true;
  }

  //===--- Primitives ----------------------------------------------------===//

  bool apply(const ScheduleOp &op) {
    switch (op.kind) {
    case ScheduleOp::Split: {
      auto t = resolve(op.loop, op.loopRange);
      if (!t) return false;
      SourceRange fr = op.factorRange.isValid() ? op.factorRange : op.range;
      (void)fr;
      return split(op, *t, op.factor, op.nparts, op.outer, op.inner, op.loopRange, "split")
          .has_value();
    }
    case ScheduleOp::Fuse: return fuse(op);
    case ScheduleOp::Reorder: {
      std::vector<Target> ts;
      for (size_t i = 0; i < op.loops.size(); ++i) {
        auto t = resolve(op.loops[i], op.loopRanges[i]);
        if (!t) return false;
        ts.push_back(*t);
      }
      return reorder(ts, op.loopRanges, "reorder", op.range);
    }
    case ScheduleOp::Tile: return tile(op);
    case ScheduleOp::Unroll:
    case ScheduleOp::Vectorize:
    case ScheduleOp::Parallel:
    case ScheduleOp::Bind: return setKind(op);
    case ScheduleOp::Rfactor: return rfactor(op);
    case ScheduleOp::CacheRead:
    case ScheduleOp::CacheWrite:
    case ScheduleOp::ComputeAt: return cacheRead(op);
    case ScheduleOp::ComputeInline: {
      ComputeInlineResult r = ir::computeInline(body_, op.buffer);
      if (!r.body) {
        diags_.report(DiagKind::ScheduleInline, op.bufferRange, {op.buffer, r.error});
        return false;
      }
      body_ = r.body;
      return true;
    }
    case ScheduleOp::Stream: return stream(op);
    }
    return false;
  }

  /// stream (docs/schedules.md "stream"): marks a buffer the def stores
  /// into; code generation makes its whole-vector stores non-temporal.
  bool stream(const ScheduleOp &op) {
    struct Scan : IRVisitor { // every buffer accessed or allocated, by name
      std::map<std::string, Buffer> seen;
      using IRVisitor::visit;
      void visit(const Load *n) override {
        seen.emplace(n->buffer->name, n->buffer);
        IRVisitor::visit(n);
      }
      void visit(const Store *n) override {
        seen.emplace(n->buffer->name, n->buffer);
        IRVisitor::visit(n);
      }
      void visit(const Allocate *n) override {
        seen.emplace(n->buffer->name, n->buffer);
        IRVisitor::visit(n);
      }
    } scan;
    scan.visit(body_);
    auto it = scan.seen.find(op.buffer);
    auto refuse = [&](const std::string &why) {
      diags_.report(DiagKind::ScheduleStream, op.bufferRange, {op.buffer, why});
      return false;
    };
    if (it == scan.seen.end()) {
      std::string names;
      for (auto &[name, b] : scan.seen)
        if (b->kind != BufferNode::Const) names += (names.empty() ? "" : ", ") + name;
      return refuse("def '" + sched_.def + "' has no buffer of that name" +
                    (names.empty() ? std::string() : "; buffers: " + names));
    }
    const Buffer &b = it->second;
    if (!effectsOf(body_).stored.count(b.get()))
      return refuse("def '" + sched_.def + "' never stores into it");
    if (b->kind == BufferNode::Temp && b->scope != "global")
      return refuse("it is a '" + b->scope +
                    "' buffer, kept near the core; only global memory is streamed");
    b->stream = true;
    return true;
  }

  struct SplitResult {
    unsigned outerId, innerId;
    std::string outer, inner;
  };

  std::optional<SplitResult> split(const ScheduleOp &op, const Target &t,
                                   std::optional<int64_t> factor, std::optional<int64_t> nparts,
                                   std::string outer, std::string inner, SourceRange where,
                                   const char *verb) {
    const For *L = t.loop();
    // (tile has checked its loops for a break before splitting them)
    if (!checkSerial(t, verb, where, /*breakAllowed=*/true)) return std::nullopt;
    // Bounded nesting, as for source loops: a split adds a level to every
    // loop at or inside L.
    size_t deepest = 0;
    for (auto &site : collectSites(body_))
      if (atOrInside(site, L)) deepest = std::max(deepest, site.ancestors.size() + 1);
    if (deepest + 1 > kMaxLoopDepth) {
      diags_.report(DiagKind::ScheduleConflict, where,
                    {verb, t.address,
                     "the loops would nest more than " + std::to_string(kMaxLoopDepth) + " deep"});
      return std::nullopt;
    }
    if (outer.empty()) outer = L->name + ".outer";
    if (inner.empty()) inner = L->name + ".inner";
    std::set<std::string> own{L->name};
    if (!checkNewName(outer, t.site, own, where) || !checkNewName(inner, t.site, own, where))
      return std::nullopt;
    if (outer == inner) {
      diags_.report(DiagKind::ScheduleBadLoopName, where,
                    {outer, "both new loops would have this name"});
      return std::nullopt;
    }
    DType ty = L->extent.type();
    // Bounds that may change inside the body are evaluated once, before it.
    std::vector<std::pair<std::string, Expr>> lets;
    Expr ext = L->extent, mn = L->min;
    auto bindOnce = [&](Expr &e, const std::string &suffix) -> bool {
      if (isPure(e)) return true;
      std::string n = L->name + suffix;
      if (!checkNewName(n, t.site, {}, where)) return false;
      lets.push_back({n, e});
      e = Var::make(e.type(), n);
      return true;
    };
    if (!bindOnce(mn, ".min") || !bindOnce(ext, ".extent")) return std::nullopt;

    const int64_t *cext = asConstInt(ext);
    Expr F, outerExt;
    bool perfect = false;
    if (factor) {
      F = makeConst(ty, *factor);
      if (cext) {
        outerExt = makeConst(ty, (*cext + *factor - 1) / *factor);
        perfect = *cext % *factor == 0;
      } else {
        outerExt = simplify(Binary::make(BinOp::FloorDiv, ext + makeConst(ty, *factor - 1), F));
      }
    } else {
      HY_ASSERT(nparts, "split without factor or nparts");
      if (cext) {
        int64_t f = std::max<int64_t>(1, (*cext + *nparts - 1) / *nparts);
        F = makeConst(ty, f);
        outerExt = makeConst(ty, (*cext + f - 1) / f);
        perfect = *cext % f == 0;
      } else {
        F = simplify(Binary::make(BinOp::FloorDiv, ext + makeConst(ty, *nparts - 1),
                                  makeConst(ty, *nparts)));
        outerExt = makeConst(ty, *nparts);
      }
    }
    if (cext && *cext <= 0) perfect = true; // the loop never runs

    Expr o = Var::make(ty, outer), in = Var::make(ty, inner);
    Expr offset = simplify(o * F + in);
    Expr value = isConstInt(mn, 0) ? offset : offset + mn;
    Stmt body = substitute(L->body, L->name, value);
    // A `break` of the split loop must leave both new loops: it sets a flag
    // under which the outer loop's remaining iterations do nothing.
    std::string flag;
    if (effectsOf(L->body).ownBreak) {
      flag = L->name + ".break";
      if (!checkNewName(flag, t.site, {}, where)) return std::nullopt;
      body = FlagBreaks(flag).mutate(body);
    }
    if (!perfect) body = sinkGuard(body, Cmp::make(CmpOp::LT, offset, ext), {outer, inner});
    Stmt innerLoop = withLoc(For::make(inner, makeConst(ty, 0), F, ForKind::Serial, body), L->loc);
    // (Not `if flag: break` after it: a peeled tail iteration of the outer
    // loop would then break the loop around it.)
    if (!flag.empty())
      innerLoop = IfThenElse::make(Not::make(Var::make(DType::boolean(), flag)), innerLoop);
    Stmt result =
        withLoc(For::make(outer, makeConst(ty, 0), outerExt, ForKind::Serial, innerLoop), L->loc);
    if (!flag.empty())
      result =
          VarDecl::make(flag, DType::boolean(),
                        Block::make({Assign::make(flag, makeConst(DType::boolean(), 0)), result}));
    for (auto it = lets.rbegin(); it != lets.rend(); ++it)
      result = withLoc(LetStmt::make(it->first, it->second, result), L->loc);

    size_t pre = t.site.preorder;
    body_ = replaceLoop(body_, L, result);
    consume(t, op);
    SplitResult r;
    r.outer = outer;
    r.inner = inner;
    r.outerId = create(outer, pre);
    r.innerId = create(inner, pre + 1);
    return r;
  }

  bool fuse(const ScheduleOp &op) {
    std::vector<Target> ts;
    for (size_t i = 0; i < op.loops.size(); ++i) {
      auto t = resolve(op.loops[i], op.loopRanges[i]);
      if (!t) return false;
      ts.push_back(*t);
    }
    std::vector<std::string> names;
    for (auto &t : ts) names.push_back(t.address);
    for (size_t i = 0; i < ts.size(); ++i)
      if (!checkSerial(ts[i], "fuse", op.loopRanges[i])) return false;
    // Adjacent, outermost first, each the whole body of the previous one.
    for (size_t i = 0; i + 1 < ts.size(); ++i) {
      const For *a = ts[i].loop(), *b = ts[i + 1].loop();
      if (a->body.get() == b) continue;
      std::string why;
      bool bInsideA = std::find(ts[i + 1].site.ancestors.begin(), ts[i + 1].site.ancestors.end(),
                                a) != ts[i + 1].site.ancestors.end();
      bool aInsideB = std::find(ts[i].site.ancestors.begin(), ts[i].site.ancestors.end(), b) !=
                      ts[i].site.ancestors.end();
      if (aInsideB)
        why = "'" + ts[i + 1].address + "' encloses '" + ts[i].address +
              "'; list the loops outermost first";
      else if (!bInsideA)
        why = "'" + ts[i + 1].address + "' is not inside '" + ts[i].address + "'";
      else if (a->body.as<For>())
        why = "they are not adjacent: loop '" + a->body.as<For>()->name + "' lies between them";
      else
        why = "the body of loop '" + ts[i].address + "' holds " + describeBody(a->body);
      diags_.report(DiagKind::ScheduleNotPerfectNest, op.loopRanges[i + 1],
                    {"fuse", quoteList(names), why});
      return false;
    }
    for (size_t i = 1; i < ts.size(); ++i)
      for (size_t j = 0; j < i; ++j)
        if (usesVar(ts[i].loop()->min, ts[j].loop()->name) ||
            usesVar(ts[i].loop()->extent, ts[j].loop()->name)) {
          diags_.report(DiagKind::ScheduleDependentBounds, op.loopRanges[i],
                        {"fuse " + quoteList(names), ts[i].name, ts[j].name});
          return false;
        }
    for (size_t i = 0; i < ts.size(); ++i) {
      const For *L = ts[i].loop();
      if (isPure(L->min) && (i == 0 || isPure(L->extent))) continue;
      diags_.report(DiagKind::ScheduleNotPerfectNest, op.loopRanges[i],
                    {"fuse", quoteList(names), impureBounds(ts[i].address)});
      return false;
    }
    if (ts.size() == 1) return true; // fusing one loop leaves it as it is
    std::string fused = fusedName(op);
    std::set<std::string> own;
    for (auto &t : ts) own.insert(t.name);
    if (!checkNewName(fused, ts[0].site, own, op.range)) return false;

    const For *first = ts[0].loop();
    DType ty = first->extent.type(); // mixed-width bounds are computed in the first loop's type
    // fused extent = e0 * max(e1, 0) * ...: a negative inner extent must not
    // turn the product positive.
    Expr total = Cast::make(ty, first->extent);
    for (size_t i = 1; i < ts.size(); ++i) {
      Expr e = Cast::make(ty, ts[i].loop()->extent);
      if (!asConstInt(e)) e = Binary::make(BinOp::Max, e, makeConst(ty, 0));
      total = total * e;
    }
    total = simplify(total);
    Expr f = Var::make(ty, fused);
    Stmt body = ts.back().loop()->body;
    // Innermost: f % e_last; next: (f // e_last) % e_prev; outermost: f // (product).
    Expr rest = f;
    for (size_t i = ts.size(); i-- > 0;) {
      const For *L = ts[i].loop();
      Expr e = Cast::make(ty, L->extent);
      Expr v = i == 0 ? rest : Binary::make(BinOp::FloorMod, rest, e);
      if (i != 0) rest = Binary::make(BinOp::FloorDiv, rest, e);
      Expr val = isConstInt(L->min, 0) ? v : v + Cast::make(ty, L->min);
      body = substitute(body, L->name, Cast::make(L->extent.type(), simplify(val)));
    }
    Stmt result =
        withLoc(For::make(fused, makeConst(ty, 0), total, ForKind::Serial, body), first->loc);
    size_t pre = ts[0].site.preorder;
    body_ = replaceLoop(body_, first, result);
    for (auto &t : ts) consume(t, op);
    create(fused, pre);
    return true;
  }

  bool reorder(const std::vector<Target> &ts, const std::vector<SourceRange> &ranges,
               const char *verb, SourceRange opRange) {
    std::vector<std::string> names;
    for (auto &t : ts) names.push_back(t.address);
    if (ts.size() < 2) return true;
    // The outermost listed loop; every other one must be inside it.
    size_t outer = 0;
    for (size_t i = 1; i < ts.size(); ++i)
      if (ts[i].site.ancestors.size() < ts[outer].site.ancestors.size()) outer = i;
    const For *top = ts[outer].loop();
    for (size_t i = 0; i < ts.size(); ++i) {
      if (i == outer) continue;
      auto &anc = ts[i].site.ancestors;
      if (std::find(anc.begin(), anc.end(), top) == anc.end()) {
        diags_.report(DiagKind::ScheduleNotPerfectNest, ranges[i],
                      {verb, quoteList(names),
                       "'" + ts[i].address + "' is not inside '" + ts[outer].address +
                           "'; they are not one loop nest"});
        return false;
      }
    }
    auto listed = [&](const For *f) -> int {
      for (size_t i = 0; i < ts.size(); ++i)
        if (ts[i].loop() == f) return (int)i;
      return -1;
    };
    std::vector<const For *> chain{top};
    std::vector<int> slotOf; // chain positions of listed loops, outermost first
    slotOf.push_back(0);
    size_t found = 1;
    while (found < ts.size()) {
      const For *cur = chain.back();
      auto *next = cur->body.as<For>();
      if (!next) {
        // The first listed loop below the break, for the caret.
        size_t below = 0;
        for (size_t i = 0; i < ts.size(); ++i)
          if (listed(ts[i].loop()) >= 0 &&
              std::find(chain.begin(), chain.end(), ts[i].loop()) == chain.end()) {
            below = i;
            break;
          }
        diags_.report(DiagKind::ScheduleNotPerfectNest, ranges[below],
                      {verb, quoteList(names),
                       "they are not one perfect nest: the body of loop '" + cur->name +
                           "' holds " + describeBody(cur->body)});
        return false;
      }
      chain.push_back(next);
      if (listed(next) >= 0) {
        slotOf.push_back((int)chain.size() - 1);
        ++found;
      }
    }
    // Bounds read from memory or mutable scalars must keep their place.
    std::vector<const For *> order0 = chain;
    for (size_t i = 0; i < ts.size(); ++i) order0[slotOf[i]] = ts[i].loop();
    for (size_t p = 0; p < chain.size(); ++p) {
      if ((p == 0 && order0[0] == chain[0]) || (isPure(chain[p]->min) && isPure(chain[p]->extent)))
        continue;
      int li = listed(chain[p]);
      diags_.report(DiagKind::ScheduleNotPerfectNest, li >= 0 ? ranges[li] : opRange,
                    {verb, quoteList(names), impureBounds(chain[p]->name)});
      return false;
    }
    // The i-th listed loop goes to the i-th listed slot.
    std::vector<const For *> order = chain;
    for (size_t i = 0; i < ts.size(); ++i) order[slotOf[i]] = ts[i].loop();
    for (size_t p = 0; p < order.size(); ++p)
      for (size_t q = p + 1; q < order.size(); ++q)
        if (usesVar(order[p]->min, order[q]->name) || usesVar(order[p]->extent, order[q]->name)) {
          int li = listed(order[p]);
          diags_.report(
              DiagKind::ScheduleDependentBounds, li >= 0 ? ranges[li] : opRange,
              {std::string(verb) + " " + quoteList(names), order[p]->name, order[q]->name});
          return false;
        }
    if (order.back() != chain.back()) {
      int li = listed(chain.back());
      if (!checkNoBreak(chain.back(), chain.back()->name, verb, li >= 0 ? ranges[li] : opRange))
        return false;
    }
    std::string hazard = reorderHazard(chain, order, chain.back()->body, body_);
    if (!hazard.empty()) {
      diags_.report(DiagKind::ScheduleReorderDependence, opRange, {verb, quoteList(names), hazard});
      return false;
    }
    Stmt body = chain.back()->body;
    for (size_t p = order.size(); p-- > 0;) body = rebuildFor(order[p], body);
    body_ = replaceLoop(body_, top, body);
    return true;
  }

  bool tile(const ScheduleOp &op) {
    if (op.factors.size() != op.loops.size()) return false; // the schema reported it
    std::vector<Target> ts;
    for (size_t i = 0; i < op.loops.size(); ++i) {
      auto t = resolve(op.loops[i], op.loopRanges[i]);
      if (!t) return false;
      ts.push_back(*t);
    }
    for (size_t i = 0; i < ts.size(); ++i)
      if (!checkSerial(ts[i], "tile", op.loopRanges[i])) return false;
    std::vector<std::pair<std::string, unsigned>> outers, inners;
    for (size_t i = 0; i < ts.size(); ++i) {
      auto t = byId(ts[i].name, ts[i].id);
      HY_ASSERT(t, "tiled loop vanished");
      auto r = split(op, *t, op.factors[i], std::nullopt, "", "", op.loopRanges[i], "tile");
      if (!r) return false;
      outers.push_back({r->outer, r->outerId});
      inners.push_back({r->inner, r->innerId});
    }
    std::vector<Target> order;
    std::vector<SourceRange> ranges;
    for (auto *list : {&outers, &inners})
      for (size_t i = 0; i < list->size(); ++i) {
        auto t = byId((*list)[i].first, (*list)[i].second);
        HY_ASSERT(t, "tile lost a split loop");
        order.push_back(*t);
        ranges.push_back(op.loopRanges[i]);
      }
    return reorder(order, ranges, "tile", op.range);
  }

  /// rfactor (FactorReductions.cpp): the loop's reductions keep one partial
  /// result per iteration, across the enclosing loops of the same reduction;
  /// new serial loops `<loop>.init` and `<loop>.combine` set and combine them.
  bool rfactor(const ScheduleOp &op) {
    auto t = resolve(op.loop, op.loopRange);
    if (!t) return false;
    RfactorRequest req;
    req.loop = t->loop();
    req.initName = t->loop()->name + ".init";
    req.combineName = t->loop()->name + ".combine";
    for (auto *n : {&req.initName, &req.combineName})
      if (!checkNewName(*n, t->site, {}, op.loopRange)) return false;
    RfactorResult r = rfactorLoop(body_, req);
    if (!r.body) {
      diags_.report(DiagKind::ScheduleConflict, op.loopRange, {"rfactor", t->address, r.error});
      return false;
    }
    body_ = r.body;
    for (auto &site : collectSites(body_))
      if (site.loop->name == req.initName || site.loop->name == req.combineName)
        create(site.loop->name, site.preorder);
    return true;
  }

  static std::string copyName(const ScheduleOp &op) {
    if (!op.name.empty()) return op.name;
    return op.buffer + (op.kind == ScheduleOp::ComputeAt ? ".tile" : ".local");
  }

  /// cache_read (CacheRead.cpp): inside the loop, reads of the buffer go to
  /// a dense copy of the box the loop reads, made at each iteration by new
  /// serial loops `<name>.d0`, `<name>.d1`, ... compute_at: the same box,
  /// computed there by the buffer's producer nest instead of copied.
  bool cacheRead(const ScheduleOp &op) {
    auto t = resolve(op.loop, op.loopRange);
    if (!t) return false;
    CacheReadRequest req;
    req.loop = t->loop();
    req.buffer = op.buffer;
    req.name = copyName(op);
    bool at = op.kind == ScheduleOp::ComputeAt;
    req.write = op.kind == ScheduleOp::CacheWrite;
    std::string what = std::string(opVerb(op.kind)) + " '" + op.buffer + (at ? "' at" : "' in");
    if (op.kind == ScheduleOp::ComputeAt) {
      // The producer's value, recomputed for the box instead of copied.
      std::string why;
      req.producer = findProducer(body_, op.buffer, why);
      if (!req.producer) {
        diags_.report(DiagKind::ScheduleConflict, op.bufferRange, {what, t->address, why});
        return false;
      }
    }
    req.enclosing = t->site.ancestors;
    if (req.name.empty() || req.name.find('#') != std::string::npos ||
        t->site.scopeNames.count(req.name) || allNames(t->loop()).count(req.name)) {
      diags_.report(DiagKind::ScheduleConflict, op.range,
                    {what, t->address,
                     "the name '" + req.name + "' for the " + (at ? "tile" : "copy") + " is " +
                         (req.name.empty() || req.name.find('#') != std::string::npos
                              ? "not a valid name"
                              : "already used in def '" + sched_.def + "'")});
      return false;
    }
    CacheReadResult r = ir::cacheRead(body_, req);
    if (!r.body) {
      diags_.report(DiagKind::ScheduleConflict, op.loopRange, {what, t->address, r.error});
      return false;
    }
    for (auto &n : r.loops)
      if (!checkNewName(n, t->site, {}, op.range)) return false;
    body_ = r.body;
    for (auto &site : collectSites(body_))
      for (auto &n : r.loops)
        if (site.loop->name == n) create(n, site.preorder);
    return true;
  }

  bool setKind(const ScheduleOp &op) {
    auto t = resolve(op.loop, op.loopRange);
    if (!t) return false;
    const For *L = t->loop();
    ForKind want = op.kind == ScheduleOp::Unroll      ? ForKind::Unrolled
                   : op.kind == ScheduleOp::Vectorize ? ForKind::Vectorized
                   : op.kind == ScheduleOp::Parallel  ? ForKind::Parallel
                                                      : ForKind::ThreadBinding;
    const char *verb = opVerb(op.kind);
    if (L->forKind != ForKind::Serial) {
      if (L->forKind == want && (want != ForKind::ThreadBinding || L->threadTag == op.thread))
        return true; // already so (e.g. annotated in the source)
      diags_.report(DiagKind::ScheduleConflict, op.loopRange,
                    {verb, t->address, "it is already " + kindText(L)});
      return false;
    }
    if (want == ForKind::Vectorized || want == ForKind::Unrolled) {
      if (!asConstInt(L->extent)) {
        diags_.report(want == ForKind::Vectorized ? DiagKind::ScheduleVectorizeExtent
                                                  : DiagKind::ScheduleUnrollExtent,
                      op.loopRange, {t->address, toString(L->extent)});
        return false;
      }
    }
    if (want == ForKind::Unrolled) {
      // Bounded code size: along each chain of nested loops through L, the
      // product of the extents of the unrolled ones (L included).
      int64_t copies = 0;
      for (auto &site : collectSites(body_)) {
        if (!atOrInside(site, L)) continue;
        int64_t chain = 1;
        std::vector<const For *> loops = site.ancestors;
        loops.push_back(site.loop);
        for (const For *f : loops) {
          const int64_t *e = asConstInt(f->extent);
          if ((f == L || f->forKind == ForKind::Unrolled) && e && *e > 1)
            chain = chain > kMaxUnrollCopies / *e ? kMaxUnrollCopies + 1 : chain * *e;
        }
        copies = std::max(copies, chain);
      }
      if (copies > kMaxUnrollCopies) {
        diags_.report(
            DiagKind::ScheduleConflict, op.loopRange,
            {verb, t->address,
             "with the unrolled loops around and inside it, its body would be copied more than " +
                 std::to_string(kMaxUnrollCopies) + " times"});
        return false;
      }
    }
    if (want == ForKind::Vectorized) {
      // One vector dimension: no vectorized loop around or inside this one.
      for (const For *a : t->site.ancestors)
        if (a->forKind == ForKind::Vectorized) {
          diags_.report(
              DiagKind::ScheduleConflict, op.loopRange,
              {verb, t->address, "loop '" + a->name + "' around it is already vectorized"});
          return false;
        }
      for (auto &site : collectSites(body_))
        if (site.loop->forKind == ForKind::Vectorized &&
            std::find(site.ancestors.begin(), site.ancestors.end(), L) != site.ancestors.end()) {
          diags_.report(
              DiagKind::ScheduleConflict, op.loopRange,
              {verb, t->address, "loop '" + site.loop->name + "' inside it is already vectorized"});
          return false;
        }
    }
    if (want == ForKind::ThreadBinding) {
      for (const For *a : t->site.ancestors)
        if (a->forKind == ForKind::ThreadBinding && a->threadTag == op.thread) {
          diags_.report(
              DiagKind::ScheduleConflict, op.loopRange,
              {verb, t->address,
               "loop '" + a->name + "' around it is already bound to '" + op.thread + "'"});
          return false;
        }
      for (auto &site : collectSites(body_)) {
        const For *f = site.loop;
        if (f == L || f->forKind != ForKind::ThreadBinding || f->threadTag != op.thread) continue;
        if (std::find(site.ancestors.begin(), site.ancestors.end(), L) != site.ancestors.end()) {
          diags_.report(
              DiagKind::ScheduleConflict, op.loopRange,
              {verb, t->address,
               "loop '" + f->name + "' inside it is already bound to '" + op.thread + "'"});
          return false;
        }
        if (!sameExpr(simplify(f->extent), simplify(L->extent))) {
          diags_
              .report(DiagKind::BindExtentMismatch,
                      op.threadRange.isValid() ? op.threadRange : op.loopRange,
                      {op.thread, toString(L->extent), toString(f->extent)})
              .note(DiagKind::NotePrevious, f->loc,
                    {"loop '" + f->name + "' is bound to '" + op.thread + "' with extent " +
                     toString(f->extent)});
          return false;
        }
      }
    }
    Stmt r = withLoc(For::make(L->name, L->min, L->extent, want, L->body,
                               want == ForKind::ThreadBinding ? op.thread : ""),
                     L->loc);
    body_ = replaceLoop(body_, L, r);
    return true;
  }
};

} // namespace

ir::Stmt applySchedule(const ir::Stmt &body, const DefSchedule &schedule, DiagnosticEngine &diags) {
  if (schedule.ops.empty()) return body;
  return Scheduler(body, schedule, diags).run();
}

} // namespace hybridc
