//===- Compile.h - The stages after checking: lower, codegen, write -------===//
//
// Private to lib/Driver. planOutputs() decides which files a command line
// produces (so that a failed run can remove stale ones); compile() lowers,
// schedules, generates code and writes every output atomically (a temporary
// renamed into place), or none of them.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Options.h"
#include "hybridc/Support/StageLog.h"

#include "hybridc/CodeGen/CodeGen.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace hybridc {
class SourceManager;
class DiagnosticEngine;
struct ScheduleFile;
namespace ast {
struct Module;
}

namespace driver {

/// Each output's path: "" = not produced, "-" = standard output.
struct OutputPlan {
  std::string object, header, lowered, ir, assembly, ptx;
  std::string depfile;                    // -MD / -MF: the Make depfile
  std::string depTarget;                  // its rule's target, already escaped for Make
  std::vector<std::string> files() const; // the real files among them
};

OutputPlan planOutputs(const Options &opts);

/// The code generator's options from the command line (--target, --mcpu,
/// --mattr, -O, -g, --cuda-arch, --host-target).
TargetOptions targetOptionsOf(const Options &opts);

/// Writes `bytes` to `path` through a temporary renamed into place (a path
/// that is not a regular file, e.g. /dev/null, is written in place).
/// Returns an error message, "" on success.
std::string writeAtomically(const std::string &path, const std::string &bytes);

/// Removes every file of `plan` (after a failed run: no stale outputs).
void removeOutputs(const OutputPlan &plan);

/// Reports OutputIsInput when an output names an input file.
bool checkOutputsAreNotInputs(const OutputPlan &plan, const std::vector<std::string> &inputs,
                              DiagnosticEngine &diags);

/// Lowers, generates code and writes the outputs of `plan`. Returns false
/// after reporting errors to `diags` (then nothing is left on disk).
bool compile(const Options &opts, const OutputPlan &plan, const ast::Module &module,
             const ScheduleFile *schedule, const SourceManager &sm, DiagnosticEngine &diags,
             std::ostream &out, std::ostream &err, const StageLog &log);

} // namespace driver
} // namespace hybridc
