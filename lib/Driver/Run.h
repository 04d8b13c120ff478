//===- Run.h - `hybridc run`: set up the arguments, interpret, write ------===//
//
// Private to lib/Driver. After the common front end (Driver.cpp: read,
// parse, schedule, check), runKernel() lowers the chosen def (scheduled
// with --scheduled), builds its arguments from --arg, runs it in the
// interpreter (lib/Interp) and writes each --out file, or summarises the
// outputs on `out`. docs/run.md describes the command.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Options.h"

#include <iosfwd>

namespace hybridc {
class DiagnosticEngine;
struct ScheduleFile;
namespace ast {
struct Module;
}

namespace driver {

/// Returns false after reporting errors to `diags` (then no --out file is
/// left on disk).
bool runKernel(const Options &opts, const ast::Module &module, const ScheduleFile *schedule,
               DiagnosticEngine &diags, std::ostream &out);

} // namespace driver
} // namespace hybridc
