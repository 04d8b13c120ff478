//===- FlattenStorage.cpp - Multi-dimensional accesses into element offsets ===//
//
// The flatten-storage pass (Passes.h), the last of Lower.cpp's list: what
// code generation receives. Every Load and Store `b[i0, ..., in-1]` becomes
// `b[offset]` with one int64 element offset
//
//   offset = int64(i0) * b.stride0 + ... + int64(in-1) * b.stride(n-1)
//
// left-associated, a multiplication by a constant 1 stride left out. The
// strides are the buffer's (BufferNode::strides: dense row-major products
// of the shape, or a strided input's run-time parameters `b.strideK`). A
// stride that is neither a constant nor a variable (`int64(m) * int64(k)`)
// is computed once: a `let b.strideK = ...` at the top of the def (of each
// kernel, on the cuda target) for an argument, at the top of the
// allocation's body for an `allocate`.
//
// Vector accesses keep what code generation needs to tell a contiguous
// access from a gather: when every index but the last is a scalar and the
// last is `ramp(base, 1, lanes)` with stride 1, the offset is
// `ramp(offset of base, 1, lanes)` (one vector load or store); otherwise it
// is the int64 vector of per-lane offsets (a gather or scatter).
//
// Expects: the final loop IR (only lower-parallel, which outlines, follows
// on the CPU targets). Guarantees: every access has at most one index (none
// for a zero-dimensional buffer), of type int64 or int64 vector;
// LoweredFunc::storageFlat is set. Each user index is converted to int64
// (a Cast: sign extension, or zero extension for unsigned types; a constant
// is folded). The int64 additions and multiplications at the top of an
// offset (this pass's, and those of an int64 index itself) are address
// arithmetic of an element in bounds: code generation emits them without
// signed wrap-around (nsw).
//
//===----------------------------------------------------------------------===//
#include "hybridc/IR/IRVisitor.h"
#include "hybridc/Transforms/Passes.h"

#include <set>

namespace hybridc::ir {
namespace {

class Flattener : public IRMutator {
public:
  /// The `let b.strideK` bindings the accesses seen since the last call
  /// need, outermost first, around `body`; forgets them.
  Stmt bindStrides(const Buffer &b, Stmt body) {
    std::vector<Expr> strides = stridesOf(b);
    for (size_t k = strides.size(); k-- > 0;) {
      std::string name = strideName(b->name, k);
      if (!needed_.count(name)) continue;
      needed_.erase(name);
      body = LetStmt::make(name, strides[k], std::move(body));
    }
    return body;
  }
  /// Same, for every argument buffer of a def.
  Stmt bindArgStrides(const LoweredFunc &f, Stmt body) {
    for (auto it = f.args.rbegin(); it != f.args.rend(); ++it)
      if (it->buffer) body = bindStrides(it->buffer, std::move(body));
    return body;
  }

protected:
  using IRMutator::visit;

  Expr visit(const Load *op, const Expr &) override {
    Expr offset = flatOffset(op->buffer, mutateAll(op->indices));
    Expr pred = op->predicate ? mutate(op->predicate) : Expr();
    return Load::makeFlat(op->buffer, std::move(offset), op->type.lanes, std::move(pred));
  }
  Stmt visit(const Store *op, const Stmt &) override {
    Expr value = mutate(op->value);
    Expr offset = flatOffset(op->buffer, mutateAll(op->indices));
    Expr pred = op->predicate ? mutate(op->predicate) : Expr();
    return Store::makeFlat(op->buffer, std::move(offset), std::move(value), std::move(pred));
  }
  Stmt visit(const Allocate *op, const Stmt &) override {
    Stmt body = mutate(op->body);
    return Allocate::make(op->buffer, bindStrides(op->buffer, std::move(body)));
  }

private:
  std::set<std::string> needed_; // stride lets used and not yet bound

  std::vector<Expr> mutateAll(const std::vector<Expr> &es) {
    std::vector<Expr> out;
    for (const Expr &e : es) out.push_back(mutate(e));
    return out;
  }

  /// The buffer's element strides (dense row-major when it has none).
  static std::vector<Expr> stridesOf(const Buffer &b) {
    if (b->strides.size() == b->shape.size()) return b->strides;
    std::vector<Expr> strides(b->shape.size());
    Expr s = IntImm::make(DType::i64(), 1);
    for (size_t k = b->shape.size(); k-- > 0;) {
      strides[k] = s;
      s = s * Cast::make(DType::i64(), b->shape[k]);
    }
    return strides;
  }

  /// Stride k as the offsets use it: a constant or a variable as it is,
  /// anything else through its let.
  Expr strideExpr(const Buffer &b, const std::vector<Expr> &strides, size_t k) {
    const Expr &s = strides[k];
    if (s.as<IntImm>() || s.as<Var>()) return Cast::make(DType::i64(), s);
    std::string name = strideName(b->name, k);
    needed_.insert(name);
    return Var::make(DType::i64(), name);
  }

  Expr flatOffset(const Buffer &b, const std::vector<Expr> &indices) {
    size_t n = indices.size();
    if (n == 0) return Expr();
    std::vector<Expr> strides = stridesOf(b);
    int lanes = 1;
    for (const Expr &i : indices) lanes = std::max<int>(lanes, i.type().lanes);
    DType i64 = DType::i64();

    // index * stride as int64 (`width` lanes); a constant index folded.
    auto term = [&](const Expr &index, size_t k, int width) {
      Expr s = strideExpr(b, strides, k);
      const int64_t *c = asConstInt(index);
      const int64_t *cs = asConstInt(s);
      if (c && (cs || *c == 0))
        return Broadcast::make(IntImm::make(i64, *c * (cs ? *cs : 0)), width);
      Expr t = c ? IntImm::make(i64, *c) : Cast::make(i64.withLanes(index.type().lanes), index);
      if (index.type().lanes < width) t = Broadcast::make(t, width);
      if (!isConstInt(s, 1)) t = t * (width > 1 ? Broadcast::make(s, width) : s);
      return t;
    };
    // acc + t, a constant zero term left out (but an offset is never empty).
    auto sum = [](Expr acc, Expr t) {
      const Expr &scalar = t.as<Broadcast>() ? t.as<Broadcast>()->value : t;
      if (acc && isConstInt(scalar, 0)) return acc;
      if (acc) {
        const Expr &accScalar = acc.as<Broadcast>() ? acc.as<Broadcast>()->value : acc;
        if (isConstInt(accScalar, 0)) return t;
      }
      return acc ? acc + t : t;
    };

    // Contiguous: scalars, then ramp(base, 1, lanes) in a dimension of stride 1.
    bool contiguous = lanes > 1 && isConstInt(strides[n - 1], 1);
    for (size_t k = 0; contiguous && k + 1 < n; ++k) contiguous = indices[k].type().lanes == 1;
    const Ramp *ramp = contiguous ? indices[n - 1].as<Ramp>() : nullptr;
    if (ramp && isConstInt(ramp->stride, 1)) {
      Expr offset;
      for (size_t k = 0; k + 1 < n; ++k) offset = sum(offset, term(indices[k], k, 1));
      offset = sum(offset, term(ramp->base, n - 1, 1));
      return Ramp::make(offset, IntImm::make(i64, 1), lanes);
    }
    Expr offset;
    for (size_t k = 0; k < n; ++k) offset = sum(offset, term(indices[k], k, lanes));
    return offset;
  }
};

} // namespace

void flattenStorage(LoweredFunc &f) {
  {
    Flattener flat;
    Stmt body = flat.mutate(f.body);
    f.body = flat.bindArgStrides(f, std::move(body));
  }
  for (DeviceKernel &k : f.kernels) {
    Flattener flat;
    Stmt body = flat.mutate(k.body);
    k.body = flat.bindArgStrides(f, std::move(body));
  }
  f.storageFlat = true;
}

} // namespace hybridc::ir
