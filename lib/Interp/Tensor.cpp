//===- Tensor.cpp - Host tensors and the .npy format ----------------------===//
//
// The .npy layout (NumPy's format.py): the magic "\x93NUMPY", a major and a
// minor version byte, the header length (uint16 little-endian in 1.0, uint32
// in 2.0 and 3.0), then an ASCII (3.0: UTF-8) Python dict literal such as
//   {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }
// padded with spaces and a newline, then the raw data.
//
//===----------------------------------------------------------------------===//
#include "hybridc/Interp/Tensor.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

namespace hybridc::interp {

int64_t Tensor::elements() const {
  int64_t n = 1;
  for (int64_t d : shape) n *= d;
  return n;
}

std::string shapeString(const std::vector<int64_t> &shape) {
  std::string s = "[";
  for (size_t k = 0; k < shape.size(); ++k) s += (k ? ", " : "") + std::to_string(shape[k]);
  return s + "]";
}

void Tensor::resize(const std::vector<int64_t> &newShape) {
  shape = newShape;
  bytes.assign((size_t)elements() * dtype.bytes(), 0);
}

uint16_t floatToHalf(float f) {
  uint32_t x;
  std::memcpy(&x, &f, 4);
  uint16_t sign = (uint16_t)((x >> 16) & 0x8000);
  uint32_t exp = (x >> 23) & 0xff, mant = x & 0x7fffff;
  if (exp == 0xff) return sign | 0x7c00 | (mant ? 0x200 | (uint16_t)(mant >> 13) : 0); // inf/NaN
  int e = (int)exp - 127 + 15;
  if (e >= 31) return sign | 0x7c00; // overflow: inf
  if (e <= 0) {                      // subnormal half (or zero)
    if (e < -10) return sign;
    mant |= 0x800000;
    int shift = 14 - e;
    uint32_t half = mant >> shift, rest = mant & ((1u << shift) - 1), mid = 1u << (shift - 1);
    if (rest > mid || (rest == mid && (half & 1))) ++half;
    return sign | (uint16_t)half;
  }
  uint32_t half = ((uint32_t)e << 10) | (mant >> 13), rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest == 0x1000 && (half & 1))) ++half; // may carry into inf: correct
  return sign | (uint16_t)half;
}

float halfToFloat(uint16_t h) {
  uint32_t sign = (uint32_t)(h & 0x8000) << 16, exp = (h >> 10) & 0x1f, mant = h & 0x3ff, x;
  if (exp == 0) {
    if (mant == 0) {
      x = sign;
    } else { // subnormal: normalise
      int e = -1;
      do {
        ++e;
        mant <<= 1;
      } while (!(mant & 0x400));
      x = sign | ((uint32_t)(127 - 15 - e) << 23) | ((mant & 0x3ff) << 13);
    }
  } else if (exp == 31) {
    x = sign | 0x7f800000 | (mant << 13);
  } else {
    x = sign | ((exp - 15 + 127) << 23) | (mant << 13);
  }
  float f;
  std::memcpy(&f, &x, 4);
  return f;
}

double Tensor::get(int64_t k) const {
  const unsigned char *p = bytes.data() + k * dtype.bytes();
  auto rd = [&](auto v) {
    std::memcpy(&v, p, sizeof v);
    return v;
  };
  switch (dtype.code) {
  case DType::Bool: return *p ? 1 : 0;
  case DType::Int:
    switch (dtype.bits) {
    case 8: return rd(int8_t());
    case 16: return rd(int16_t());
    case 32: return rd(int32_t());
    default: return (double)rd(int64_t());
    }
  case DType::UInt:
    switch (dtype.bits) {
    case 8: return rd(uint8_t());
    case 16: return rd(uint16_t());
    case 32: return rd(uint32_t());
    default: return (double)rd(uint64_t());
    }
  case DType::Float:
    switch (dtype.bits) {
    case 16: return halfToFloat(rd(uint16_t()));
    case 32: return rd(float());
    default: return rd(double());
    }
  default: return 0;
  }
}

void Tensor::set(int64_t k, double v) {
  unsigned char *p = bytes.data() + k * dtype.bytes();
  auto wr = [&](auto x) { std::memcpy(p, &x, sizeof x); };
  switch (dtype.code) {
  case DType::Bool: *p = v != 0; return;
  case DType::Int:
    switch (dtype.bits) {
    case 8: return wr((int8_t)v);
    case 16: return wr((int16_t)v);
    case 32: return wr((int32_t)v);
    default: return wr((int64_t)v);
    }
  case DType::UInt:
    switch (dtype.bits) {
    case 8: return wr((uint8_t)v);
    case 16: return wr((uint16_t)v);
    case 32: return wr((uint32_t)v);
    default: return wr((uint64_t)v);
    }
  case DType::Float:
    switch (dtype.bits) {
    case 16: return wr(floatToHalf((float)v));
    case 32: return wr((float)v);
    default: return wr(v);
    }
  default: return;
  }
}

namespace {

/// The numpy type string of a dtype, without byte order ("f4", "b1").
std::string npyKind(DType t) {
  char c = t.isBool() ? 'b' : t.isInt() ? 'i' : t.isUInt() ? 'u' : 'f';
  return std::string(1, c) + std::to_string(t.bytes());
}

/// A tiny reader of the header's Python dict literal.
struct HeaderParser {
  const std::string &s;
  size_t p = 0;
  void ws() {
    while (p < s.size() && std::isspace((unsigned char)s[p])) ++p;
  }
  bool eat(char c) {
    ws();
    if (p < s.size() && s[p] == c) {
      ++p;
      return true;
    }
    return false;
  }
  bool string(std::string &out) {
    ws();
    if (p >= s.size() || (s[p] != '\'' && s[p] != '"')) return false;
    char q = s[p++];
    size_t e = s.find(q, p);
    if (e == std::string::npos) return false;
    out = s.substr(p, e - p);
    p = e + 1;
    return true;
  }
  bool word(std::string &out) {
    ws();
    size_t b = p;
    while (p < s.size() && (std::isalnum((unsigned char)s[p]) || s[p] == '_')) ++p;
    out = s.substr(b, p - b);
    return !out.empty();
  }
};

} // namespace

bool readNpy(const std::string &path, Tensor &out, std::string &error) {
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    error = std::string("cannot open: ") + std::strerror(errno);
    return false;
  }
  std::string data((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  if (data.size() < 10 || data.compare(0, 6, "\x93NUMPY") != 0) {
    error = "not a .npy file (no \\x93NUMPY magic)";
    return false;
  }
  unsigned major = (unsigned char)data[6];
  size_t headerLen, start;
  if (major == 1) {
    headerLen = (unsigned char)data[8] | (size_t)(unsigned char)data[9] << 8;
    start = 10;
  } else if (major == 2 || major == 3) {
    if (data.size() < 12) {
      error = "truncated .npy header";
      return false;
    }
    headerLen = 0;
    for (int k = 3; k >= 0; --k) headerLen = headerLen << 8 | (unsigned char)data[8 + k];
    start = 12;
  } else {
    error = ".npy format version " + std::to_string(major) + " is not supported (1, 2 and 3 are)";
    return false;
  }
  if (start + headerLen > data.size()) {
    error = "truncated .npy header";
    return false;
  }
  std::string header = data.substr(start, headerLen);
  HeaderParser h{header};
  std::string descr;
  bool haveDescr = false, haveOrder = false, haveShape = false, fortran = false;
  std::vector<int64_t> shape;
  if (!h.eat('{')) {
    error = "malformed .npy header: " + header;
    return false;
  }
  while (!h.eat('}')) {
    std::string key;
    if (!h.string(key) || !h.eat(':')) {
      error = "malformed .npy header: " + header;
      return false;
    }
    if (key == "descr") {
      if (!h.string(descr)) {
        error = "this .npy file has a structured dtype; only plain numeric arrays are supported";
        return false;
      }
      haveDescr = true;
    } else if (key == "fortran_order") {
      std::string w;
      h.word(w);
      fortran = w == "True";
      haveOrder = true;
    } else if (key == "shape") {
      if (!h.eat('(')) {
        error = "malformed .npy shape in: " + header;
        return false;
      }
      while (!h.eat(')')) {
        std::string w;
        if (!h.word(w) || w.find_first_not_of("0123456789") != std::string::npos || w.size() > 18) {
          error = "malformed .npy shape in: " + header;
          return false;
        }
        shape.push_back(std::stoll(w));
        h.eat(',');
      }
      haveShape = true;
    } else {
      error = "unknown key '" + key + "' in .npy header";
      return false;
    }
    h.eat(',');
  }
  if (!haveDescr || !haveOrder || !haveShape) {
    error = "the .npy header lacks descr, fortran_order or shape: " + header;
    return false;
  }
  if (fortran) {
    error = "the array is in Fortran order; save it in C order (numpy.ascontiguousarray)";
    return false;
  }
  // descr: byte order ('<', '>', '|', '=') then kind and size.
  char order = descr.empty() ? '?' : descr[0];
  std::string kind = std::string("<>|=").find(order) != std::string::npos ? descr.substr(1) : descr;
  DType t;
  for (const char *name : {"bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32",
                           "uint64", "float16", "float32", "float64"}) {
    DType c = *DType::parse(name);
    if (npyKind(c) == kind) t = c;
  }
  if (!t.isValid()) {
    error = "the array's dtype '" + descr +
            "' is not one of hybrid script's (bool, int8..64, uint8..64, "
            "float16/32/64)";
    return false;
  }
  out.dtype = t;
  out.shape = shape;
  size_t n = 1;
  for (int64_t d : shape) {
    if (d != 0 && n > (size_t(1) << 40) / (size_t)d) {
      error = "the array is too large";
      return false;
    }
    n *= (size_t)d;
  }
  size_t nbytes = n * t.bytes();
  if (data.size() - start - headerLen < nbytes) {
    error = "the file holds " + std::to_string(data.size() - start - headerLen) +
            " bytes of data, the header's shape " + shapeString(shape) + " needs " +
            std::to_string(nbytes);
    return false;
  }
  out.bytes.assign(data.begin() + (std::ptrdiff_t)(start + headerLen),
                   data.begin() + (std::ptrdiff_t)(start + headerLen + nbytes));
  if (order == '>' && t.bytes() > 1) // big-endian: swap each element
    for (size_t k = 0; k < nbytes; k += t.bytes())
      std::reverse(out.bytes.begin() + (std::ptrdiff_t)k,
                   out.bytes.begin() + (std::ptrdiff_t)(k + t.bytes()));
  return true;
}

std::string npyBytes(const Tensor &t) {
  std::string dict = "{'descr': '" + std::string(t.dtype.bytes() == 1 ? "|" : "<") +
                     npyKind(t.dtype) + "', 'fortran_order': False, 'shape': (";
  for (size_t k = 0; k < t.shape.size(); ++k)
    dict += std::to_string(t.shape[k]) + (t.shape.size() == 1      ? ","
                                          : k + 1 < t.shape.size() ? ", "
                                                                   : "");
  dict += "), }";
  bool v2 = dict.size() + 11 > 65535;
  size_t pre = v2 ? 12 : 10;
  size_t total = (pre + dict.size() + 1 + 63) / 64 * 64;
  dict.append(total - pre - dict.size() - 1, ' ');
  dict += '\n';
  std::string out = "\x93NUMPY";
  out += (char)(v2 ? 2 : 1);
  out += '\0';
  size_t len = dict.size();
  for (int k = 0; k < (v2 ? 4 : 2); ++k) out += (char)((len >> (8 * k)) & 0xff);
  out += dict;
  out.append((const char *)t.bytes.data(), t.bytes.size());
  return out;
}

} // namespace hybridc::interp
