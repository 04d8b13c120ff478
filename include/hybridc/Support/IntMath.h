//===- IntMath.h - Integer helpers with the language's semantics ----------===//
//
// Floor division and modulo as the language defines them (docs/semantics.md:
// `//` rounds toward negative infinity, `%` takes the divisor's sign), on
// int64, with the compiled code's wrap-around for INT64_MIN // -1 (no trap).
// The divisor must not be zero. Used wherever the compiler evaluates them on
// constants (Sema, Simplify, the loop-nest bounds, the interpreter's sizes).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>

namespace hybridc {

inline int64_t floorDiv(int64_t a, int64_t b) {
  if (b == -1) return (int64_t)(0 - (uint64_t)a); // wraps for INT64_MIN
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

inline int64_t floorMod(int64_t a, int64_t b) {
  if (b == -1) return 0;
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

} // namespace hybridc
