//===- CodeGen.h - Lowered functions to objects, IR and assembly ----------===//
//
// The only interface to LLVM: callers pass lowered functions and get bytes
// back. No LLVM header is included here (LLVM stays inside lib/CodeGen).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "hybridc/IR/IR.h"
#include "hybridc/Support/Diagnostics.h"
#include "hybridc/Support/StageLog.h"

#include <optional>
#include <string>
#include <vector>

namespace hybridc {

class SourceManager;

struct TargetOptions {
  std::string target = "host"; // host | x86_64 | aarch64 | an LLVM triple
  std::string mcpu;            // "" = the arch's generic CPU (host: this CPU); "native"
  std::string mattr;           // "+avx2,-fma"
  int optLevel = 3;            // 0..3
  bool debugInfo = false; // -g: DWARF line tables mapping to .hy lines (needs the SourceManager)
  std::string cudaArch = "sm_80";  // --cuda-arch: the GPU of the cuda target's PTX
  std::string hostTarget = "host"; // --host-target: the CPU side of the cuda target
};

/// What to produce; each non-null pointer receives that output.
struct CodeGenRequest {
  std::string *object = nullptr; // ELF object bytes
  std::string *llvmIR = nullptr; // optimised LLVM IR text
  std::string *assembly = nullptr;
  std::string *ptx = nullptr; // cuda target: the device code
  /// Times llvm-ir, optimize, link-runtime and emit (-v).
  const StageLog *log = &StageLog::disabled();
  /// Set, on an error LLVM reports about one function, to the location of
  /// the def it was compiling (otherwise left as it is).
  SourceLoc *errorLoc = nullptr;
};

/// Compiles `funcs` (already lowered and scheduled) for one target into one
/// module, linked with the runtime. `moduleName` names the module (the .hy
/// file's stem). Returns an error message on failure (bad target/cpu), else
/// nullopt. Internal invariant failures throw InternalError.
std::optional<std::string> generateCode(const std::vector<ir::LoweredFunc> &funcs,
                                        const std::string &moduleName, const TargetOptions &target,
                                        const CodeGenRequest &request,
                                        const SourceManager *sm = nullptr);

/// Whether a kernel may not be named `symbol`: it names a C library function
/// the object calls or a hybridc runtime symbol (hybridc_*).
bool isReservedSymbol(const std::string &symbol);

/// A target option that cannot be compiled for: the diagnostic to report.
struct TargetProblem {
  DiagKind kind;
  std::vector<std::string> args;
  std::string message() const { return formatDiag(diagInfo(kind).format, args); }
};

/// Why `target` (target, --mcpu, --mattr, --cuda-arch, --host-target)
/// cannot be compiled for, or nullopt: checked before any work.
std::optional<TargetProblem> checkTargetOptions(const TargetOptions &target);

/// Whether `target` is the cuda target (NVPTX device code + host launches).
bool isCudaTarget(const TargetOptions &target);

/// Whether `target` is a CPU with masked vector loads and stores as cheap
/// as plain ones (x86 with AVX-512 F and VL): --vector-tails=auto.
bool hasMaskedVectors(const TargetOptions &target);

/// The triple that `target` resolves to ("" and an error message if unknown).
std::string resolveTriple(const std::string &target, std::string &error);

/// The C header for `funcs` (docs/contract.md §4): valid C99 and C++, <stdint.h> only,
/// one comment per kernel with its shapes, the runtime API. `guard` is the
/// include-guard macro.
/// `cuda`: the cuda target's header (device pointers, NAME_on_stream).
std::string emitHeader(const std::vector<ir::LoweredFunc> &funcs, const std::string &guard,
                       bool cuda = false);

/// The C parameter names emitHeader gives `f`'s parameters, in ABI order:
/// each Arg's name, and `<name>_stride<k>` after a strided input. A name
/// that is a C/C++ keyword gets a trailing '_'.
std::vector<std::string> headerParamNames(const ir::LoweredFunc &f);

/// Whether `name` is a C or C++ keyword (or a name the header itself
/// declares): no C code can call a kernel of that name.
bool isCReservedWord(const std::string &name);

} // namespace hybridc
