//===- CodeGenCPU.cpp - The CPU back end (x86-64, AArch64) ----------------===//
//
// CPU-specific hooks of CodeGenLLVM. Parallel loops arrive outlined
// (lower-parallel) and run on the runtime's thread pool (ParallelFor.cpp); thread-bound loops only
// mean something on a GPU target, so on a CPU they are plain loops. Heap buffers and errors go
// through the runtime (runtime.c, linked in by RuntimeLinker.cpp).
//
//===----------------------------------------------------------------------===//
#include "CodeGenLLVM.h"

namespace hybridc::codegen {

namespace {

class CodeGenCPU : public CodeGenLLVM {
public:
  using CodeGenLLVM::CodeGenLLVM;

protected:
  void emitThreadBoundFor(const ir::For *op) override { emitSerialFor(op, {}); }
};

} // namespace

std::unique_ptr<CodeGenLLVM> makeCodeGenCPU(llvm::Module &module, llvm::TargetMachine *tm) {
  return std::make_unique<CodeGenCPU>(module, tm);
}

} // namespace hybridc::codegen
