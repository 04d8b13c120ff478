//===- IR.cpp - Node constructors and small helpers -----------------------===//
//
// The make() functions are the only way passes build nodes; they check the
// types of their operands (a mismatch is a compiler bug, HY_ASSERT).
//
//===----------------------------------------------------------------------===//
#include "hybridc/IR/IR.h"
#include "hybridc/Support/IntMath.h"

#include "hybridc/Support/InternalError.h"
#include <algorithm>

namespace hybridc::ir {

Expr::Expr(int v) : node_(std::make_shared<IntImm>(DType::i32(), v)) {}

Expr IntImm::make(DType t, int64_t v) {
  HY_ASSERT(!t.isFloat() && t.lanes == 1, "IntImm of type " + t.str());
  // Normalise to the type's width so that constants compare equal.
  if (t.isBool())
    v = v != 0;
  else if (t.bits < 64) {
    uint64_t mask = (uint64_t(1) << t.bits) - 1;
    uint64_t u = uint64_t(v) & mask;
    if (t.isInt() && (u >> (t.bits - 1)) & 1) u |= ~mask;
    v = int64_t(u);
  }
  return Expr(std::make_shared<IntImm>(t, v));
}
Expr FloatImm::make(DType t, double v) {
  HY_ASSERT(t.isFloat() && t.lanes == 1, "FloatImm of type " + t.str());
  if (t.bits == 32) v = double(float(v));
  return Expr(std::make_shared<FloatImm>(t, v));
}
Expr StringImm::make(std::string v) { return Expr(std::make_shared<StringImm>(std::move(v))); }
Expr Var::make(DType t, std::string n) { return Expr(std::make_shared<Var>(t, std::move(n))); }
Expr Cast::make(DType t, Expr v) {
  HY_ASSERT(v, "null cast operand");
  if (v.type() == t) return v;
  HY_ASSERT(v.type().lanes == t.lanes, "cast changes lanes");
  return Expr(std::make_shared<Cast>(t, std::move(v)));
}
Expr Binary::make(BinOp op, Expr a, Expr b) {
  HY_ASSERT(a && b, "null operand");
  HY_ASSERT(a.type() == b.type(), std::string("operand types differ for ") + spelling(op) + ": " +
                                      a.type().str() + " vs " + b.type().str());
  return Expr(std::make_shared<Binary>(op, std::move(a), std::move(b)));
}
Expr Cmp::make(CmpOp op, Expr a, Expr b) {
  HY_ASSERT(a && b && a.type() == b.type(),
            std::string("operand types differ for ") + spelling(op));
  return Expr(std::make_shared<Cmp>(op, std::move(a), std::move(b)));
}
Expr Logical::make(bool isAnd, Expr a, Expr b) {
  HY_ASSERT(a.type().isBool() && a.type() == b.type(), "logical op on non-bool");
  return Expr(std::make_shared<Logical>(isAnd, std::move(a), std::move(b)));
}
Expr Not::make(Expr a) {
  HY_ASSERT(a.type().isBool(), "not on non-bool");
  return Expr(std::make_shared<Not>(std::move(a)));
}
Expr Select::make(Expr c, Expr t, Expr f) {
  HY_ASSERT(c.type().isBool() && t.type() == f.type(), "select types");
  return Expr(std::make_shared<Select>(std::move(c), std::move(t), std::move(f)));
}
Expr Load::make(Buffer b, std::vector<Expr> idx, Expr pred) {
  HY_ASSERT(b, "load from null buffer");
  HY_ASSERT(idx.size() == b->shape.size(), "load of " + b->name + " with wrong index count");
  uint16_t lanes = 1;
  for (auto &i : idx) lanes = std::max(lanes, i.type().lanes);
  HY_ASSERT(!pred || (pred.type().isBool() && pred.type().lanes >= lanes), "load predicate type");
  return Expr(std::make_shared<Load>(b->dtype.withLanes(lanes), std::move(b), std::move(idx),
                                     std::move(pred)));
}
Expr Load::makeFlat(Buffer b, Expr offset, int lanes, Expr pred) {
  HY_ASSERT(b, "load from null buffer");
  HY_ASSERT(!offset || offset.type().element() == DType::i64(), "flat offset is not int64");
  std::vector<Expr> idx;
  if (offset) idx.push_back(std::move(offset));
  DType t = b->dtype.withLanes(uint16_t(lanes));
  return Expr(std::make_shared<Load>(t, std::move(b), std::move(idx), std::move(pred)));
}
Expr Ramp::make(Expr base, Expr stride, int lanes) {
  HY_ASSERT(base.type().lanes == 1 && base.type() == stride.type(), "ramp types");
  return Expr(std::make_shared<Ramp>(std::move(base), std::move(stride), lanes));
}
Expr Broadcast::make(Expr v, int lanes) {
  HY_ASSERT(v.type().lanes == 1, "broadcast of a vector");
  if (lanes == 1) return v;
  return Expr(std::make_shared<Broadcast>(std::move(v), lanes));
}
Expr Call::make(DType t, Intrinsic f, std::vector<Expr> args) {
  return Expr(std::make_shared<Call>(t, f, std::move(args)));
}
Expr Shuffle::extract(Expr v, int lane) {
  DType t = v.type().element();
  return Expr(std::make_shared<Shuffle>(t, Extract, std::move(v), lane));
}
Expr Shuffle::reduce(Op op, Expr v) {
  DType t = v.type().element();
  return Expr(std::make_shared<Shuffle>(t, op, std::move(v), 0));
}

Stmt LetStmt::make(std::string n, Expr v, Stmt b) {
  return Stmt(std::make_shared<LetStmt>(std::move(n), std::move(v), std::move(b)));
}
Stmt VarDecl::make(std::string n, DType t, Stmt b) {
  return Stmt(std::make_shared<VarDecl>(std::move(n), t, std::move(b)));
}
Stmt Assign::make(std::string n, Expr v) {
  return Stmt(std::make_shared<Assign>(std::move(n), std::move(v)));
}
Stmt Store::make(Buffer b, std::vector<Expr> i, Expr v, Expr pred) {
  HY_ASSERT(b && i.size() == b->shape.size(), "store index count");
  HY_ASSERT(v.type().element() == b->dtype,
            "store of " + v.type().str() + " into " + b->name + " of " + b->dtype.str());
  HY_ASSERT(!pred || (pred.type().isBool() && pred.type().lanes >= v.type().lanes),
            "store predicate type");
  return Stmt(std::make_shared<Store>(std::move(b), std::move(i), std::move(v), std::move(pred)));
}
Stmt Store::makeFlat(Buffer b, Expr offset, Expr v, Expr pred) {
  HY_ASSERT(b && (!offset || offset.type().element() == DType::i64()), "flat store offset");
  HY_ASSERT(v.type().element() == b->dtype,
            "store of " + v.type().str() + " into " + b->name + " of " + b->dtype.str());
  std::vector<Expr> i;
  if (offset) i.push_back(std::move(offset));
  return Stmt(std::make_shared<Store>(std::move(b), std::move(i), std::move(v), std::move(pred)));
}
Stmt For::make(std::string n, Expr mn, Expr ext, ForKind k, Stmt b, std::string tag) {
  HY_ASSERT(mn.type() == ext.type(), "loop bounds of different types");
  return Stmt(std::make_shared<For>(std::move(n), std::move(mn), std::move(ext), k, std::move(tag),
                                    std::move(b)));
}
Stmt While::make(Expr c, Stmt b) {
  return Stmt(std::make_shared<While>(std::move(c), std::move(b)));
}
Stmt Break::make() { return Stmt(std::make_shared<Break>()); }
Stmt Continue::make() { return Stmt(std::make_shared<Continue>()); }
Stmt IfThenElse::make(Expr c, Stmt t, Stmt e) {
  HY_ASSERT(c.type() == DType::boolean(), "if condition is not bool");
  return Stmt(std::make_shared<IfThenElse>(std::move(c), std::move(t), std::move(e)));
}
Stmt Block::make(std::vector<Stmt> stmts) {
  std::vector<Stmt> flat;
  for (auto &s : stmts) {
    if (!s) continue;
    if (auto *b = s.as<Block>())
      flat.insert(flat.end(), b->stmts.begin(), b->stmts.end());
    else
      flat.push_back(s);
  }
  if (flat.size() == 1) return flat[0];
  return Stmt(std::make_shared<Block>(std::move(flat)));
}
Stmt Allocate::make(Buffer b, Stmt body) {
  return Stmt(std::make_shared<Allocate>(std::move(b), std::move(body)));
}
Stmt AssertStmt::make(Expr c, std::string m) {
  return Stmt(std::make_shared<AssertStmt>(std::move(c), std::move(m)));
}
Stmt Evaluate::make(Expr v) { return Stmt(std::make_shared<Evaluate>(std::move(v))); }
Stmt Outlined::make(std::string name, bool parallel, std::vector<Capture> captures,
                    std::vector<Buffer> buffers, Stmt body) {
  HY_ASSERT(body, "outlined '" + name + "' without a body");
  HY_ASSERT(!parallel || body.as<For>(), "parallel outlined '" + name + "' is not a loop");
  return Stmt(std::make_shared<Outlined>(std::move(name), parallel, std::move(captures),
                                         std::move(buffers), std::move(body)));
}

Stmt withLoc(Stmt s, SourceLoc loc) {
  if (!s || s->loc == loc) return s;
  std::shared_ptr<StmtNode> copy;
  switch (s->kind) {
#define HY_IR_STMT(Name)                                                                           \
  case StmtKind::Name: copy = std::make_shared<Name>(*static_cast<const Name *>(s.get())); break;
#include "hybridc/IR/IRNodes.def"
  }
  copy->loc = loc;
  return Stmt(std::move(copy));
}

const char *spelling(BinOp op) {
  switch (op) {
  case BinOp::Add: return "+";
  case BinOp::Sub: return "-";
  case BinOp::Mul: return "*";
  case BinOp::Div: return "/";
  case BinOp::FloorDiv: return "//";
  case BinOp::FloorMod: return "%";
  case BinOp::Min: return "min";
  case BinOp::Max: return "max";
  case BinOp::And: return "&";
  case BinOp::Or: return "|";
  case BinOp::Xor: return "^";
  }
  return "?";
}
const char *spelling(CmpOp op) {
  switch (op) {
  case CmpOp::EQ: return "==";
  case CmpOp::NE: return "!=";
  case CmpOp::LT: return "<";
  case CmpOp::LE: return "<=";
  case CmpOp::GT: return ">";
  case CmpOp::GE: return ">=";
  }
  return "?";
}
const char *spelling(ForKind k) {
  switch (k) {
  case ForKind::Serial: return "serial";
  case ForKind::Parallel: return "parallel";
  case ForKind::Vectorized: return "vectorized";
  case ForKind::Unrolled: return "unrolled";
  case ForKind::ThreadBinding: return "bound";
  }
  return "?";
}
const char *spelling(Intrinsic f) {
  switch (f) {
#define HY_INTRINSIC(Name, Spelling, Kind, LLVMUnary, VectorMath, Libm)                            \
  case Intrinsic::Name: return Spelling;
#include "hybridc/IR/Intrinsics.def"
  }
  return "?";
}
std::optional<Intrinsic> intrinsicOfBuiltin(std::string_view name) {
  enum { Math1, Builtin, Internal };
#define HY_INTRINSIC(Name, Spelling, Kind, LLVMUnary, VectorMath, Libm)                            \
  if (Kind != Internal && name == Spelling) return Intrinsic::Name;
#include "hybridc/IR/Intrinsics.def"
  return std::nullopt;
}
const char *libmOf(Intrinsic f) {
  switch (f) {
#define HY_INTRINSIC(Name, Spelling, Kind, LLVMUnary, VectorMath, Libm)                            \
  case Intrinsic::Name: return Libm;
#include "hybridc/IR/Intrinsics.def"
  }
  return "";
}
Expr makeConst(DType t, int64_t v) {
  Expr s = t.isFloat() ? FloatImm::make(t.element(), double(v)) : IntImm::make(t.element(), v);
  return t.lanes > 1 ? Broadcast::make(s, t.lanes) : s;
}
std::string strideName(const std::string &buffer, size_t dim) {
  return buffer + ".stride" + std::to_string(dim);
}

Expr makeConstF(DType t, double v) {
  Expr s = t.isFloat() ? FloatImm::make(t.element(), v) : IntImm::make(t.element(), int64_t(v));
  return t.lanes > 1 ? Broadcast::make(s, t.lanes) : s;
}
namespace {
/// v wrapped to the width of integer type t (bool: as int64).
int64_t wrapTo(int64_t v, DType t) {
  if (t.bits >= 64 || t.isBool()) return v;
  uint64_t mask = (uint64_t(1) << t.bits) - 1, u = uint64_t(v) & mask;
  if (t.isUInt()) return int64_t(u);
  uint64_t sign = uint64_t(1) << (t.bits - 1);
  return int64_t((u ^ sign) - sign);
}
} // namespace

std::optional<int64_t>
evalInt(const Expr &e, const std::function<std::optional<int64_t>(const std::string &)> &lookup) {
  if (auto *n = e.as<IntImm>()) return n->value;
  if (auto *n = e.as<Var>()) {
    if (!(n->type.isIntegral() || n->type.isBool()) || n->type.lanes != 1) return std::nullopt;
    return lookup(n->name);
  }
  if (auto *n = e.as<Cast>()) {
    if (!n->type.isIntegral() || !n->value.type().isIntegral()) return std::nullopt;
    auto v = evalInt(n->value, lookup);
    return v ? std::optional<int64_t>(wrapTo(*v, n->type)) : std::nullopt;
  }
  if (auto *n = e.as<Binary>()) {
    if (!n->type.isIntegral() || n->type.lanes != 1) return std::nullopt;
    auto a = evalInt(n->a, lookup), b = evalInt(n->b, lookup);
    if (!a || !b) return std::nullopt;
    uint64_t x = uint64_t(*a), y = uint64_t(*b);
    int64_t r;
    switch (n->op) {
    case BinOp::Add: r = int64_t(x + y); break;
    case BinOp::Sub: r = int64_t(x - y); break;
    case BinOp::Mul: r = int64_t(x * y); break;
    case BinOp::Min: r = std::min(*a, *b); break;
    case BinOp::Max: r = std::max(*a, *b); break;
    case BinOp::Div:
      if (*b == 0) return std::nullopt;
      r = *b == -1 ? int64_t(0 - x) : *a / *b;
      break;
    case BinOp::FloorDiv:
      if (*b == 0) return std::nullopt;
      r = floorDiv(*a, *b);
      break;
    case BinOp::FloorMod:
      if (*b == 0) return std::nullopt;
      r = floorMod(*a, *b);
      break;
    default: return std::nullopt;
    }
    return wrapTo(r, n->type);
  }
  return std::nullopt;
}

const int64_t *asConstInt(const Expr &e) {
  auto *i = e.as<IntImm>();
  return i ? &i->value : nullptr;
}
bool isConstInt(const Expr &e, int64_t v) {
  auto *p = asConstInt(e);
  return p && *p == v;
}
Expr operator+(Expr a, Expr b) { return Binary::make(BinOp::Add, std::move(a), std::move(b)); }
Expr operator-(Expr a, Expr b) { return Binary::make(BinOp::Sub, std::move(a), std::move(b)); }
Expr operator*(Expr a, Expr b) { return Binary::make(BinOp::Mul, std::move(a), std::move(b)); }

} // namespace hybridc::ir
