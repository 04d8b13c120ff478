//===- RuntimeLinker.h - Link the embedded runtime into a module ----------===//
//
// Private to lib/CodeGen.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <optional>
#include <string>

namespace llvm {
class Module;
}

namespace hybridc::codegen {

/// Links the runtime bitcode for the module's arch into `m` (triple and data
/// layout must be set) and gives every runtime definition linkonce_odr
/// linkage with a COMDAT of its own name, so that any number of hybridc
/// objects link into one program with one copy of each. The public API
/// (hybridc_set_error_handler, hybridc_set_num_threads) is kept even when no
/// kernel calls it. Returns an error message on failure.
std::optional<std::string> linkRuntime(llvm::Module &m);

/// Whether `name` is a symbol of the runtime or of the C library functions
/// it and the generated code call (a kernel may not take such a name).
bool isReservedRuntimeSymbol(const std::string &name);

} // namespace hybridc::codegen
