//===- Interp.h - Software emulation of a lowered def ---------------------===//
//
// `hybridc run` (docs/run.md) executes the checked loop IR of a def - before
// or after its schedule, loops still loops - on host tensors. It is the
// project's oracle as well as a user tool, so it checks what compiled code
// cannot afford to: every tensor access against the shape, integer division
// by zero, float-to-int conversions that do not fit, failing asserts, and
// (Options::strict) reads of output or allocated elements never written.
// Each such error stops the run with the .hy location of its statement.
//
// The loop IR is translated once into a compact register bytecode (one
// instruction per operation, operands in a flat register file, jumps for
// control flow) and then executed; see Interp.cpp. Parallel, vectorized,
// unrolled and bound loops run serially, in order: the legality check has
// proved that this gives the same results.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "hybridc/IR/IR.h"
#include "hybridc/Interp/Tensor.h"
#include "hybridc/Support/Diagnostics.h"

#include <map>
#include <string>
#include <vector>

namespace hybridc::interp {

struct Options {
  bool strict = false; // report reads of never-written output/allocate elements
  /// Stop with RunStepLimit after this many loop iterations (every loop
  /// and while together); 0 = no limit.
  uint64_t maxSteps = 0;
  /// The largest allocate, in bytes (RunAllocationFailed above it).
  double maxAllocBytes = 64.0 * (1ull << 30);
};

/// A scalar argument's value (the field of its dtype's class).
struct Scalar {
  int64_t i = 0; // bool, signed and unsigned integers (uint64 as its bits)
  double f = 0;  // floats
};

/// A run-time error: what and where (the statement's .hy location).
struct RunError {
  DiagKind kind = DiagKind::NumKinds;
  SourceLoc loc;
  std::vector<std::string> args;
  explicit operator bool() const { return kind != DiagKind::NumKinds; }
};

/// Evaluates a shape/size expression over the scalar arguments (for
/// setting up tensors: IntImm, Var, Cast and integer arithmetic). Returns
/// false when `e` uses something else.
bool evalSize(const ir::Expr &e, const std::map<std::string, Scalar> &scalars, int64_t &out);

/// Runs `f` once. `scalars` holds every Arg::Scalar by name; `tensors` every
/// buffer argument by name, each already shaped as its Arg's shape
/// evaluates to (inputs filled, outputs zeroed). Outputs and written
/// inputs hold the results afterwards. Returns an empty RunError on success.
RunError run(const ir::LoweredFunc &f, const std::map<std::string, Scalar> &scalars,
             std::map<std::string, Tensor *> &tensors, const Options &options);

} // namespace hybridc::interp
