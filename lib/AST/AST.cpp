//===- AST.cpp - Operator spellings and type names ------------------------===//
#include "hybridc/AST/AST.h"

namespace hybridc::ast {

const char *spelling(BinOpKind k) {
  switch (k) {
  case BinOpKind::Add: return "+";
  case BinOpKind::Sub: return "-";
  case BinOpKind::Mul: return "*";
  case BinOpKind::Div: return "/";
  case BinOpKind::FloorDiv: return "//";
  case BinOpKind::Mod: return "%";
  case BinOpKind::BitAnd: return "&";
  case BinOpKind::BitOr: return "|";
  case BinOpKind::BitXor: return "^";
  }
  return "?";
}

const char *spelling(CmpOpKind k) {
  switch (k) {
  case CmpOpKind::Lt: return "<";
  case CmpOpKind::Le: return "<=";
  case CmpOpKind::Gt: return ">";
  case CmpOpKind::Ge: return ">=";
  case CmpOpKind::Eq: return "==";
  case CmpOpKind::Ne: return "!=";
  }
  return "?";
}

std::string Type::str() const {
  switch (kind) {
  case Unknown: return "<unknown>";
  case Scalar: return dtype.str();
  case Tensor: return "tensor " + dtype.str() + "[" + std::to_string(rank) + "-D]";
  case Shape: return "shape";
  case DTypeRef: return "dtype";
  case String: return "string";
  case Tuple: return "tuple";
  case None: return "None";
  }
  return "?";
}

} // namespace hybridc::ast
