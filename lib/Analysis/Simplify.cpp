//===- Simplify.cpp - Constant folding and algebraic cleanup --------------===//
//
// A bottom-up IRMutator: children first, then a local rewrite of the node.
// Integer folding wraps to the type's width (IntImm::make normalises);
// FloorDiv/FloorMod fold with Python rounding. Division by a constant zero
// is left alone (codegen reports nothing; the behaviour is the target's).
//
// As the simplify and final-simplify passes: expects any loop IR;
// guarantees the same results bit for bit (Simplify.h), constants folded,
// dead ifs, empty loops and empty blocks removed.
//
//===----------------------------------------------------------------------===//
#include "hybridc/Analysis/Simplify.h"
#include "hybridc/Analysis/LoopNest.h"
#include "hybridc/IR/IRVisitor.h"
#include "hybridc/Support/IntMath.h"

#include <cmath>

namespace hybridc::ir {
namespace {

const FloatImm *asFloat(const Expr &e) { return e.as<FloatImm>(); }

class Simplifier : public IRMutator {
protected:
  using IRMutator::visit;

  Expr visit(const Cast *n, const Expr &self) override {
    Expr v = mutate(n->value);
    DType t = n->type;
    if (t.lanes == 1) {
      if (auto *i = v.as<IntImm>()) {
        if (t.isFloat()) {
          double d = v.type().isUInt() ? double(uint64_t(i->value)) : double(i->value);
          return FloatImm::make(t, d);
        }
        return IntImm::make(t, i->value);
      }
      if (auto *f = asFloat(v)) {
        if (t.isFloat()) return FloatImm::make(t, f->value);
        if (t.isBool()) return IntImm::make(t, f->value != 0);
        if (std::isfinite(f->value) && std::fabs(f->value) < 9.0e18)
          return IntImm::make(t, (int64_t)std::trunc(f->value));
      }
    }
    // Casts of broadcasts and ramps stay broadcasts and ramps (int widening
    // of index ramps is exact for the extents we build).
    if (t.lanes > 1 && t.isIntegral()) {
      if (auto *b = v.as<Broadcast>())
        return mutate(Broadcast::make(Cast::make(t.element(), b->value), t.lanes));
      if (auto *r = v.as<Ramp>(); r && t.bits >= r->type.bits && v.type().isIntegral())
        return mutate(Ramp::make(Cast::make(t.element(), r->base),
                                 Cast::make(t.element(), r->stride), t.lanes));
    }
    return v.same(n->value) ? self : Cast::make(t, v);
  }

  Expr visit(const Binary *n, const Expr &self) override {
    Expr a = mutate(n->a), b = mutate(n->b);
    DType t = n->type;
    auto *ia = a.as<IntImm>(), *ib = b.as<IntImm>();
    if (ia && ib) {
      int64_t x = ia->value, y = ib->value;
      bool u = t.isUInt();
      switch (n->op) {
      case BinOp::Add: return IntImm::make(t, int64_t(uint64_t(x) + uint64_t(y)));
      case BinOp::Sub: return IntImm::make(t, int64_t(uint64_t(x) - uint64_t(y)));
      case BinOp::Mul: return IntImm::make(t, int64_t(uint64_t(x) * uint64_t(y)));
      case BinOp::Div:
        if (y != 0 && !u) return IntImm::make(t, x / y);
        break;
      case BinOp::FloorDiv:
        if (y != 0 && !u) return IntImm::make(t, floorDiv(x, y));
        break;
      case BinOp::FloorMod:
        if (y != 0 && !u) return IntImm::make(t, floorMod(x, y));
        break;
      case BinOp::Min: return u ? (uint64_t(x) < uint64_t(y) ? a : b) : (x < y ? a : b);
      case BinOp::Max: return u ? (uint64_t(x) > uint64_t(y) ? a : b) : (x > y ? a : b);
      case BinOp::And: return IntImm::make(t, x & y);
      case BinOp::Or: return IntImm::make(t, x | y);
      case BinOp::Xor: return IntImm::make(t, x ^ y);
      }
    }
    auto *fa = asFloat(a), *fb = asFloat(b);
    if (fa && fb) {
      double x = fa->value, y = fb->value;
      switch (n->op) {
      case BinOp::Add: return FloatImm::make(t, t.bits == 32 ? double(float(x) + float(y)) : x + y);
      case BinOp::Sub: return FloatImm::make(t, t.bits == 32 ? double(float(x) - float(y)) : x - y);
      case BinOp::Mul: return FloatImm::make(t, t.bits == 32 ? double(float(x) * float(y)) : x * y);
      default: break;
      }
    }
    // Vector index algebra, so that codegen sees contiguous accesses as
    // Ramp(base, 1, n): broadcast op broadcast, ramp +- broadcast, ramp + ramp,
    // ramp * broadcast.
    if (t.lanes > 1 && t.isIntegral()) {
      auto *ba = a.as<Broadcast>(), *bb = b.as<Broadcast>();
      auto *ra = a.as<Ramp>(), *rb = b.as<Ramp>();
      int l = t.lanes;
      if (ba && bb) return mutate(Broadcast::make(Binary::make(n->op, ba->value, bb->value), l));
      if (n->op == BinOp::Add) {
        if (ra && bb) return mutate(Ramp::make(ra->base + bb->value, ra->stride, l));
        if (ba && rb) return mutate(Ramp::make(ba->value + rb->base, rb->stride, l));
        if (ra && rb) return mutate(Ramp::make(ra->base + rb->base, ra->stride + rb->stride, l));
      }
      if (n->op == BinOp::Sub) {
        if (ra && bb) return mutate(Ramp::make(ra->base - bb->value, ra->stride, l));
        if (ra && rb) return mutate(Ramp::make(ra->base - rb->base, ra->stride - rb->stride, l));
      }
      if (n->op == BinOp::Mul) {
        if (ra && bb) return mutate(Ramp::make(ra->base * bb->value, ra->stride * bb->value, l));
        if (ba && rb) return mutate(Ramp::make(rb->base * ba->value, rb->stride * ba->value, l));
      }
    }
    if (t.isIntegral() && t.lanes == 1) {
      switch (n->op) {
      case BinOp::Add:
        if (isConstInt(b, 0)) return a;
        if (isConstInt(a, 0)) return b;
        // x // c * c + x % c == x (a fused loop split again, or the
        // reverse): keeps index analysis and printed IR simple.
        for (int swap = 0; swap < 2; ++swap) {
          const Expr &p = swap ? b : a, &q = swap ? a : b;
          auto *mul = p.as<Binary>();
          auto *mod = q.as<Binary>();
          if (!mul || !mod || mul->op != BinOp::Mul || mod->op != BinOp::FloorMod) continue;
          auto *div = mul->a.as<Binary>();
          if (!div || div->op != BinOp::FloorDiv) continue;
          const int64_t *c1 = asConstInt(div->b), *c2 = asConstInt(mul->b),
                        *c3 = asConstInt(mod->b);
          if (c1 && c2 && c3 && *c1 == *c2 && *c2 == *c3 && *c1 != 0 && equal(div->a, mod->a))
            return div->a;
        }
        break;
      case BinOp::Sub:
        if (isConstInt(b, 0)) return a;
        break;
      case BinOp::Mul:
        if (isConstInt(b, 1)) return a;
        if (isConstInt(a, 1)) return b;
        if (isConstInt(a, 0) || isConstInt(b, 0)) return IntImm::make(t, 0);
        break;
      case BinOp::FloorDiv:
      case BinOp::Div:
        if (isConstInt(b, 1)) return a;
        break;
      case BinOp::FloorMod:
        if (isConstInt(b, 1)) return IntImm::make(t, 0);
        break;
      default: break;
      }
    }
    return a.same(n->a) && b.same(n->b) ? self : Binary::make(n->op, a, b);
  }

  Expr visit(const Cmp *n, const Expr &self) override {
    Expr a = mutate(n->a), b = mutate(n->b);
    auto *ia = a.as<IntImm>(), *ib = b.as<IntImm>();
    if (ia && ib) {
      bool u = a.type().isUInt();
      int64_t x = ia->value, y = ib->value;
      auto lt = [&](int64_t p, int64_t q) { return u ? uint64_t(p) < uint64_t(q) : p < q; };
      bool r = false;
      switch (n->op) {
      case CmpOp::EQ: r = x == y; break;
      case CmpOp::NE: r = x != y; break;
      case CmpOp::LT: r = lt(x, y); break;
      case CmpOp::LE: r = !lt(y, x); break;
      case CmpOp::GT: r = lt(y, x); break;
      case CmpOp::GE: r = !lt(x, y); break;
      }
      return IntImm::make(DType::boolean(), r);
    }
    auto *fa = asFloat(a), *fb = asFloat(b);
    if (fa && fb) {
      double x = fa->value, y = fb->value;
      bool r = false;
      switch (n->op) {
      case CmpOp::EQ: r = x == y; break;
      case CmpOp::NE: r = x != y; break;
      case CmpOp::LT: r = x < y; break;
      case CmpOp::LE: r = x <= y; break;
      case CmpOp::GT: r = x > y; break;
      case CmpOp::GE: r = x >= y; break;
      }
      return IntImm::make(DType::boolean(), r);
    }
    return a.same(n->a) && b.same(n->b) ? self : Cmp::make(n->op, a, b);
  }

  Expr visit(const Logical *n, const Expr &self) override {
    Expr a = mutate(n->a), b = mutate(n->b);
    if (auto *ia = a.as<IntImm>()) {
      // and: False and x -> False; True and x -> x.  or: mirrored.
      if (n->isAnd) return ia->value ? b : a;
      return ia->value ? a : b;
    }
    if (auto *ib = b.as<IntImm>()) {
      // a has no side effects in this IR, so it can be dropped.
      if (n->isAnd) return ib->value ? a : b;
      return ib->value ? b : a;
    }
    return a.same(n->a) && b.same(n->b) ? self : Logical::make(n->isAnd, a, b);
  }

  Expr visit(const Not *n, const Expr &self) override {
    Expr a = mutate(n->a);
    if (auto *i = a.as<IntImm>()) return IntImm::make(DType::boolean(), !i->value);
    if (auto *inner = a.as<Not>()) return inner->a;
    return a.same(n->a) ? self : Not::make(a);
  }

  Expr visit(const Select *n, const Expr &self) override {
    Expr c = mutate(n->cond);
    if (auto *i = c.as<IntImm>()) return mutate(i->value ? n->t : n->f);
    Expr t = mutate(n->t), f = mutate(n->f);
    return c.same(n->cond) && t.same(n->t) && f.same(n->f) ? self : Select::make(c, t, f);
  }

  Expr visit(const Call *n, const Expr &self) override {
    Expr e = IRMutator::visit(n, self);
    auto *c = e.as<Call>();
    if (c && c->func == Intrinsic::BitNot) {
      if (auto *i = c->args[0].as<IntImm>()) return IntImm::make(c->type, ~i->value);
    }
    return e;
  }

  Stmt visit(const IfThenElse *n, const Stmt &self) override {
    Expr c = mutate(n->cond);
    if (auto *i = c.as<IntImm>()) return i->value ? mutate(n->then) : mutate(n->otherwise);
    Stmt t = mutate(n->then), e = mutate(n->otherwise);
    if (!t && !e) return Stmt();
    if (!t) return IfThenElse::make(Not::make(c), e);
    return c.same(n->cond) && t.same(n->then) && e.same(n->otherwise) ? self
                                                                      : IfThenElse::make(c, t, e);
  }

  Stmt visit(const For *n, const Stmt &self) override {
    Expr mn = mutate(n->min), ext = mutate(n->extent);
    if (auto *e = ext.as<IntImm>(); e && e->value <= 0) return Stmt();
    Stmt b = mutate(n->body);
    if (!b) return Stmt();
    return mn.same(n->min) && ext.same(n->extent) && b.same(n->body)
               ? self
               : For::make(n->name, mn, ext, n->forKind, b, n->threadTag);
  }

  Stmt visit(const LetStmt *n, const Stmt &self) override {
    Expr v = mutate(n->value);
    // A let of a constant is inlined; a let of a variable only if the body
    // does not assign that variable (`let e = k` keeps k's value at the let:
    // a loop bound bound once must not follow a counter the loop updates).
    bool inlinable = v.as<IntImm>() || v.as<FloatImm>();
    if (auto *var = v.as<Var>()) inlinable = !loopnest::effectsOf(n->body).written.count(var->name);
    if (inlinable) return mutate(substitute(n->body, n->name, v));
    Stmt b = mutate(n->body);
    if (!b) return Stmt();
    return v.same(n->value) && b.same(n->body) ? self : LetStmt::make(n->name, v, b);
  }

  // `var m; m = 1024; ...` with no other assignment of m (a scalar set
  // once from a builtin such as max_num_threads): m is that constant.
  Stmt visit(const VarDecl *n, const Stmt &self) override {
    auto *b = n->body.as<Block>();
    const Assign *first = b && !b->stmts.empty() ? b->stmts[0].as<Assign>() : n->body.as<Assign>();
    if (first && first->name == n->name) {
      Expr v = mutate(first->value);
      std::vector<Stmt> rest;
      if (b) rest.assign(b->stmts.begin() + 1, b->stmts.end());
      if (rest.empty()) return Stmt(); // set and never read
      Stmt tail = Block::make(rest);
      if ((v.as<IntImm>() || v.as<FloatImm>()) && v.type() == n->type &&
          !loopnest::effectsOf(tail).written.count(n->name))
        return mutate(substitute(tail, n->name, v));
    }
    return IRMutator::visit(n, self);
  }

  // fold-init's note in an emptied nest (FoldInit.cpp): nothing to run.
  Stmt visit(const Evaluate *n, const Stmt &self) override {
    return n->value.as<StringImm>() ? Stmt() : IRMutator::visit(n, self);
  }

  Stmt visit(const AssertStmt *n, const Stmt &self) override {
    Expr c = mutate(n->cond);
    if (auto *i = c.as<IntImm>(); i && i->value) return Stmt();
    return c.same(n->cond) ? self : AssertStmt::make(c, n->message);
  }

  Stmt visit(const Block *n, const Stmt &self) override {
    bool changed = false;
    std::vector<Stmt> out;
    for (auto &s : n->stmts) {
      Stmt m = mutate(s);
      changed |= !m.same(s);
      if (m) out.push_back(m);
    }
    if (out.empty()) return Stmt(); // (an empty else prints as a bare `else:`)
    if (!changed) return self;
    return Block::make(std::move(out));
  }
};

class Substituter : public IRMutator {
public:
  Substituter(const std::string &n, Expr v) : name_(n), value_(std::move(v)) {}

protected:
  using IRMutator::visit;
  Expr visit(const Var *n, const Expr &self) override { return n->name == name_ ? value_ : self; }
  // A binding of the same name shadows: stop there.
  Stmt visit(const For *n, const Stmt &self) override {
    if (n->name != name_) return IRMutator::visit(n, self);
    Expr mn = mutate(n->min), ext = mutate(n->extent);
    return mn.same(n->min) && ext.same(n->extent)
               ? self
               : For::make(n->name, mn, ext, n->forKind, n->body, n->threadTag);
  }
  Stmt visit(const LetStmt *n, const Stmt &self) override {
    if (n->name != name_) return IRMutator::visit(n, self);
    Expr v = mutate(n->value);
    return v.same(n->value) ? self : LetStmt::make(n->name, v, n->body);
  }
  Stmt visit(const VarDecl *n, const Stmt &self) override {
    return n->name == name_ ? self : IRMutator::visit(n, self);
  }

private:
  std::string name_;
  Expr value_;
};

} // namespace

Expr simplify(const Expr &e) { return Simplifier().mutate(e); }
Stmt simplify(const Stmt &s) { return Simplifier().mutate(s); }
Stmt substitute(const Stmt &s, const std::string &name, const Expr &value) {
  return Substituter(name, value).mutate(s);
}
Expr substitute(const Expr &e, const std::string &name, const Expr &value) {
  return Substituter(name, value).mutate(e);
}

} // namespace hybridc::ir
