//===- CodeGenCUDA.h - Device kernels and host launches (cuda target) -----===//
//
// Private to lib/CodeGen (CodeGenCUDA.cpp; EmitObject.cpp drives the two
// modules). docs/cuda.md describes the target.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "CodeGenLLVM.h"

#include "hybridc/Transforms/SplitHostDevice.h"

namespace llvm {
class GlobalVariable;
}

namespace hybridc::codegen {

/// Adds one PTX entry per kernel of `f` (f.kernels, split-host-device) to the NVPTX module `m`.
void compileDeviceKernels(llvm::Module &m, llvm::TargetMachine *tm, const ir::LoweredFunc &f);

/// Adds `NAME_on_stream(args..., stream)` and `NAME(args...)` to the host
/// module `m`: argument checks, then one launch per kernel of the PTX
/// `ptx` (a NUL-terminated string) through the module cache `cache`.
void compileHostLaunches(llvm::Module &m, llvm::TargetMachine *tm, const ir::LoweredFunc &f,
                         llvm::GlobalVariable *ptx, llvm::GlobalVariable *cache);

} // namespace hybridc::codegen
