//===- Utf8.h - UTF-8 encoding of one code point --------------------------===//
//
// For the escapes of the lexer's string literals and of the schedule's JSON
// strings. A value beyond U+10FFFF becomes U+FFFD; surrogates are encoded
// as they are (Python keeps a lone surrogate in a str).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <string>

namespace hybridc {

inline void appendUtf8(std::string &out, uint32_t cp) {
  if (cp < 0x80) {
    out += (char)cp;
  } else if (cp < 0x800) {
    out += (char)(0xC0 | (cp >> 6));
    out += (char)(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += (char)(0xE0 | (cp >> 12));
    out += (char)(0x80 | ((cp >> 6) & 0x3F));
    out += (char)(0x80 | (cp & 0x3F));
  } else if (cp < 0x110000) {
    out += (char)(0xF0 | (cp >> 18));
    out += (char)(0x80 | ((cp >> 12) & 0x3F));
    out += (char)(0x80 | ((cp >> 6) & 0x3F));
    out += (char)(0x80 | (cp & 0x3F));
  } else {
    out += "\xEF\xBF\xBD"; // U+FFFD, the replacement character
  }
}

} // namespace hybridc
