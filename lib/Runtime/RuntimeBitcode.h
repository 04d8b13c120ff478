//===- RuntimeBitcode.h - The runtime bitcode embedded in the compiler ----===//
//
// runtime.c is compiled to LLVM bitcode at build time, once per CPU arch,
// and embedded as byte arrays (EmbedBitcode.cmake generates the definition).
// lib/CodeGen/RuntimeLinker.cpp parses the bytes and links them into each
// generated module. No LLVM types here: the bytes are plain data.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstddef>
#include <string_view>

namespace hybridc::runtime {

struct Bitcode {
  const unsigned char *data = nullptr;
  std::size_t size = 0;
};

/// The runtime bitcode for an LLVM arch name ("x86_64", "aarch64"); empty
/// (data == nullptr) when hybridc has no runtime for it.
Bitcode bitcodeFor(std::string_view arch);

} // namespace hybridc::runtime
