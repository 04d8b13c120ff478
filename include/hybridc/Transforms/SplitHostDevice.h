//===- SplitHostDevice.h - The kernels of a def on the cuda target ---------===//
//
// On `--target cuda` (docs/cuda.md) a def's body is a sequence of
// top-level nests, each containing loops bound to blockIdx/threadIdx; each
// nest becomes one GPU kernel, launched in order on one stream with a grid
// and block from its bound extents. splitHostDevice() (the split-host-device
// pass) checks that a lowered def fits that model and what this version of
// the cuda target supports, reporting each violation at its statement, and
// splits the def into its kernels and the host code that launches them.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "hybridc/IR/IR.h"
#include "hybridc/Support/Diagnostics.h"

#include <optional>
#include <string>
#include <vector>

namespace hybridc::ir {

/// `body` with the barriers the kernels get (__syncthreads between threads
/// writing and reading shared memory, TVM's storage-sync rule): what
/// --emit-lowered shows on the cuda target.
Stmt withSharedBarriers(const Stmt &body);

/// The split-host-device pass (the last of Lower.cpp's list, on the cuda
/// target only). Expects the final loop IR of `f`. On success fills
/// f.kernels (each body with its barriers) and makes f.body the host part:
/// a Block of launches, one per kernel, in order (launch()); returns true.
/// Otherwise reports why `f` cannot run on the cuda target, at the
/// statement, and leaves `f` as it was. `maxThreads` bounds a block
/// (threadIdx extents multiplied).
bool splitHostDevice(LoweredFunc &f, DiagnosticEngine &diags, int64_t maxThreads = 1024);

/// The host statement that launches kernel `name`, and its inverse (the
/// kernel's name, or nothing for any other statement). It prints as
/// `"cuda.launch:<name>"`.
Stmt launch(const std::string &name);
std::optional<std::string> launchedKernel(const Evaluate *s);

} // namespace hybridc::ir
