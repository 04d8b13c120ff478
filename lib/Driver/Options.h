//===- Options.h - The parsed hybridc command line --------------*- C++ -*-===//
//
// Private to lib/Driver. parseOptions() is the only place that sees CLI11
// (Options.cpp); the rest of the driver works on this plain struct. Options
// of later pipeline stages are added here by the issues that implement them.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "hybridc/Support/Diagnostics.h"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace hybridc::driver {

struct Options {
  std::string input;       // FILE.hy
  std::string schedule;    // -s / --schedule, empty if none
  bool syntaxOnly = false; // --syntax-only
  ColorMode color = ColorMode::Auto;
  bool verbose = false;  // -v: each stage and its time on stderr
  bool dumpAst = false;  // --dump-ast (hidden, developer)
  bool debugIce = false; // --debug-ice (hidden): raise an internal error, for tests

  // Code generation (Compile.cpp).
  std::string output;               // -o FILE ("" = <stem>.o in the current directory)
  std::string target = "host";      // --target
  std::string mcpu, mattr;          // --mcpu, --mattr
  int optLevel = 3;                 // -O0 .. -O3
  bool debugInfo = false;           // -g
  std::string vectorTails = "auto"; // --vector-tails: auto | masked | split
  /// --emit-X[=FILE|-]: nullopt = not requested, "" = the default path.
  std::optional<std::string> emitHeader, emitLowered, emitIR, emitAsm, emitPTX;
  std::string cudaArch = "sm_80";      // --cuda-arch (cuda target)
  std::string hostTarget = "host";     // --host-target (cuda target)
  std::vector<std::string> functions;  // --function (repeatable)
  std::string symbolPrefix;            // --symbol-prefix
  std::vector<std::string> printAfter; // --print-after=PASS (repeatable); "all"
  bool timePasses = false;             // --time-passes
  bool verifyEach = false;             // --verify-each (hidden): IR verifier after every pass

  // Make depfile (Compile.cpp), as gcc: -MD writes <object without .o>.d,
  // -MF FILE names it (and implies -MD), -MT TARGET is the rule's target
  // verbatim (default: the object path, escaped for Make).
  bool makeDepfile = false; // -MD (or -MF)
  std::string depfile;      // -MF FILE, "" = beside the object
  std::string depTarget;    // -MT TARGET, "" = the object path

  // `hybridc run FILE.hy ...` (Run.cpp, docs/run.md): software emulation.
  bool run = false;
  std::vector<std::string> runArgs; // --arg NAME=VALUE
  std::vector<std::string> runOuts; // --out NAME=FILE.npy
  bool runScheduled = false;        // --scheduled: the scheduled loop nest
  bool runStrict = false;           // --strict
  uint64_t runSeed = 0;             // --seed (for --arg NAME=rand)
  uint64_t runMaxSteps = 0;         // --max-steps (0: no limit)
};

/// Parses `args` (args[0] is the program name). Returns the exit status when
/// the driver must stop here: 0 after --help / --version (printed to `out`),
/// 2 after a usage error (CLI11's message on `err`). Returns nullopt when
/// `opts` is filled and compilation should proceed.
std::optional<int> parseOptions(const std::vector<std::string> &args, Options &opts,
                                std::ostream &out, std::ostream &err);

/// The same for `hybridc run ...` (args[1] is "run"); sets opts.run.
std::optional<int> parseRunOptions(const std::vector<std::string> &args, Options &opts,
                                   std::ostream &out, std::ostream &err);

} // namespace hybridc::driver
