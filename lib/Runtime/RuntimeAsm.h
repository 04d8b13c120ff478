//===- RuntimeAsm.h - The runtime, precompiled to assembly ----------------===//
//
// runtime.c is compiled at build time, once per CPU arch (baseline ISA), to
// LLVM bitcode by clang and then, symbol by symbol, to assembly text by
// hybridc-runtime-asm (RuntimeAsmGen.cpp), which generates the definition.
// lib/CodeGen/RuntimeLinker.cpp appends the chunks a module needs as
// module-level assembly. No LLVM types here: the text is plain data.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstddef>
#include <string_view>

namespace hybridc::runtime {

/// One runtime symbol (function or variable): its assembly, defining it
/// linkonce_odr in a COMDAT of its own name, and the runtime symbols it
/// refers to (a null-terminated list).
struct Symbol {
  const char *name;
  const char *assembly;
  const char *const *deps;
};

struct Runtime {
  const Symbol *symbols = nullptr;
  std::size_t count = 0;
};

/// The runtime for an LLVM arch name ("x86_64", "aarch64"); empty (count 0)
/// when hybridc has no runtime for it.
Runtime runtimeFor(std::string_view arch);

} // namespace hybridc::runtime
