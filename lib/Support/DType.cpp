//===- DType.cpp - dtype names and the promotion rule ---------------------===//
#include "hybridc/Support/DType.h"

#include <algorithm>

namespace hybridc {

std::string DType::str() const {
  std::string s;
  switch (code) {
  case Invalid: return "<invalid>";
  case Bool: s = "bool"; break;
  case Int: s = "int" + std::to_string(bits); break;
  case UInt: s = "uint" + std::to_string(bits); break;
  case Float: s = "float" + std::to_string(bits); break;
  }
  if (lanes > 1) s += "x" + std::to_string(lanes);
  return s;
}

std::optional<DType> DType::parse(std::string_view n) {
  static const struct {
    const char *name;
    DType t;
  } kNames[] = {
      {"bool", {Bool, 1}},      {"int8", {Int, 8}},       {"int16", {Int, 16}},
      {"int32", {Int, 32}},     {"int64", {Int, 64}},     {"uint8", {UInt, 8}},
      {"uint16", {UInt, 16}},   {"uint32", {UInt, 32}},   {"uint64", {UInt, 64}},
      {"float16", {Float, 16}}, {"float32", {Float, 32}}, {"float64", {Float, 64}},
  };
  for (auto &e : kNames)
    if (n == e.name) return e.t;
  return std::nullopt;
}

DType promote(DType a, DType b) {
  if (a == b) return a;
  uint16_t lanes = std::max(a.lanes, b.lanes);
  DType ea = a.element(), eb = b.element();
  if (ea == eb) return ea.withLanes(lanes);
  // int with float: the int becomes the float type.
  if (ea.isFloat() && !eb.isFloat()) return ea.withLanes(lanes);
  if (eb.isFloat() && !ea.isFloat()) return eb.withLanes(lanes);
  // Two floats: the wider.
  if (ea.isFloat() && eb.isFloat()) return (ea.bits >= eb.bits ? ea : eb).withLanes(lanes);
  // Integers (bool counts as a 1-bit unsigned integer).
  bool sa = ea.isInt(), sb = eb.isInt();
  if (sa == sb) return (ea.bits >= eb.bits ? ea : eb).withLanes(lanes);
  // Signed/unsigned mix: the wider type; at equal width, unsigned.
  if (ea.bits == eb.bits) return (sa ? eb : ea).withLanes(lanes);
  return (ea.bits > eb.bits ? ea : eb).withLanes(lanes);
}

} // namespace hybridc
