//===- DType.h - Element types of hybrid script ---------------------------===//
//
// bool, int8..int64, uint8..uint64, float16/32/64, optionally with vector
// lanes (used by the loop IR after vectorization). Also the promotion rule of
// docs/semantics.md ("Mixed types", TVM's BinaryOpMatchTypes).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hybridc {

struct DType {
  enum Code : uint8_t { Invalid, Bool, Int, UInt, Float };
  Code code = Invalid;
  uint8_t bits = 0;
  uint16_t lanes = 1;

  constexpr DType() = default;
  constexpr DType(Code c, uint8_t b, uint16_t l = 1) : code(c), bits(b), lanes(l) {}

  static constexpr DType boolean() { return {Bool, 1}; }
  static constexpr DType i32() { return {Int, 32}; }
  static constexpr DType i64() { return {Int, 64}; }
  static constexpr DType f32() { return {Float, 32}; }
  static constexpr DType f64() { return {Float, 64}; }

  bool isValid() const { return code != Invalid; }
  bool isBool() const { return code == Bool; }
  bool isInt() const { return code == Int; }
  bool isUInt() const { return code == UInt; }
  bool isIntegral() const { return code == Int || code == UInt; } // not bool
  bool isFloat() const { return code == Float; }
  DType element() const { return {code, bits, 1}; }
  DType withLanes(uint16_t l) const { return {code, bits, l}; }
  /// Bytes of one element (bool counts as 1).
  unsigned bytes() const { return code == Bool ? 1 : bits / 8; }

  friend bool operator==(DType a, DType b) {
    return a.code == b.code && a.bits == b.bits && a.lanes == b.lanes;
  }
  friend bool operator!=(DType a, DType b) { return !(a == b); }

  /// "float32", "int8", "bool"; vectors print as "float32x8".
  std::string str() const;
  /// Parses a scalar dtype name; nullopt if it is not one.
  static std::optional<DType> parse(std::string_view name);
};

/// The common type of a binary arithmetic operation on a and b
/// (docs/semantics.md "Mixed types"). bool promotes like a 1-bit unsigned
/// integer, so bool + int32 -> int32.
DType promote(DType a, DType b);

} // namespace hybridc
