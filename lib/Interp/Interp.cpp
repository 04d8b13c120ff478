//===- Interp.cpp - A register bytecode for the loop IR, and its VM -------===//
//
// Translation (class Translator): every value lives in a register of a flat
// file of 8-byte slots. Vars and loop variables get a register for their
// scope; constants get one register each, filled before the run; every
// other expression node gets a fresh register written by the instruction
// that computes it (so the last instruction of an assignment's value can
// write the variable directly). Integers of every width, and bool, are held
// as int64 normalised to their dtype (sign- or zero-extended), so the
// arithmetic wraps exactly as the compiled code's; float32 and float16
// are held as float (float16 rounded after every operation, as LLVM's
// promotion does), float64 as double. Control flow becomes jumps:
//
//   for i in [min, min+ext):   end = min + ext; i = min
//                              L0: JgeS i, end -> L2      (empty loop)
//                              L1: body ...
//                                  IncJlt i, end -> L1    (continue jumps here)
//                              L2:                          (break jumps here)
//
// `and`, `or` and `x if c else y` are evaluated lazily, as Python does, so
// a guarded access (`a[i+1] if i < n-1 else 0`) is checked only when taken.
//
// Execution (run): one switch over the instruction array. Loads and stores
// check each index against the buffer's shape and report the statement's
// location when one is outside it.
//
//===----------------------------------------------------------------------===//
#include "hybridc/Interp/Interp.h"
#include "hybridc/Support/IntMath.h"

#include "hybridc/Support/InternalError.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <sstream>
#include <unordered_map>

namespace hybridc::interp {

using namespace ir;

namespace {

union Slot {
  int64_t i;
  float f;
  double d;
};

/// Value classes of registers.
enum class VC : uint8_t { I, F, D };
VC classOf(DType t) { return t.isFloat() ? (t.bits == 64 ? VC::D : VC::F) : VC::I; }
bool isHalf(DType t) { return t.isFloat() && t.bits == 16; }

/// How an int64 register is normalised to a dtype after an operation.
enum Norm : uint8_t { N64, S8, S16, S32, U8, U16, U32 };
Norm normOf(DType t) {
  if (t.isInt()) return t.bits == 8 ? S8 : t.bits == 16 ? S16 : t.bits == 32 ? S32 : N64;
  if (t.isUInt()) return t.bits == 8 ? U8 : t.bits == 16 ? U16 : t.bits == 32 ? U32 : N64;
  return N64; // bool holds 0/1; float never normalised
}
inline int64_t norm(int64_t x, uint8_t n) {
  switch (n) {
  case S8: return (int8_t)x;
  case S16: return (int16_t)x;
  case S32: return (int32_t)x;
  case U8: return (uint8_t)x;
  case U16: return (uint16_t)x;
  case U32: return (uint32_t)x;
  default: return x;
  }
}

/// Element storage kinds, for the load/store switch.
enum Elem : uint8_t { EB, EI8, EI16, EI32, EI64, EU8, EU16, EU32, EU64, EF16, EF32, EF64 };
Elem elemOf(DType t) {
  switch (t.code) {
  case DType::Bool: return EB;
  case DType::Int: return t.bits == 8 ? EI8 : t.bits == 16 ? EI16 : t.bits == 32 ? EI32 : EI64;
  case DType::UInt: return t.bits == 8 ? EU8 : t.bits == 16 ? EU16 : t.bits == 32 ? EU32 : EU64;
  default: return t.bits == 16 ? EF16 : t.bits == 32 ? EF32 : EF64;
  }
}

// clang-format off
enum class Op : uint8_t {
  // r[dst].i = norm(r[a].i OP r[b].i)
  AddI, SubI, MulI, AndI, OrI, XorI, MinS, MaxS, MinU, MaxU,
  DivS, DivU, FloorDivS, FloorModS, ModU, // integer division: a zero divisor is an error
  AddF, SubF, MulF, DivF, FloorDivF, FloorModF, MinF, MaxF,
  AddD, SubD, MulD, DivD, FloorDivD, FloorModD, MinD, MaxD,
  RoundH, // r[dst].f = float16(r[a].f)
  // comparisons: r[dst].i = 0/1
  EqI, NeI, LtS, LeS, LtU, LeU, EqF, NeF, LtF, LeF, EqD, NeD, LtD, LeD,
  NotB, Mov,
  // conversions
  NormI, SToF, UToF, SToD, UToD, FToD, DToF, FToI, DToI, IToB, FToB, DToB,
  // math: imm is the Intrinsic
  MathF, MathD, PowF, PowD, AbsI, PopcntI, BitNotI,
  // r[dst] = r[a] * r[b] + r[c], rounded after the multiply and after the add
  // (two operations in one dispatch; no fused multiply-add)
  MulAddF, MulAddD,
  // memory: a = buffer, b = rank, imm = offset of the index registers in the pool, c = value (Store);
  // Load1/2, Store1/2: the same for rank 1 and 2 (the common cases, without the loop)
  Load, Store, Load1, Load2, Store1, Store2, Alloc,
  // a[dst idx] = c[src idx], the element and (--strict) whether it was
  // ever written: a staging copy (`x[...] = staged(y[...])`, cache_write),
  // which moves a never-written element without reading it. b = rank,
  // imm = offset of the dst then the src index registers in the pool.
  Copy,
  // control: imm is the target
  Jmp, Jz, Jnz, JgeS, IncJlt,
  Fail, // imm = index into Program::failures
  Halt,
};
// clang-format on

struct Inst {
  Op op;
  uint8_t norm = N64;
  DType type; // conversions to int: the target; Alloc: unused
  int32_t dst = -1, a = -1, b = -1, c = -1;
  int64_t imm = 0;
};

/// A buffer during the run.
struct Buf {
  const BufferNode *node = nullptr;
  Elem elem = EF32;
  unsigned esize = 4;
  unsigned char *data = nullptr;
  std::vector<int64_t> shape, strides;
  Tensor own;                   // temporaries and const arrays
  std::vector<uint8_t> written; // Options::strict: one flag per element
  bool track = false;
};

struct Failure {
  DiagKind kind;
  std::string message;
};

struct Program {
  std::vector<Inst> code;
  std::vector<SourceLoc> locs; // per instruction: its statement's location
  std::vector<Slot> init;      // the register file before the run (constants)
  std::vector<VC> regClass;
  std::vector<Buf> bufs;
  std::vector<int32_t> pool; // index and shape register lists
  std::vector<Failure> failures;
  std::vector<std::pair<std::string, int>> scalarRegs;         // parameter -> register
  std::vector<std::pair<int, std::pair<int, int>>> strideRegs; // register -> (buffer, dim)
};

bool unsignedInt(DType t) { return t.isUInt() || t.isBool(); }

class Translator {
public:
  Translator(Program &p) : P(p) {}

  void function(const LoweredFunc &f) {
    for (const Arg &a : f.args) {
      if (a.kind == Arg::Scalar) {
        int r = newReg(classOf(a.dtype));
        P.scalarRegs.push_back({a.name, r});
        scope.push_back({a.name, r});
      } else {
        int b = bufferIndex(a.buffer.get());
        for (size_t k = 0; k < a.buffer->strides.size(); ++k)
          if (auto *v = a.buffer->strides[k].as<Var>()) {
            int r = newReg(VC::I);
            scope.push_back({v->name, r});
            P.strideRegs.push_back({r, {b, (int)k}});
          }
      }
    }
    loc = f.loc;
    for (auto &[cond, message] : f.argChecks) {
      int c = expr(cond);
      size_t j = emit({Op::Jnz, N64, {}, -1, c});
      P.failures.push_back({DiagKind::RunBadArgument, message});
      emit({Op::Fail, N64, {}, -1, -1, -1, -1, (int64_t)P.failures.size() - 1});
      patch(j);
    }
    stmt(f.body);
    emit({Op::Halt, N64, {}});
  }

  int bufferIndex(const BufferNode *b) {
    auto it = bufIndex.find(b);
    if (it != bufIndex.end()) return it->second;
    Buf buf;
    buf.node = b;
    buf.elem = elemOf(b->dtype);
    buf.esize = b->dtype.bytes();
    P.bufs.push_back(std::move(buf));
    return bufIndex[b] = (int)P.bufs.size() - 1;
  }

private:
  Program &P;
  std::vector<std::pair<std::string, int>> scope;
  std::vector<bool> mutableReg;
  std::unordered_map<const BufferNode *, int> bufIndex;
  std::map<std::pair<int, int64_t>, int> consts;
  struct Loop {
    std::vector<size_t> breaks, continues;
  };
  std::vector<Loop> loops;
  SourceLoc loc;
  /// The instruction that alone writes the last expression's register.
  long single = -1;

  int newReg(VC c, bool isMutable = false) {
    P.init.push_back(Slot{0});
    P.regClass.push_back(c);
    mutableReg.push_back(isMutable);
    return (int)P.init.size() - 1;
  }
  size_t emit(Inst in) {
    P.code.push_back(in);
    P.locs.push_back(loc);
    single = -1;
    return P.code.size() - 1;
  }
  /// Emits `in` writing a fresh register of class `c`; returns it.
  int result(Inst in, VC c) {
    in.dst = newReg(c);
    size_t k = emit(in);
    single = (long)k;
    return in.dst;
  }
  void patch(size_t jump) { P.code[jump].imm = (int64_t)P.code.size(); }
  size_t here() const { return P.code.size(); }

  int lookup(const std::string &name) {
    for (size_t k = scope.size(); k-- > 0;)
      if (scope[k].first == name) return scope[k].second;
    HY_UNREACHABLE("interpreter: unbound variable '" + name + "'");
  }

  int constInt(int64_t v) {
    auto key = std::make_pair(0, v);
    auto it = consts.find(key);
    if (it != consts.end()) return it->second;
    int r = newReg(VC::I);
    P.init[r].i = v;
    return consts[key] = r;
  }
  int constFloat(DType t, double v) {
    Slot s{0};
    int kind;
    if (classOf(t) == VC::D) {
      s.d = v;
      kind = 2;
    } else {
      s.f = isHalf(t) ? halfToFloat(floatToHalf((float)v)) : (float)v;
      kind = 1;
    }
    int64_t bits;
    std::memcpy(&bits, &s, 8);
    auto key = std::make_pair(kind, bits);
    auto it = consts.find(key);
    if (it != consts.end()) return it->second;
    int r = newReg(kind == 2 ? VC::D : VC::F);
    P.init[r] = s;
    return consts[key] = r;
  }

  /// Compiles `e` so that its value ends in register `want`.
  void exprInto(const Expr &e, int want) {
    int r = expr(e);
    if (r == want) return;
    if (single >= 0 && single == (long)P.code.size() - 1 && P.code.back().dst == r) {
      P.code.back().dst = want;
      single = -1;
      return;
    }
    emit({Op::Mov, N64, {}, want, r});
  }

  int roundIfHalf(int r, DType t) {
    return isHalf(t) ? result({Op::RoundH, N64, {}, -1, r}, VC::F) : r;
  }

  /// Converts register r holding a `from` value to `to`.
  int castReg(int r, DType from, DType to) {
    if (from == to) return r;
    VC fc = classOf(from), tc = classOf(to);
    if (to.isBool()) {
      Op op = fc == VC::I ? Op::IToB : fc == VC::F ? Op::FToB : Op::DToB;
      return result({op, N64, {}, -1, r}, VC::I);
    }
    if (fc == VC::I && tc == VC::I) {
      // Held normalised to `from`, a value is already right for a 64-bit
      // target (sign-extended when signed, zero-extended when not, as
      // LLVM's int cast extends); narrower targets truncate and re-extend.
      Norm n = normOf(to);
      return n == N64 ? r : result({Op::NormI, n, {}, -1, r}, VC::I);
    }
    if (fc == VC::I) {
      bool u = unsignedInt(from);
      if (tc == VC::D) return result({u ? Op::UToD : Op::SToD, N64, {}, -1, r}, VC::D);
      return roundIfHalf(result({u ? Op::UToF : Op::SToF, N64, {}, -1, r}, VC::F), to);
    }
    if (tc == VC::I)
      return result({fc == VC::F ? Op::FToI : Op::DToI, normOf(to), to, -1, r}, VC::I);
    if (fc == VC::F && tc == VC::D) return result({Op::FToD, N64, {}, -1, r}, VC::D);
    if (fc == VC::D && tc == VC::F)
      return roundIfHalf(result({Op::DToF, N64, {}, -1, r}, VC::F), to);
    return roundIfHalf(r, to); // float32 <-> float16
  }

  int binary(const Binary *op) {
    DType t = op->type;
    VC c = classOf(t);
    if (op->op == BinOp::Add && c != VC::I && t.bits != 16) { // x * y + z, z + x * y: one MulAdd
      auto mulOf = [&](const Expr &e) {
        auto *m = e.as<Binary>();
        return m && m->op == BinOp::Mul && m->type == t ? m : nullptr;
      };
      const Binary *m = mulOf(op->a);
      bool left = m != nullptr;
      if (!m) m = mulOf(op->b);
      if (m) { // operands in the source's order of evaluation
        int z = left ? -1 : expr(op->a);
        int x = expr(m->a), y = expr(m->b);
        if (left) z = expr(op->b);
        return result({c == VC::D ? Op::MulAddD : Op::MulAddF, N64, {}, -1, x, y, z}, c);
      }
    }
    int a = expr(op->a), b = expr(op->b);
    if (c == VC::I) {
      bool u = unsignedInt(t);
      Op o = Op::AddI;
      switch (op->op) {
      case BinOp::Add: o = Op::AddI; break;
      case BinOp::Sub: o = Op::SubI; break;
      case BinOp::Mul: o = Op::MulI; break;
      case BinOp::Div: o = u ? Op::DivU : Op::DivS; break;
      case BinOp::FloorDiv: o = u ? Op::DivU : Op::FloorDivS; break;
      case BinOp::FloorMod: o = u ? Op::ModU : Op::FloorModS; break;
      case BinOp::Min: o = u ? Op::MinU : Op::MinS; break;
      case BinOp::Max: o = u ? Op::MaxU : Op::MaxS; break;
      case BinOp::And: o = Op::AndI; break;
      case BinOp::Or: o = Op::OrI; break;
      case BinOp::Xor: o = Op::XorI; break;
      }
      return result({o, normOf(t), {}, -1, a, b}, VC::I);
    }
    static const Op fops[2][8] = {
        {Op::AddF, Op::SubF, Op::MulF, Op::DivF, Op::FloorDivF, Op::FloorModF, Op::MinF, Op::MaxF},
        {Op::AddD, Op::SubD, Op::MulD, Op::DivD, Op::FloorDivD, Op::FloorModD, Op::MinD, Op::MaxD}};
    int k;
    switch (op->op) {
    case BinOp::Add: k = 0; break;
    case BinOp::Sub: k = 1; break;
    case BinOp::Mul: k = 2; break;
    case BinOp::Div: k = 3; break;
    case BinOp::FloorDiv: k = 4; break;
    case BinOp::FloorMod: k = 5; break;
    case BinOp::Min: k = 6; break;
    case BinOp::Max: k = 7; break;
    default:
      HY_UNREACHABLE(std::string("interpreter: bitwise '") + spelling(op->op) + "' on " + t.str());
    }
    return roundIfHalf(result({fops[c == VC::D][k], N64, {}, -1, a, b}, c), t);
  }

  int compare(const Cmp *op) {
    DType t = op->a.type();
    VC c = classOf(t);
    int a = expr(op->a), b = expr(op->b);
    bool swap = op->op == CmpOp::GT || op->op == CmpOp::GE;
    if (swap) std::swap(a, b);
    Op o;
    bool eq = op->op == CmpOp::EQ, ne = op->op == CmpOp::NE;
    bool lt = op->op == CmpOp::LT || op->op == CmpOp::GT;
    if (c == VC::I) {
      bool u = unsignedInt(t);
      o = eq ? Op::EqI : ne ? Op::NeI : lt ? (u ? Op::LtU : Op::LtS) : (u ? Op::LeU : Op::LeS);
    } else if (c == VC::F) {
      o = eq ? Op::EqF : ne ? Op::NeF : lt ? Op::LtF : Op::LeF;
    } else {
      o = eq ? Op::EqD : ne ? Op::NeD : lt ? Op::LtD : Op::LeD;
    }
    return result({o, N64, {}, -1, a, b}, VC::I);
  }

  int call(const Call *op) {
    DType t = op->type;
    std::vector<int> args;
    for (const Expr &a : op->args)
      args.push_back(t.isFloat() && !a.type().isFloat() ? castReg(expr(a), a.type(), t) : expr(a));
    if (op->func == Intrinsic::SyncThreads) return constInt(0);
    HY_ASSERT(!args.empty(), std::string("call of ") + spelling(op->func) + " without arguments");
    DType at = op->args[0].type();
    switch (op->func) {
    case Intrinsic::Likely:
    case Intrinsic::Staged: return args[0];
    case Intrinsic::SyncThreads: return constInt(0); // bound loops run in order
    case Intrinsic::BitNot: return result({Op::BitNotI, normOf(t), {}, -1, args[0]}, VC::I);
    case Intrinsic::Popcount:
      return castReg(result({Op::PopcntI, N64, at, -1, args[0]}, VC::I), at, t);
    case Intrinsic::Abs: {
      int r = args[0];
      if (at.isFloat())
        r = roundIfHalf(result({classOf(at) == VC::D ? Op::MathD : Op::MathF,
                                N64,
                                {},
                                -1,
                                r,
                                -1,
                                -1,
                                (int64_t)Intrinsic::Fabs},
                               classOf(at)),
                        at);
      else if (at.isInt())
        r = result({Op::AbsI, normOf(at), {}, -1, r}, VC::I);
      return castReg(r, at, t);
    }
    case Intrinsic::Power: {
      HY_ASSERT(args.size() == 2, "power takes two arguments");
      if (t.isFloat()) {
        VC c = classOf(t);
        return roundIfHalf(
            result({c == VC::D ? Op::PowD : Op::PowF, N64, {}, -1, args[0], args[1]}, c), t);
      }
      DType d = DType::f64();
      int x = castReg(args[0], op->args[0].type(), d), y = castReg(args[1], op->args[1].type(), d);
      return castReg(result({Op::PowD, N64, {}, -1, x, y}, VC::D), d, t);
    }
    default: {
      HY_ASSERT(t.isFloat(), std::string("interpreter: ") + spelling(op->func) + " on " + t.str());
      VC c = classOf(t);
      return roundIfHalf(
          result(
              {c == VC::D ? Op::MathD : Op::MathF, N64, {}, -1, args[0], -1, -1, (int64_t)op->func},
              c),
          t);
    }
    }
  }

  int expr(const Expr &e) {
    HY_ASSERT(e.type().lanes == 1, "interpreter: vector expression " + e.type().str());
    switch (e->kind) {
    case ExprKind::IntImm: {
      auto *n = e.as<IntImm>();
      if (e.type().isFloat()) return constFloat(e.type(), (double)n->value);
      return constInt(norm(n->value, normOf(e.type())));
    }
    case ExprKind::FloatImm: {
      auto *n = e.as<FloatImm>();
      if (!e.type().isFloat()) return constInt(norm((int64_t)n->value, normOf(e.type())));
      return constFloat(e.type(), n->value);
    }
    case ExprKind::Var: return lookup(e.as<Var>()->name);
    case ExprKind::Cast: {
      auto *n = e.as<Cast>();
      return castReg(expr(n->value), n->value.type(), n->type);
    }
    case ExprKind::Binary: return binary(e.as<Binary>());
    case ExprKind::Cmp: return compare(e.as<Cmp>());
    case ExprKind::Not: return result({Op::NotB, N64, {}, -1, expr(e.as<Not>()->a)}, VC::I);
    case ExprKind::Logical: {
      auto *n = e.as<Logical>();
      int r = newReg(VC::I);
      exprInto(n->a, r);
      size_t j = emit({n->isAnd ? Op::Jz : Op::Jnz, N64, {}, -1, r});
      exprInto(n->b, r);
      patch(j);
      single = -1;
      return r;
    }
    case ExprKind::Select: {
      auto *n = e.as<Select>();
      int c = expr(n->cond);
      int r = newReg(classOf(e.type()));
      size_t j = emit({Op::Jz, N64, {}, -1, c});
      exprInto(n->t, r);
      size_t k = emit({Op::Jmp, N64, {}});
      patch(j);
      exprInto(n->f, r);
      patch(k);
      single = -1;
      return r;
    }
    case ExprKind::Load: {
      auto *n = e.as<Load>();
      int b = bufferIndex(n->buffer.get());
      std::vector<int32_t> idx;
      for (const Expr &i : n->indices) idx.push_back(expr(i));
      int64_t at = (int64_t)P.pool.size();
      P.pool.insert(P.pool.end(), idx.begin(), idx.end());
      Op o = idx.size() == 1 ? Op::Load1 : idx.size() == 2 ? Op::Load2 : Op::Load;
      return result({o, N64, {}, -1, b, (int32_t)idx.size(), -1, at}, classOf(e.type()));
    }
    case ExprKind::Call: return call(e.as<Call>());
    case ExprKind::StringImm:
    case ExprKind::Ramp:
    case ExprKind::Broadcast:
    case ExprKind::Shuffle: break;
    }
    HY_UNREACHABLE("interpreter: unexpected expression in the loop IR");
  }

  void stmt(const Stmt &s) {
    if (!s) return;
    if (s->loc.isValid()) loc = s->loc;
    switch (s->kind) {
    case StmtKind::LetStmt: {
      auto *n = s.as<LetStmt>();
      int v = expr(n->value);
      int r = v;
      if (mutableReg[v]) {
        r = newReg(P.regClass[v]);
        emit({Op::Mov, N64, {}, r, v});
      }
      scope.push_back({n->name, r});
      stmt(n->body);
      scope.pop_back();
      return;
    }
    case StmtKind::VarDecl: {
      auto *n = s.as<VarDecl>();
      scope.push_back({n->name, newReg(classOf(n->type), true)});
      stmt(n->body);
      scope.pop_back();
      return;
    }
    case StmtKind::Assign: {
      auto *n = s.as<Assign>();
      exprInto(n->value, lookup(n->name));
      return;
    }
    case StmtKind::Store: {
      auto *n = s.as<Store>();
      HY_ASSERT(n->value.type().lanes == 1, "interpreter: vector store");
      int b = bufferIndex(n->buffer.get());
      auto *staged = n->value.as<Call>();
      const Load *src =
          staged && staged->func == Intrinsic::Staged ? staged->args[0].as<Load>() : nullptr;
      if (src && src->indices.size() == n->indices.size() &&
          src->buffer->dtype == n->buffer->dtype) {
        std::vector<int32_t> idx;
        for (const Expr &i : n->indices) idx.push_back(expr(i));
        for (const Expr &i : src->indices) idx.push_back(expr(i));
        int64_t at = (int64_t)P.pool.size();
        P.pool.insert(P.pool.end(), idx.begin(), idx.end());
        emit({Op::Copy,
              N64,
              {},
              -1,
              b,
              (int32_t)n->indices.size(),
              bufferIndex(src->buffer.get()),
              at});
        return;
      }
      std::vector<int32_t> idx;
      for (const Expr &i : n->indices) idx.push_back(expr(i));
      int v = expr(n->value);
      int64_t at = (int64_t)P.pool.size();
      P.pool.insert(P.pool.end(), idx.begin(), idx.end());
      Op o = idx.size() == 1 ? Op::Store1 : idx.size() == 2 ? Op::Store2 : Op::Store;
      emit({o, N64, {}, -1, b, (int32_t)idx.size(), v, at});
      return;
    }
    case StmtKind::For: {
      auto *n = s.as<For>();
      int mn = expr(n->min);
      int ext = expr(n->extent);
      int end = newReg(VC::I);
      emit({Op::AddI, N64, {}, end, mn, ext});
      int var = newReg(VC::I);
      emit({Op::Mov, N64, {}, var, mn});
      size_t skip = emit({Op::JgeS, N64, {}, -1, var, end});
      size_t top = here();
      loops.emplace_back();
      scope.push_back({n->name, var});
      stmt(n->body);
      scope.pop_back();
      Loop l = std::move(loops.back());
      loops.pop_back();
      for (size_t j : l.continues) patch(j);
      if (s->loc.isValid()) loc = s->loc; // a step limit is reported at the loop
      emit({Op::IncJlt, N64, {}, -1, var, end, -1, (int64_t)top});
      patch(skip);
      for (size_t j : l.breaks) patch(j);
      return;
    }
    case StmtKind::While: {
      auto *n = s.as<While>();
      size_t top = here();
      int c = expr(n->cond);
      size_t exit = emit({Op::Jz, N64, {}, -1, c});
      loops.emplace_back();
      stmt(n->body);
      Loop l = std::move(loops.back());
      loops.pop_back();
      for (size_t j : l.continues) P.code[j].imm = (int64_t)top;
      if (s->loc.isValid()) loc = s->loc;
      emit({Op::Jmp, N64, {}, -1, -1, -1, -1, (int64_t)top});
      patch(exit);
      for (size_t j : l.breaks) patch(j);
      return;
    }
    case StmtKind::Break:
      HY_ASSERT(!loops.empty(), "interpreter: break outside a loop");
      loops.back().breaks.push_back(emit({Op::Jmp, N64, {}}));
      return;
    case StmtKind::Continue:
      HY_ASSERT(!loops.empty(), "interpreter: continue outside a loop");
      loops.back().continues.push_back(emit({Op::Jmp, N64, {}}));
      return;
    case StmtKind::IfThenElse: {
      auto *n = s.as<IfThenElse>();
      int c = expr(n->cond);
      size_t j = emit({Op::Jz, N64, {}, -1, c});
      stmt(n->then);
      if (n->otherwise) {
        size_t k = emit({Op::Jmp, N64, {}});
        patch(j);
        stmt(n->otherwise);
        patch(k);
      } else {
        patch(j);
      }
      return;
    }
    case StmtKind::Block:
      for (const Stmt &x : s.as<Block>()->stmts) stmt(x);
      return;
    case StmtKind::Allocate: {
      auto *n = s.as<Allocate>();
      int b = bufferIndex(n->buffer.get());
      std::vector<int32_t> dims;
      for (const Expr &d : n->buffer->shape) dims.push_back(expr(d));
      int64_t at = (int64_t)P.pool.size();
      P.pool.insert(P.pool.end(), dims.begin(), dims.end());
      emit({Op::Alloc, N64, {}, -1, b, (int32_t)dims.size(), -1, at});
      stmt(n->body);
      return;
    }
    case StmtKind::AssertStmt: {
      auto *n = s.as<AssertStmt>();
      int c = expr(n->cond);
      size_t j = emit({Op::Jnz, N64, {}, -1, c});
      P.failures.push_back({DiagKind::RunAssertFailed, n->message});
      emit({Op::Fail, N64, {}, -1, -1, -1, -1, (int64_t)P.failures.size() - 1});
      patch(j);
      return;
    }
    case StmtKind::Evaluate: // (fold-init leaves a note, a string, in an emptied nest)
      if (!s.as<Evaluate>()->value.as<StringImm>()) expr(s.as<Evaluate>()->value);
      return;
    case StmtKind::Outlined: // made after the interpreter's input (check-legality)
      HY_UNREACHABLE("interp: an outlined statement");
    }
  }
};

//===--- Execution ---------------------------------------------------------===//

// clang-format off
inline void readElem(Slot &s, const unsigned char *p, Elem e) {
  switch (e) {
  case EB: s.i = *p != 0; return;
  case EI8: s.i = (int8_t)*p; return;
  case EU8: s.i = *p; return;
  case EI16: { int16_t v; std::memcpy(&v, p, 2); s.i = v; return; }
  case EU16: { uint16_t v; std::memcpy(&v, p, 2); s.i = v; return; }
  case EI32: { int32_t v; std::memcpy(&v, p, 4); s.i = v; return; }
  case EU32: { uint32_t v; std::memcpy(&v, p, 4); s.i = v; return; }
  case EI64:
  case EU64: std::memcpy(&s.i, p, 8); return;
  case EF16: { uint16_t v; std::memcpy(&v, p, 2); s.f = halfToFloat(v); return; }
  case EF32: std::memcpy(&s.f, p, 4); return;
  case EF64: std::memcpy(&s.d, p, 8); return;
  }
}

inline void writeElem(unsigned char *p, const Slot &s, Elem e) {
  switch (e) {
  case EB: *p = s.i != 0; return;
  case EI8:
  case EU8: *p = (unsigned char)s.i; return;
  case EI16:
  case EU16: { uint16_t v = (uint16_t)s.i; std::memcpy(p, &v, 2); return; }
  case EI32:
  case EU32: { uint32_t v = (uint32_t)s.i; std::memcpy(p, &v, 4); return; }
  case EI64:
  case EU64: std::memcpy(p, &s.i, 8); return;
  case EF16: { uint16_t v = floatToHalf(s.f); std::memcpy(p, &v, 2); return; }
  case EF32: std::memcpy(p, &s.f, 4); return;
  case EF64: std::memcpy(p, &s.d, 8); return;
  }
}
// clang-format on

template <typename T> T mathOp(Intrinsic f, T x) {
  switch (f) {
  case Intrinsic::Exp: return std::exp(x);
  case Intrinsic::Exp2: return std::exp2(x);
  case Intrinsic::Log: return std::log(x);
  case Intrinsic::Log2: return std::log2(x);
  case Intrinsic::Log10: return std::log10(x);
  case Intrinsic::Sqrt: return std::sqrt(x);
  case Intrinsic::Rsqrt: return T(1) / std::sqrt(x);
  case Intrinsic::Sigmoid: return T(1) / (T(1) + std::exp(-x));
  case Intrinsic::Tanh: return std::tanh(x);
  case Intrinsic::Sin: return std::sin(x);
  case Intrinsic::Cos: return std::cos(x);
  case Intrinsic::Erf: return std::erf(x);
  case Intrinsic::Floor: return std::floor(x);
  case Intrinsic::Ceil: return std::ceil(x);
  case Intrinsic::Round: return std::round(x);
  case Intrinsic::Fabs: return std::fabs(x);
  default: HY_UNREACHABLE(std::string("interpreter: math function ") + spelling(f));
  }
}

/// Whether the float `v` converts to integer dtype `t` (truncation toward zero).
bool fitsInt(double v, DType t) {
  if (std::isnan(v)) return false;
  double tv = std::trunc(v);
  if (t.isInt()) return tv >= -std::ldexp(1.0, t.bits - 1) && tv < std::ldexp(1.0, t.bits - 1);
  return tv > -1.0 && tv < std::ldexp(1.0, t.bits);
}
int64_t floatToInt(double v, DType t) {
  double tv = std::trunc(v);
  if (t.isUInt() && t.bits == 64) return (int64_t)(uint64_t)tv;
  return norm((int64_t)tv, normOf(t));
}

std::string fmtDouble(double v) {
  std::ostringstream ss;
  ss.precision(9);
  ss << v;
  return ss.str();
}

} // namespace

bool evalSize(const Expr &e, const std::map<std::string, Scalar> &scalars, int64_t &out) {
  std::optional<int64_t> v = evalInt(e, [&](const std::string &name) -> std::optional<int64_t> {
    auto it = scalars.find(name);
    if (it == scalars.end()) return std::nullopt;
    return it->second.i;
  });
  if (v) out = *v;
  return v.has_value();
}

RunError run(const LoweredFunc &f, const std::map<std::string, Scalar> &scalars,
             std::map<std::string, Tensor *> &tensors, const Options &options) {
  Program P;
  Translator tr(P);
  tr.function(f);

  std::vector<Slot> R = P.init;
  for (auto &[name, reg] : P.scalarRegs) {
    auto it = scalars.find(name);
    HY_ASSERT(it != scalars.end(), "interpreter: no value for scalar '" + name + "'");
    if (P.regClass[reg] == VC::I)
      R[reg].i = it->second.i;
    else if (P.regClass[reg] == VC::F)
      R[reg].f = (float)it->second.f;
    else
      R[reg].d = it->second.f;
  }
  auto denseStrides = [](Buf &b) {
    b.strides.assign(b.shape.size(), 1);
    for (size_t k = b.shape.size(); k-- > 1;) b.strides[k - 1] = b.strides[k] * b.shape[k];
  };
  for (Buf &b : P.bufs) {
    const BufferNode *n = b.node;
    if (n->kind == BufferNode::Const) {
      b.own.dtype = n->dtype;
      std::vector<int64_t> shape;
      for (const Expr &d : n->shape) shape.push_back(asConstInt(d) ? *asConstInt(d) : 0);
      b.own.resize(shape);
      for (size_t k = 0; k < n->constData.size() && (int64_t)k < b.own.elements(); ++k)
        b.own.set((int64_t)k, n->constData[k]);
      b.shape = shape;
      b.data = b.own.bytes.data();
      denseStrides(b);
      continue;
    }
    if (n->kind == BufferNode::Temp) continue; // shaped by its Alloc
    auto it = tensors.find(n->name);
    HY_ASSERT(it != tensors.end(), "interpreter: no tensor for '" + n->name + "'");
    b.shape = it->second->shape;
    b.data = it->second->bytes.data();
    denseStrides(b);
    if (options.strict && n->kind == BufferNode::Output) {
      b.track = true;
      b.written.assign((size_t)it->second->elements(), 0);
    }
  }
  for (auto &[reg, bd] : P.strideRegs) R[reg].i = P.bufs[bd.first].strides[bd.second];

  const Inst *code = P.code.data();
  const int32_t *pool = P.pool.data();
  const Inst *ip = code;
  Buf *bufs = P.bufs.data();
  auto error = [&](DiagKind k, std::vector<std::string> args) {
    RunError e;
    e.kind = k;
    e.loc = P.locs[(size_t)(ip - code)];
    e.args = std::move(args);
    return e;
  };
  auto indexText = [&](const Inst &in) {
    std::string s = "[";
    for (int k = 0; k < in.b; ++k) s += (k ? ", " : "") + std::to_string(R[pool[in.imm + k]].i);
    return s + "]";
  };
  auto divZero = [&]() { return error(DiagKind::RunDivisionByZero, {}); };
  // Counts down; 0 means no limit (a limit of N stops at the N-th iteration's end).
  uint64_t steps = options.maxSteps ? options.maxSteps + 1 : 0;
  auto stepLimit = [&]() {
    return error(DiagKind::RunStepLimit, {std::to_string(options.maxSteps)});
  };

#define BIN_I(OP, EXPR)                                                                            \
  case Op::OP: {                                                                                   \
    int64_t a = R[in.a].i, b = R[in.b].i;                                                          \
    (void)a;                                                                                       \
    (void)b;                                                                                       \
    R[in.dst].i = norm(EXPR, in.norm);                                                             \
    break;                                                                                         \
  }
#define BIN_FD(OPF, OPD, EXPR)                                                                     \
  case Op::OPF: {                                                                                  \
    float a = R[in.a].f, b = R[in.b].f;                                                            \
    R[in.dst].f = EXPR;                                                                            \
    break;                                                                                         \
  }                                                                                                \
  case Op::OPD: {                                                                                  \
    double a = R[in.a].d, b = R[in.b].d;                                                           \
    R[in.dst].d = EXPR;                                                                            \
    break;                                                                                         \
  }
#define CMP(OP, FIELD, EXPR)                                                                       \
  case Op::OP: {                                                                                   \
    auto a = R[in.a].FIELD, b = R[in.b].FIELD;                                                     \
    R[in.dst].i = (EXPR) ? 1 : 0;                                                                  \
    break;                                                                                         \
  }

  for (;;) {
    const Inst &in = *ip;
    switch (in.op) {
      BIN_I(AddI, (int64_t)((uint64_t)a + (uint64_t)b))
      BIN_I(SubI, (int64_t)((uint64_t)a - (uint64_t)b))
      BIN_I(MulI, (int64_t)((uint64_t)a * (uint64_t)b))
      BIN_I(AndI, a & b)
      BIN_I(OrI, a | b)
      BIN_I(XorI, a ^ b)
      BIN_I(MinS, a < b ? a : b)
      BIN_I(MaxS, a > b ? a : b)
      BIN_I(MinU, (uint64_t)a < (uint64_t)b ? a : b)
      BIN_I(MaxU, (uint64_t)a > (uint64_t)b ? a : b)
    case Op::DivS:
    case Op::FloorDivS:
    case Op::FloorModS: {
      int64_t a = R[in.a].i, b = R[in.b].i;
      if (b == 0) return divZero();
      int64_t r = in.op == Op::FloorDivS   ? floorDiv(a, b)
                  : in.op == Op::FloorModS ? floorMod(a, b)
                  : b == -1 ? (int64_t)(0 - (uint64_t)a) // INT64_MIN / -1 wraps, no trap
                            : a / b;
      R[in.dst].i = norm(r, in.norm);
      break;
    }
    case Op::DivU:
    case Op::ModU: {
      uint64_t a = (uint64_t)R[in.a].i, b = (uint64_t)R[in.b].i;
      if (b == 0) return divZero();
      R[in.dst].i = norm((int64_t)(in.op == Op::DivU ? a / b : a % b), in.norm);
      break;
    }
      BIN_FD(AddF, AddD, a + b)
      BIN_FD(SubF, SubD, a - b)
      BIN_FD(MulF, MulD, a * b)
      BIN_FD(DivF, DivD, a / b)
      BIN_FD(FloorDivF, FloorDivD, std::floor(a / b))
      BIN_FD(FloorModF, FloorModD, a - std::floor(a / b) * b)
      BIN_FD(MinF, MinD, a < b ? a : b)
      BIN_FD(MaxF, MaxD, a > b ? a : b)
    case Op::MulAddF: {
      float m = R[in.a].f * R[in.b].f; // rounded to float (ISO C++: no contraction)
      R[in.dst].f = m + R[in.c].f;
      break;
    }
    case Op::MulAddD: {
      double m = R[in.a].d * R[in.b].d;
      R[in.dst].d = m + R[in.c].d;
      break;
    }
    case Op::RoundH:
      R[in.dst].f = halfToFloat(floatToHalf(R[in.a].f));
      break;
      CMP(EqI, i, a == b)
      CMP(NeI, i, a != b)
      CMP(LtS, i, a < b)
      CMP(LeS, i, a <= b)
      CMP(LtU, i, (uint64_t)a < (uint64_t)b)
      CMP(LeU, i, (uint64_t)a <= (uint64_t)b)
      CMP(EqF, f, a == b)
      CMP(NeF, f, !(a == b))
      CMP(LtF, f, a < b)
      CMP(LeF, f, a <= b)
      CMP(EqD, d, a == b)
      CMP(NeD, d, !(a == b))
      CMP(LtD, d, a < b)
      CMP(LeD, d, a <= b)
    case Op::NotB: R[in.dst].i = R[in.a].i == 0; break;
    case Op::Mov: R[in.dst] = R[in.a]; break;
    case Op::NormI: R[in.dst].i = norm(R[in.a].i, in.norm); break;
    case Op::SToF: R[in.dst].f = (float)R[in.a].i; break;
    case Op::UToF: R[in.dst].f = (float)(uint64_t)R[in.a].i; break;
    case Op::SToD: R[in.dst].d = (double)R[in.a].i; break;
    case Op::UToD: R[in.dst].d = (double)(uint64_t)R[in.a].i; break;
    case Op::FToD: R[in.dst].d = R[in.a].f; break;
    case Op::DToF: R[in.dst].f = (float)R[in.a].d; break;
    case Op::FToI:
    case Op::DToI: {
      double v = in.op == Op::FToI ? R[in.a].f : R[in.a].d;
      if (!fitsInt(v, in.type))
        return error(DiagKind::RunCastOutOfRange, {fmtDouble(v), in.type.str()});
      R[in.dst].i = floatToInt(v, in.type);
      break;
    }
    case Op::IToB: R[in.dst].i = R[in.a].i != 0; break;
    case Op::FToB: R[in.dst].i = R[in.a].f != 0; break;
    case Op::DToB: R[in.dst].i = R[in.a].d != 0; break;
    case Op::MathF: R[in.dst].f = mathOp<float>((Intrinsic)in.imm, R[in.a].f); break;
    case Op::MathD: R[in.dst].d = mathOp<double>((Intrinsic)in.imm, R[in.a].d); break;
    case Op::PowF: R[in.dst].f = std::pow(R[in.a].f, R[in.b].f); break;
    case Op::PowD: R[in.dst].d = std::pow(R[in.a].d, R[in.b].d); break;
    case Op::AbsI: {
      int64_t a = R[in.a].i;
      R[in.dst].i = norm(a < 0 ? (int64_t)(0 - (uint64_t)a) : a, in.norm);
      break;
    }
    case Op::PopcntI: {
      uint64_t a = (uint64_t)R[in.a].i;
      unsigned bits = in.type.isBool() ? 1 : in.type.bits;
      if (bits < 64) a &= (uint64_t(1) << bits) - 1;
      R[in.dst].i = __builtin_popcountll(a);
      break;
    }
    case Op::BitNotI: R[in.dst].i = norm(~R[in.a].i, in.norm); break;
    case Op::Load1:
    case Op::Store1: {
      Buf &b = bufs[in.a];
      int64_t v = R[pool[in.imm]].i;
      if ((uint64_t)v >= (uint64_t)b.shape[0] || b.track) goto generic_access; // errors, --strict
      if (in.op == Op::Load1)
        readElem(R[in.dst], b.data + v * b.strides[0] * b.esize, b.elem);
      else
        writeElem(b.data + v * b.strides[0] * b.esize, R[in.c], b.elem);
      break;
    }
    case Op::Load2:
    case Op::Store2: {
      Buf &b = bufs[in.a];
      const int32_t *ix = pool + in.imm;
      int64_t v0 = R[ix[0]].i, v1 = R[ix[1]].i;
      if ((uint64_t)v0 >= (uint64_t)b.shape[0] || (uint64_t)v1 >= (uint64_t)b.shape[1] || b.track)
        goto generic_access;
      unsigned char *p = b.data + (v0 * b.strides[0] + v1 * b.strides[1]) * b.esize;
      if (in.op == Op::Load2)
        readElem(R[in.dst], p, b.elem);
      else
        writeElem(p, R[in.c], b.elem);
      break;
    }
    case Op::Load:
    case Op::Store:
    generic_access: {
      Buf &b = bufs[in.a];
      const int32_t *ix = pool + in.imm;
      bool load = in.op == Op::Load || in.op == Op::Load1 || in.op == Op::Load2;
      int64_t off = 0;
      for (int k = 0; k < in.b; ++k) {
        int64_t v = R[ix[k]].i;
        if ((uint64_t)v >= (uint64_t)b.shape[k])
          return error(DiagKind::RunOutOfBounds, {load ? "read" : "write", b.node->name,
                                                  indexText(in), shapeString(b.shape)});
        off += v * b.strides[k];
      }
      if (load) {
        if (b.track && !b.written[(size_t)off])
          return error(DiagKind::RunUninitializedRead, {b.node->name, indexText(in)});
        readElem(R[in.dst], b.data + off * b.esize, b.elem);
      } else {
        if (b.track) b.written[(size_t)off] = 1;
        writeElem(b.data + off * b.esize, R[in.c], b.elem);
      }
      break;
    }
    case Op::Copy: {
      Buf &d = bufs[in.a], &s = bufs[in.c];
      const int32_t *ix = pool + in.imm;
      int64_t doff = 0, soff = 0;
      for (int k = 0; k < in.b; ++k) {
        int64_t v = R[ix[k]].i, w = R[ix[in.b + k]].i;
        if ((uint64_t)w >= (uint64_t)s.shape[k]) {
          Inst at = in;
          at.imm += in.b;
          return error(DiagKind::RunOutOfBounds,
                       {"read", s.node->name, indexText(at), shapeString(s.shape)});
        }
        if ((uint64_t)v >= (uint64_t)d.shape[k])
          return error(DiagKind::RunOutOfBounds,
                       {"write", d.node->name, indexText(in), shapeString(d.shape)});
        doff += v * d.strides[k];
        soff += w * s.strides[k];
      }
      if (d.track) d.written[(size_t)doff] = s.track ? s.written[(size_t)soff] : 1;
      std::memcpy(d.data + doff * d.esize, s.data + soff * s.esize, d.esize);
      break;
    }
    case Op::Alloc: {
      Buf &b = bufs[in.a];
      std::vector<int64_t> shape;
      double bytes = b.esize;
      for (int k = 0; k < in.b; ++k) {
        int64_t d = R[pool[in.imm + k]].i;
        shape.push_back(d);
        bytes *= (double)d;
      }
      for (int64_t d : shape)
        if (d < 0)
          return error(DiagKind::RunAllocationFailed,
                       {b.node->name, shapeString(shape), "a negative extent"});
      if (bytes > options.maxAllocBytes)
        return error(DiagKind::RunAllocationFailed,
                     {b.node->name, shapeString(shape),
                      options.maxAllocBytes == 64.0 * (1ull << 30)
                          ? std::string("more than 64 GiB")
                          : "more than " + fmtDouble(options.maxAllocBytes) + " bytes"});
      b.own.dtype = b.node->dtype;
      b.own.resize(shape);
      b.shape = shape;
      b.data = b.own.bytes.data();
      denseStrides(b);
      if (options.strict) {
        b.track = true;
        b.written.assign((size_t)b.own.elements(), 0);
      }
      break;
    }
    case Op::Jmp:
      if (in.imm <= ip - code && steps && !--steps) return stepLimit(); // a while loop's back edge
      ip = code + in.imm;
      continue;
    case Op::Jz:
      if (R[in.a].i == 0) {
        ip = code + in.imm;
        continue;
      }
      break;
    case Op::Jnz:
      if (R[in.a].i != 0) {
        ip = code + in.imm;
        continue;
      }
      break;
    case Op::JgeS:
      if (R[in.a].i >= R[in.b].i) {
        ip = code + in.imm;
        continue;
      }
      break;
    case Op::IncJlt:
      if (steps && !--steps) return stepLimit();
      if (++R[in.a].i < R[in.b].i) {
        ip = code + in.imm;
        continue;
      }
      break;
    case Op::Fail: {
      const Failure &fl = P.failures[(size_t)in.imm];
      return error(fl.kind, {fl.message});
    }
    case Op::Halt: return RunError();
    }
    ++ip;
  }
#undef BIN_I
#undef BIN_FD
#undef CMP
}

} // namespace hybridc::interp
