//===- RuntimeLinker.cpp - Add the precompiled runtime to a module --------===//
//
// The runtime (lib/Runtime/runtime.c) was compiled at build time, symbol by
// symbol, to assembly for the arch's baseline ISA (lib/Runtime/RuntimeAsm.h).
// linkRuntime appends to the module, as module-level assembly, what the
// module needs of it: the runtime symbols its code refers to, what those
// refer to, and the public API. Every chunk defines its symbol linkonce_odr
// in a COMDAT of its own name (one copy per program, whichever object the
// linker keeps; the copies are identical).
//
//===----------------------------------------------------------------------===//
#include "RuntimeLinker.h"

#include "RuntimeAsm.h"
#include "hybridc/IR/IR.h"
#include "hybridc/Support/InternalError.h"

#include "llvm/IR/Module.h"
#include "llvm/TargetParser/Triple.h"

#include <map>
#include <set>
#include <string_view>
#include <vector>

namespace hybridc::codegen {

namespace {
const char *const kPublicAPI[] = {"hybridc_set_error_handler", "hybridc_set_num_threads"};
} // namespace

bool isReservedRuntimeSymbol(const std::string &name) {
  static const std::set<std::string> libc = {
      // called by the runtime and by generated code
      "write", "posix_memalign", "free", "malloc", "calloc", "realloc", "memcpy", "memmove",
      "memset", "memcmp", "abort", "exit",
      // libm entry points LLVM's own rewrites may call (those of the
      // intrinsics come from Intrinsics.def, below)
      "fmod", "fmodf", "sincos", "sincosf", "exp10", "exp10f", "fmin", "fminf", "fmax", "fmaxf",
      "fma", "fmaf", "trunc", "truncf", "rint", "rintf", "nearbyint", "nearbyintf", "ldexp",
      "ldexpf", "__extendhfsf2", "__truncsfhf2", "__truncdfhf2", "main",
      // the CUDA driver API the cuda target's runtime calls
      "cuCtxGetCurrent", "cuModuleLoadData", "cuModuleGetFunction", "cuLaunchKernel",
      "cuGetErrorString"};
  static const std::set<std::string> libm = [] {
    std::set<std::string> names;
    for (unsigned k = 0; k < ir::kNumIntrinsics; ++k)
      if (std::string f = ir::libmOf(ir::Intrinsic(k)); !f.empty()) names.insert({f, f + "f"});
    return names;
  }();
  return name.rfind("hybridc_", 0) == 0 || libc.count(name) != 0 || libm.count(name) != 0;
}

std::optional<std::string> linkRuntime(llvm::Module &m) {
  llvm::Triple triple(m.getTargetTriple());
  llvm::StringRef arch = llvm::Triple::getArchTypeName(triple.getArch());
  runtime::Runtime rt = runtime::runtimeFor(std::string_view(arch.data(), arch.size()));
  if (!rt.count) return "hybridc has no runtime for the architecture '" + arch.str() + "'";

  std::map<std::string_view, const runtime::Symbol *> byName;
  for (size_t k = 0; k < rt.count; ++k) byName[rt.symbols[k].name] = &rt.symbols[k];
  // What the module refers to (declarations; the kernels' code was
  // optimised already), the public API, and their dependencies.
  std::set<std::string_view> needed;
  std::vector<std::string_view> work(std::begin(kPublicAPI), std::end(kPublicAPI));
  for (const llvm::GlobalValue &gv : m.global_values())
    if (gv.isDeclaration() &&
        byName.count(std::string_view(gv.getName().data(), gv.getName().size())))
      work.push_back(std::string_view(gv.getName().data(), gv.getName().size()));
  while (!work.empty()) {
    std::string_view name = work.back();
    work.pop_back();
    auto it = byName.find(name);
    HY_ASSERT(it != byName.end(), "the runtime has no symbol '" + std::string(name) + "'");
    if (!needed.insert(it->first).second) continue;
    for (const char *const *d = it->second->deps; *d; ++d) work.push_back(*d);
  }
  // In the runtime's order, so that the output does not depend on the
  // order of the module's declarations.
  for (size_t k = 0; k < rt.count; ++k)
    if (needed.count(rt.symbols[k].name)) m.appendModuleInlineAsm(rt.symbols[k].assembly);
  return std::nullopt;
}

} // namespace hybridc::codegen
