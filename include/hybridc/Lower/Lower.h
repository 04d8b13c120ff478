//===- Lower.h - Checked AST to scheduled loop IR -------------------------===//
//
// lowerModule() turns each exported def of a checked module into a
// LoweredFunc (lowerDef, ASTToIR.cpp: scalars become Vars, mutable ones
// VarDecl/Assign; const_range is unrolled; calls to other defs are inlined
// with hygienic names; grid becomes nested loops) and then runs the pass
// list of Lower.cpp in order; passNames() are the keys of --print-after.
// docs/architecture.md lists the passes and what each guarantees.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "hybridc/AST/AST.h"
#include "hybridc/IR/IR.h"
#include "hybridc/Support/Diagnostics.h"
#include "hybridc/Support/StageLog.h"

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace hybridc {

struct ScheduleFile;

struct LowerOptions {
  std::vector<std::string> functions;          // --function: export only these (empty: all)
  std::string symbolPrefix;                    // --symbol-prefix
  std::vector<std::string> printAfter;         // pass names; "all" for every pass
  std::ostream *dumpStream = nullptr;          // where --print-after goes
  const StageLog *log = &StageLog::disabled(); // --time-passes: each pass of each def
  /// When set, receives each def's loop nest once it is scheduled and
  /// checked (before unrolling and vectorization): what --emit-lowered prints.
  std::vector<ir::LoweredFunc> *scheduled = nullptr;
  /// max_num_threads(True): the target's threads per block (1 on CPUs,
  /// 1024 on the cuda target).
  int maxNumThreads = 1;
  /// The cuda target: split-host-device splits each def into its kernels.
  bool cuda = false;
  /// Masked vector code (--vector-tails): a symbolic vector tail is one
  /// predicated vector, a per-lane `if` in a vectorized loop is predicated.
  bool vectorMasks = false;
  /// Run the IR verifier after every pass (a failure is an internal error).
#ifdef NDEBUG
  bool verifyEach = false;
#else
  bool verifyEach = true;
#endif
};

/// Lowers the checked module's defs (those selected by options.functions),
/// applies the schedule and the pass list. Schedule errors go to `diags`.
std::vector<ir::LoweredFunc> lowerModule(const ast::Module &m, const ScheduleFile *schedule,
                                         const LowerOptions &options, DiagnosticEngine &diags);

/// Only the AST -> IR translation of one def (no passes).
/// `maxNumThreads` is what max_num_threads(True) gives (LowerOptions).
ir::LoweredFunc lowerDef(const ast::Module &m, const ast::Def &def, const std::string &symbolName,
                         int maxNumThreads = 1);

/// The pass names in pipeline order (for --print-after validation and help).
std::vector<std::string> passNames();

} // namespace hybridc
