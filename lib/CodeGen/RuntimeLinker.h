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

/// Appends the precompiled runtime for the module's arch (the triple must be
/// set) to `m` as module-level assembly: the runtime symbols `m` declares,
/// what they refer to, and the public API (hybridc_set_error_handler,
/// hybridc_set_num_threads), each linkonce_odr with a COMDAT of its own
/// name, so that any number of hybridc objects link into one program with
/// one copy of each. Call it after optimisation. Returns an error message
/// on failure.
std::optional<std::string> linkRuntime(llvm::Module &m);

/// Whether `name` is a symbol of the runtime or of the C library functions
/// it and the generated code call (a kernel may not take such a name).
bool isReservedRuntimeSymbol(const std::string &name);

} // namespace hybridc::codegen
