//===- Tensor.h - Host tensors and .npy files for `hybridc run` -----------===//
//
// A Tensor is a dense, C-ordered array of one hybrid-script dtype, held as
// the bytes the compiled kernel would see (float16 as its 16-bit pattern,
// bool as one byte 0/1). readNpy/npyBytes read and write NumPy's .npy
// format, versions 1.0, 2.0 and 3.0 (docs/run.md): little- or big-endian
// data, C order only (a Fortran-order file is refused with a message).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "hybridc/Support/DType.h"

#include <cstdint>
#include <string>
#include <vector>

namespace hybridc::interp {

struct Tensor {
  DType dtype;                      // a scalar dtype
  std::vector<int64_t> shape;       // empty: a 0-d tensor (one element)
  std::vector<unsigned char> bytes; // C order, dtype.bytes() per element

  int64_t elements() const;
  /// Element k converted to double (for summaries and tests).
  double get(int64_t k) const;
  /// Stores `v` into element k, converted to the dtype.
  void set(int64_t k, double v);
  /// Allocates zeroed storage for `shape`.
  void resize(const std::vector<int64_t> &newShape);
};

/// "[2, 3]" ("[]" for a 0-d tensor).
std::string shapeString(const std::vector<int64_t> &shape);

/// Reads `path`; on failure returns false with a message in `error`.
bool readNpy(const std::string &path, Tensor &out, std::string &error);
/// `t` as the bytes of a version 1.0 .npy file (2.0 when the header needs it).
std::string npyBytes(const Tensor &t);

/// IEEE binary16 conversions (round to nearest even).
uint16_t floatToHalf(float f);
float halfToFloat(uint16_t h);

} // namespace hybridc::interp
