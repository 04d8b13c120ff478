//===- SplitHostDevice.h - The kernels of a def on the cuda target ---------===//
//
// On `--target cuda` (docs/cuda.md) a def's body is a sequence of
// top-level nests, each containing loops bound to blockIdx/threadIdx; each
// nest becomes one GPU kernel, launched in order on one stream with a grid
// and block from its bound extents. splitHostDevice() checks that a lowered
// def fits that model and what this version of the cuda target supports,
// reporting each violation at its statement, and lists the kernels.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "hybridc/IR/IR.h"
#include "hybridc/Support/Diagnostics.h"

#include <map>
#include <string>
#include <vector>

namespace hybridc::ir {

struct DeviceKernel {
  std::string name; // the PTX entry: <def symbol>_k<N>
  Stmt body;        // one top-level nest of the def's body
  /// Bound extents by tag ("blockIdx.x", "threadIdx.y", ...); over the
  /// def's scalar parameters only.
  std::map<std::string, Expr> extents;
};

/// `body` with the barriers the kernels get (__syncthreads between threads
/// writing and reading shared memory, TVM's storage-sync rule): what
/// --emit-lowered shows on the cuda target.
Stmt withSharedBarriers(const Stmt &body);

/// The kernels of `f`, or false after reporting why `f` cannot run on the
/// cuda target. `maxThreads` bounds a block (threadIdx extents multiplied).
bool splitHostDevice(const LoweredFunc &f, std::vector<DeviceKernel> &kernels, DiagnosticEngine &diags,
                     int64_t maxThreads = 1024);

} // namespace hybridc::ir
