//===- RuntimeLinker.cpp - Link the embedded runtime into a module --------===//
//
// Parses the runtime bitcode embedded at build time (lib/Runtime), links
// what the module needs of it (the functions its kernels call, what those
// call, and the public API) and fixes the linkage of what it brought:
// every non-local definition becomes linkonce_odr in a COMDAT of its own
// name (one copy per program, whichever object the linker keeps; the copies
// are identical and compiled for the arch's baseline ISA), and the public
// API functions are added to llvm.compiler.used so that they survive
// optimisation even when no kernel of this object calls them.
//
//===----------------------------------------------------------------------===//
#include "RuntimeLinker.h"

#include "RuntimeBitcode.h"
#include "hybridc/IR/IR.h"

#include "llvm/Bitcode/BitcodeReader.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Module.h"
#include "llvm/Linker/Linker.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/TargetParser/Triple.h"
#include "llvm/Transforms/Utils/ModuleUtils.h"

#include <set>

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
  runtime::Bitcode bc = runtime::bitcodeFor(std::string_view(arch.data(), arch.size()));
  if (!bc.data) return "hybridc has no runtime for the architecture '" + arch.str() + "'";

  llvm::MemoryBufferRef buffer(llvm::StringRef(reinterpret_cast<const char *>(bc.data), bc.size),
                               "hybridc_runtime");
  llvm::Expected<std::unique_ptr<llvm::Module>> parsed =
      llvm::parseBitcodeFile(buffer, m.getContext());
  if (!parsed) return "cannot read the embedded runtime: " + llvm::toString(parsed.takeError());
  std::unique_ptr<llvm::Module> rt = std::move(*parsed);
  rt->setTargetTriple(m.getTargetTriple());
  rt->setDataLayout(m.getDataLayout());
  if (llvm::NamedMDNode *ident = rt->getNamedMetadata("llvm.ident")) rt->eraseNamedMetadata(ident);

  // -ffreestanding marks the runtime "no-builtins"; that must not spread
  // into kernels the runtime is inlined into.
  std::vector<std::string> defined;
  for (llvm::Function &f : *rt) {
    f.removeFnAttr("no-builtins");
    for (llvm::BasicBlock &bb : f)
      for (llvm::Instruction &inst : bb)
        if (auto *call = llvm::dyn_cast<llvm::CallBase>(&inst)) {
          call->removeFnAttr("no-builtins");
          call->removeFnAttr(llvm::Attribute::NoBuiltin);
        }
    if (!f.isDeclaration() && !f.hasLocalLinkage()) defined.push_back(f.getName().str());
  }
  for (llvm::GlobalVariable &g : rt->globals())
    if (!g.isDeclaration() && !g.hasLocalLinkage()) defined.push_back(g.getName().str());

  // Only what the kernels use (and, through it, what that uses), plus the
  // public API every object defines: the runtime is linked after
  // optimisation, so nothing would remove the rest before code generation.
  for (const char *name : kPublicAPI)
    if (llvm::Function *f = rt->getFunction(name))
      m.getOrInsertFunction(name, f->getFunctionType());
  if (llvm::Linker::linkModules(m, std::move(rt), llvm::Linker::Flags::LinkOnlyNeeded))
    return std::string("cannot link the runtime into the module");

  for (const std::string &name : defined) {
    llvm::GlobalValue *gv = m.getNamedValue(name);
    if (!gv || gv->isDeclaration()) continue;
    auto *go = llvm::dyn_cast<llvm::GlobalObject>(gv);
    if (!go) continue;
    go->setLinkage(llvm::GlobalValue::LinkOnceODRLinkage);
    go->setVisibility(llvm::GlobalValue::DefaultVisibility);
    go->setComdat(m.getOrInsertComdat(name));
    // Clang optimised the runtime when the build embedded it; instruction
    // selection for it then takes the fast path (FastISel, no machine-level
    // optimisation): it is cold code (errors, allocation, one thread-pool
    // dispatch per kernel call), and compiling it fully cost ~8 ms per
    // object with a parallel loop (bench/RESULTS.md, compile time).
    if (auto *fn = llvm::dyn_cast<llvm::Function>(go); fn && !fn->isDeclaration()) {
      fn->addFnAttr(llvm::Attribute::OptimizeNone);
      fn->addFnAttr(llvm::Attribute::NoInline);
    }
    // One copy per program: its address is what every object refers to.
    if (llvm::isa<llvm::GlobalVariable>(go))
      go->setUnnamedAddr(llvm::GlobalValue::UnnamedAddr::None);
  }
  std::vector<llvm::GlobalValue *> keep;
  for (const char *name : kPublicAPI)
    if (llvm::GlobalValue *gv = m.getNamedValue(name)) keep.push_back(gv);
  llvm::appendToCompilerUsed(m, keep);
  return std::nullopt;
}

} // namespace hybridc::codegen
