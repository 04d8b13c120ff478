//===- Dump.cpp - The AST as an indented S-expression ---------------------===//
//
// ast::dump prints a module or an expression in a stable text form used by
// the parser tests and --dump-ast. Expressions print on one line:
//
//   (binop + (name a) (call exp (subscript (name b) (name i))))
//
// statements one per line, indented two spaces per block level:
//
//   (module
//     (def f
//       (param a (subscript (name float32) (int 100)))
//       (assign (name c) = (call output_tensor (tuple (int 100)) (str "float32")))
//       (for (i j) (call grid (int 4) (int 8))
//         (augassign (subscript (name c) (name i)) += (float 1)))
//       (if (name x)
//         (then
//           (pass))
//         (else
//           (elif (name y)
//             (then
//               (break)))))
//       (return (name c))))
//
// Ranges and Sema annotations are not printed.
//
//===----------------------------------------------------------------------===//
#include "hybridc/AST/AST.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace hybridc::ast {

namespace {

std::string quote(const std::string &s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\t': out += "\\t"; break;
    case '\r': out += "\\r"; break;
    default:
      if (c < 0x20 || c >= 0x7F) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\x%02X", c);
        out += buf;
      } else {
        out += (char)c;
      }
    }
  }
  return out + "\"";
}

/// The shortest decimal form that reads back as the same double.
std::string formatDouble(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v < 0 ? "-inf" : "inf";
  char buf[64];
  int prec = 1;
  for (; prec < 17; ++prec) {
    std::snprintf(buf, sizeof buf, "%.*e", prec - 1, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  // Plain decimal notation for ordinary magnitudes: 150, 0.001, 1.5.
  int exp10 = v == 0 ? 0 : std::atoi(std::strchr(buf, 'e') + 1);
  if (exp10 >= -5 && exp10 < 16)
    std::snprintf(buf, sizeof buf, "%.*f", std::max(0, prec - 1 - exp10), v);
  return buf;
}

const char *spelling(UnaryOpKind k) {
  switch (k) {
  case UnaryOpKind::Neg: return "-";
  case UnaryOpKind::Plus: return "+";
  case UnaryOpKind::Not: return "not";
  case UnaryOpKind::Invert: return "~";
  }
  return "?";
}

void dumpExpr(std::string &o, const Expr &e) {
  switch (e.kind) {
  case ExprKind::IntLit: o += "(int " + std::to_string(cast<IntLit>(&e)->value) + ")"; return;
  case ExprKind::FloatLit: o += "(float " + formatDouble(cast<FloatLit>(&e)->value) + ")"; return;
  case ExprKind::BoolLit: o += cast<BoolLit>(&e)->value ? "(bool True)" : "(bool False)"; return;
  case ExprKind::StrLit: o += "(str " + quote(cast<StrLit>(&e)->value) + ")"; return;
  case ExprKind::Name: o += "(name " + cast<Name>(&e)->id + ")"; return;
  case ExprKind::Attribute: {
    auto *a = cast<Attribute>(&e);
    o += "(attr ";
    dumpExpr(o, *a->value);
    o += " " + a->attr + ")";
    return;
  }
  case ExprKind::Subscript: {
    auto *s = cast<Subscript>(&e);
    o += "(subscript ";
    dumpExpr(o, *s->value);
    for (auto &i : s->indices) {
      o += ' ';
      dumpExpr(o, *i);
    }
    o += ')';
    return;
  }
  case ExprKind::Call: {
    auto *c = cast<Call>(&e);
    o += "(call " + c->callee;
    for (size_t k = 0; k < c->args.size(); ++k) {
      bool named = k < c->keywords.size() && !c->keywords[k].first.empty();
      o += named ? " (kw " + c->keywords[k].first + " " : " ";
      dumpExpr(o, *c->args[k]);
      if (named) o += ')';
    }
    o += ')';
    return;
  }
  case ExprKind::BinOp: {
    auto *b = cast<BinOp>(&e);
    o += std::string("(binop ") + spelling(b->op) + " ";
    dumpExpr(o, *b->lhs);
    o += ' ';
    dumpExpr(o, *b->rhs);
    o += ')';
    return;
  }
  case ExprKind::UnaryOp: {
    auto *u = cast<UnaryOp>(&e);
    o += std::string("(unary ") + spelling(u->op) + " ";
    dumpExpr(o, *u->operand);
    o += ')';
    return;
  }
  case ExprKind::BoolOp: {
    auto *b = cast<BoolOp>(&e);
    o += b->isAnd ? "(and" : "(or";
    for (auto &x : b->operands) {
      o += ' ';
      dumpExpr(o, *x);
    }
    o += ')';
    return;
  }
  case ExprKind::Compare: {
    auto *c = cast<Compare>(&e);
    o += "(compare ";
    for (size_t i = 0; i < c->operands.size(); ++i) {
      if (i > 0 && i - 1 < c->ops.size()) o += std::string(" ") + spelling(c->ops[i - 1]) + " ";
      dumpExpr(o, *c->operands[i]);
    }
    o += ')';
    return;
  }
  case ExprKind::IfExp: {
    auto *i = cast<IfExp>(&e);
    o += "(ifexp ";
    dumpExpr(o, *i->cond);
    o += ' ';
    dumpExpr(o, *i->then);
    o += ' ';
    dumpExpr(o, *i->orelse);
    o += ')';
    return;
  }
  case ExprKind::Tuple: {
    auto *t = cast<Tuple>(&e);
    o += "(tuple";
    for (auto &x : t->elts) {
      o += ' ';
      dumpExpr(o, *x);
    }
    o += ')';
    return;
  }
  }
  o += "(?)";
}

void dumpBlock(std::string &o, const Block &b, int indent);

void open(std::string &o, int indent, const char *head) {
  o += '\n';
  o.append(indent, ' ');
  o += '(';
  o += head;
}

void dumpStmt(std::string &o, const Stmt &s, int indent) {
  switch (s.kind) {
  case StmtKind::Assign: {
    auto *a = cast<Assign>(&s);
    open(o, indent, "assign");
    for (auto &t : a->targets) {
      o += ' ';
      dumpExpr(o, *t);
    }
    o += " = ";
    dumpExpr(o, *a->value);
    break;
  }
  case StmtKind::AugAssign: {
    auto *a = cast<AugAssign>(&s);
    open(o, indent, "augassign ");
    dumpExpr(o, *a->target);
    o += std::string(" ") + spelling(a->op) + "= ";
    dumpExpr(o, *a->value);
    break;
  }
  case StmtKind::For: {
    auto *f = cast<For>(&s);
    open(o, indent, "for (");
    for (size_t i = 0; i < f->vars.size(); ++i) {
      if (i) o += ' ';
      o += f->vars[i]->id;
    }
    o += ") ";
    dumpExpr(o, *f->iter);
    dumpBlock(o, f->body, indent + 2);
    break;
  }
  case StmtKind::While: {
    auto *w = cast<While>(&s);
    open(o, indent, "while ");
    dumpExpr(o, *w->cond);
    dumpBlock(o, w->body, indent + 2);
    break;
  }
  case StmtKind::If: {
    auto *i = cast<If>(&s);
    open(o, indent, i->isElif ? "elif " : "if ");
    dumpExpr(o, *i->cond);
    open(o, indent + 2, "then");
    dumpBlock(o, i->then, indent + 4);
    o += ')';
    if (!i->orelse.empty()) {
      open(o, indent + 2, "else");
      dumpBlock(o, i->orelse, indent + 4);
      o += ')';
    }
    break;
  }
  case StmtKind::Break: open(o, indent, "break"); break;
  case StmtKind::Continue: open(o, indent, "continue"); break;
  case StmtKind::Pass: open(o, indent, "pass"); break;
  case StmtKind::Return: {
    auto *r = cast<Return>(&s);
    open(o, indent, "return");
    if (r->value) {
      o += ' ';
      dumpExpr(o, *r->value);
    }
    break;
  }
  case StmtKind::Assert: {
    auto *a = cast<Assert>(&s);
    open(o, indent, "assert ");
    dumpExpr(o, *a->cond);
    if (a->msg) {
      o += ' ';
      dumpExpr(o, *a->msg);
    }
    break;
  }
  case StmtKind::ExprStmt: {
    open(o, indent, "expr ");
    dumpExpr(o, *cast<ExprStmt>(&s)->value);
    break;
  }
  }
  o += ')';
}

void dumpBlock(std::string &o, const Block &b, int indent) {
  for (auto &s : b) dumpStmt(o, *s, indent);
}

} // namespace

std::string dump(const Expr &e) {
  std::string o;
  dumpExpr(o, e);
  return o;
}

std::string dump(const Module &m) {
  std::string o = "(module";
  for (auto &d : m.defs) {
    open(o, 2, "def ");
    o += d->name;
    for (auto &p : d->params) {
      open(o, 4, "param ");
      o += p.name->id;
      if (p.annotation) {
        o += ' ';
        dumpExpr(o, *p.annotation);
      }
      o += ')';
    }
    dumpBlock(o, d->body, 4);
    o += ')';
  }
  o += ")\n";
  return o;
}

} // namespace hybridc::ast
