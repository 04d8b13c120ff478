//===- IRPrinter.cpp - The stable text form of the loop IR ----------------===//
//
// Expressions print with Python precedence and the fewest parentheses;
// declarations (VarDecl, Allocate, LetStmt) print as a line at the indent of
// the statements they scope, so nesting shows only real control flow.
//
//===----------------------------------------------------------------------===//
#include "hybridc/IR/IRPrinter.h"
#include "hybridc/IR/IRVisitor.h"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace hybridc::ir {
namespace {

// Python-like precedence: larger binds tighter.
// clang-format off
enum Prec { PSelect = 1, POr, PAnd, PNot, PCmp, PBitOr, PBitXor, PBitAnd, PAdd, PMul, PUnary, PAtom };
// clang-format on

int precOf(BinOp op) {
  switch (op) {
  case BinOp::Add:
  case BinOp::Sub: return PAdd;
  case BinOp::Mul:
  case BinOp::Div:
  case BinOp::FloorDiv:
  case BinOp::FloorMod: return PMul;
  case BinOp::And: return PBitAnd;
  case BinOp::Or: return PBitOr;
  case BinOp::Xor: return PBitXor;
  case BinOp::Min:
  case BinOp::Max: return PAtom;
  }
  return PAtom;
}

std::string fmtFloat(double v, DType t) {
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  if (std::isnan(v)) return "nan";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  std::string s = buf;
  if (s.find_first_of(".eE") == std::string::npos) s += ".0";
  if (t.bits != 32) s = t.str() + "(" + s + ")";
  return s;
}

class Printer {
public:
  std::ostringstream os;

  std::string expr(const Expr &e, int ctx = 0) {
    int p;
    std::string s = exprInner(e, p);
    return p < ctx ? "(" + s + ")" : s;
  }

  std::string list(const std::vector<Expr> &es) {
    std::string s;
    for (size_t i = 0; i < es.size(); ++i) s += (i ? ", " : "") + expr(es[i]);
    return s;
  }

  std::string exprInner(const Expr &e, int &p) {
    p = PAtom;
    if (!e) return "<null>";
    switch (e->kind) {
    case ExprKind::IntImm: {
      auto *n = e.as<IntImm>();
      if (n->type.isBool()) return n->value ? "True" : "False";
      std::string v = std::to_string(n->value);
      // int32 (the language's int) and int64 (index arithmetic, shapes)
      // print plainly; other widths show their type.
      if (n->type == DType::i32() || n->type == DType::i64()) return v;
      return n->type.str() + "(" + v + ")";
    }
    case ExprKind::FloatImm: {
      auto *n = e.as<FloatImm>();
      return fmtFloat(n->value, n->type);
    }
    case ExprKind::StringImm: return "\"" + e.as<StringImm>()->value + "\"";
    case ExprKind::Var: return e.as<Var>()->name;
    case ExprKind::Cast: {
      auto *n = e.as<Cast>();
      return n->type.str() + "(" + expr(n->value) + ")";
    }
    case ExprKind::Binary: {
      auto *n = e.as<Binary>();
      if (n->op == BinOp::Min || n->op == BinOp::Max)
        return std::string(spelling(n->op)) + "(" + expr(n->a) + ", " + expr(n->b) + ")";
      p = precOf(n->op);
      return expr(n->a, p) + " " + spelling(n->op) + " " + expr(n->b, p + 1);
    }
    case ExprKind::Cmp: {
      auto *n = e.as<Cmp>();
      p = PCmp;
      return expr(n->a, p + 1) + " " + spelling(n->op) + " " + expr(n->b, p + 1);
    }
    case ExprKind::Logical: {
      auto *n = e.as<Logical>();
      p = n->isAnd ? PAnd : POr;
      return expr(n->a, p) + (n->isAnd ? " and " : " or ") + expr(n->b, p + 1);
    }
    case ExprKind::Not: p = PNot; return "not " + expr(e.as<Not>()->a, PNot);
    case ExprKind::Select: {
      auto *n = e.as<Select>();
      p = PSelect;
      return expr(n->t, PSelect + 1) + " if " + expr(n->cond, PSelect + 1) + " else " +
             expr(n->f, PSelect);
    }
    case ExprKind::Load: {
      auto *n = e.as<Load>();
      return n->buffer->name + "[" + (n->indices.empty() ? "()" : list(n->indices)) +
             (n->predicate ? " where " + expr(n->predicate) : "") + "]";
    }
    case ExprKind::Ramp: {
      auto *n = e.as<Ramp>();
      return "ramp(" + expr(n->base) + ", " + expr(n->stride) + ", " + std::to_string(n->lanes) +
             ")";
    }
    case ExprKind::Broadcast: {
      auto *n = e.as<Broadcast>();
      return "broadcast(" + expr(n->value) + ", " + std::to_string(n->lanes) + ")";
    }
    case ExprKind::Call: {
      auto *n = e.as<Call>();
      if (n->func == Intrinsic::BitNot) {
        p = PUnary;
        return "~" + expr(n->args[0], PUnary);
      }
      return std::string(spelling(n->func)) + "(" + list(n->args) + ")";
    }
    case ExprKind::Shuffle: {
      auto *n = e.as<Shuffle>();
      static const char *names[] = {"extract", "reduce_add", "reduce_mul", "reduce_min",
                                    "reduce_max"};
      std::string s = std::string(names[n->op]) + "(" + expr(n->vec);
      if (n->op == Shuffle::Extract) s += ", " + std::to_string(n->lane);
      return s + ")";
    }
    }
    return "?";
  }

  void line(int indent, const std::string &s) { os << std::string(2 * indent, ' ') << s << '\n'; }

  static std::string bufferType(const Buffer &b) {
    std::string s = b->dtype.str() + "[";
    Printer p;
    for (size_t i = 0; i < b->shape.size(); ++i) {
      // Extents are int64; the widening of an int32 size parameter is noise.
      Expr e = b->shape[i];
      if (auto *c = e.as<Cast>(); c && c->type == DType::i64() && c->value.type().isIntegral())
        e = c->value;
      s += (i ? ", " : "") + p.expr(e);
    }
    return s + (b->shape.empty() ? "()]" : "]"); // 0-d: float32[()]
  }

  void stmt(const Stmt &s, int in) {
    if (!s) return;
    switch (s->kind) {
    case StmtKind::LetStmt: {
      auto *n = s.as<LetStmt>();
      line(in, "let " + n->name + " = " + expr(n->value));
      stmt(n->body, in);
      return;
    }
    case StmtKind::VarDecl: {
      auto *n = s.as<VarDecl>();
      line(in, "var " + n->name + ": " + n->type.str());
      stmt(n->body, in);
      return;
    }
    case StmtKind::Assign: {
      auto *n = s.as<Assign>();
      line(in, n->name + " = " + expr(n->value));
      return;
    }
    case StmtKind::Store: {
      auto *n = s.as<Store>();
      line(in, n->buffer->name + "[" + (n->indices.empty() ? "()" : list(n->indices)) +
                   (n->predicate ? " where " + expr(n->predicate) : "") + "] = " + expr(n->value));
      return;
    }
    case StmtKind::For: {
      auto *n = s.as<For>();
      std::string range;
      if (isConstInt(n->min, 0))
        range = "0.." + expr(n->extent, PAdd + 1);
      else if (asConstInt(n->min) && asConstInt(n->extent))
        range = std::to_string(*asConstInt(n->min)) + ".." +
                std::to_string(*asConstInt(n->min) + *asConstInt(n->extent));
      else if (auto *d = n->extent.as<Binary>(); d && d->op == BinOp::Sub && equal(d->b, n->min))
        range = expr(n->min, PAdd + 1) + ".." + expr(d->a, PAdd + 1); // extent hi - min
      else
        range = expr(n->min, PAdd + 1) + ".." +
                expr(Binary::make(BinOp::Add, n->min, n->extent), PAdd + 1);
      std::string kind = spelling(n->forKind);
      if (n->forKind == ForKind::ThreadBinding) kind = "bind(\"" + n->threadTag + "\")";
      line(in, "for " + n->name + " in " + range + " " + kind + ":");
      body(n->body, in + 1);
      return;
    }
    case StmtKind::While: {
      auto *n = s.as<While>();
      line(in, "while " + expr(n->cond) + ":");
      body(n->body, in + 1);
      return;
    }
    case StmtKind::Break: line(in, "break"); return;
    case StmtKind::Continue: line(in, "continue"); return;
    case StmtKind::IfThenElse: {
      auto *n = s.as<IfThenElse>();
      line(in, "if " + expr(n->cond) + ":");
      body(n->then, in + 1);
      Stmt e = n->otherwise;
      while (e) {
        if (auto *elif = e.as<IfThenElse>()) {
          line(in, "elif " + expr(elif->cond) + ":");
          body(elif->then, in + 1);
          e = elif->otherwise;
        } else {
          line(in, "else:");
          body(e, in + 1);
          break;
        }
      }
      return;
    }
    case StmtKind::Block:
      for (auto &c : s.as<Block>()->stmts) stmt(c, in);
      return;
    case StmtKind::Allocate: {
      auto *n = s.as<Allocate>();
      line(in, "allocate " + n->buffer->name + ": " + bufferType(n->buffer) + " " +
                   n->buffer->scope + (n->buffer->stream ? " stream" : ""));
      stmt(n->body, in);
      return;
    }
    case StmtKind::AssertStmt: {
      auto *n = s.as<AssertStmt>();
      std::string msg;
      for (char c : n->message) msg += c == '"' ? std::string("\\\"") : std::string(1, c);
      line(in, "assert " + expr(n->cond) + ", \"" + msg + "\"");
      return;
    }
    case StmtKind::Evaluate: line(in, expr(s.as<Evaluate>()->value)); return;
    case StmtKind::Outlined: {
      auto *n = s.as<Outlined>();
      std::string captures, buffers;
      for (auto &c : n->captures)
        captures += (captures.empty() ? "" : ", ") + std::string(c.byAddress ? "&" : "") + c.name;
      for (auto &b : n->buffers) buffers += (buffers.empty() ? "" : ", ") + b->name;
      line(in, std::string("outlined ") + (n->parallel ? "parallel " : "") + n->name + "(" +
                   captures + ") buffers(" + buffers + "):");
      body(n->body, in + 1);
      return;
    }
    }
  }

  void body(const Stmt &s, int in) {
    if (!s)
      line(in, "pass");
    else
      stmt(s, in);
  }
};

} // namespace

std::string toString(const Expr &e) { return Printer().expr(e); }
std::string toString(const Stmt &s, int indent) {
  Printer p;
  p.stmt(s, indent);
  return p.os.str();
}

std::string toString(const LoweredFunc &f) {
  Printer p;
  std::string ins, outs;
  for (auto &a : f.args) {
    std::string s;
    if (a.kind == Arg::Scalar)
      s = a.name + ": " + a.dtype.str();
    else
      s = a.name + ": " + Printer::bufferType(a.buffer) + (a.buffer->strided ? " strided" : "") +
          (a.buffer->stream ? " stream" : "");
    std::string &dst = a.kind == Arg::OutputBuffer ? outs : ins;
    dst += (dst.empty() ? "" : ", ") + s;
  }
  p.line(0, "def " + f.name + "(" + ins + ") -> (" + outs + "):");
  p.body(f.body, 1);
  for (const DeviceKernel &k : f.kernels) { // the cuda target, after split-host-device
    std::string dims;
    for (auto &[tag, extent] : k.extents)
      dims += (dims.empty() ? "" : ", ") + tag + " < " + p.expr(extent);
    p.line(0, "kernel " + k.name + "(" + dims + "):");
    p.body(k.body, 1);
  }
  return p.os.str();
}

} // namespace hybridc::ir
