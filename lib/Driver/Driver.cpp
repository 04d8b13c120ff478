//===- Driver.cpp - Runs the phases of hybridc ----------------------------===//
//
// Driver::run: parse the command line (Options.cpp), read the .hy file and
// the schedule into one SourceManager, parse, read the schedule, check, and
// render the collected diagnostics sorted by location. Later issues append
// lowering and code generation after the check.
//
// Every phase runs under a name: an InternalError (HY_ASSERT) or any other
// exception escaping a phase becomes "internal compiler error in <phase>"
// and exit status 70. The driver keeps no global state; everything lives in
// the locals of run().
//
//===----------------------------------------------------------------------===//
#include "hybridc/Driver/Driver.h"

#include "Compile.h"
#include "Options.h"
#include "Run.h"

#include <algorithm>

#include "hybridc/AST/AST.h"
#include "hybridc/CodeGen/CodeGen.h"
#include "hybridc/Lower/Lower.h"
#include "hybridc/Parse/Parser.h"
#include "hybridc/Schedule/Schedule.h"
#include "hybridc/Sema/Sema.h"
#include "hybridc/Support/Diagnostics.h"
#include "hybridc/Support/InternalError.h"
#include "hybridc/Support/SourceManager.h"

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
#include <ostream>
#include <sys/stat.h>
#include <unistd.h>

namespace hybridc {

namespace {

/// Whether diagnostics on `err` get ANSI colors. `auto` means: only when
/// `err` is the process's stderr, stderr is a terminal, and TERM is not
/// "dumb" (string streams in tests never get colors).
bool useColor(ColorMode mode, const std::ostream &err) {
  switch (mode) {
  case ColorMode::Always: return true;
  case ColorMode::Never: return false;
  case ColorMode::Auto: break;
  }
  if (&err != &std::cerr || !isatty(2)) return false;
  const char *term = std::getenv("TERM");
  return !(term && std::strcmp(term, "dumb") == 0);
}

/// SourceManager::addFile, but a directory is an error too (reading one
/// would otherwise give an empty buffer).
uint32_t addInputFile(SourceManager &sm, const std::string &path, std::string &error) {
  struct stat st;
  if (stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    error = "is a directory";
    return 0;
  }
  return sm.addFile(path, error);
}

/// Runs one stage of the compile under the stage log (-v).
template <typename F> auto stage(const StageLog &log, const char *name, F &&fn) -> decltype(fn()) {
  auto timer = log.stage(name);
  return fn();
}

} // namespace

int Driver::run(int argc, const char *const *argv) {
  return run(std::vector<std::string>(argv, argv + argc));
}

int Driver::run(const std::vector<std::string> &args) {
  driver::Options opts;
  const char *phase = "command line";
  SourceManager sm;
  DiagnosticEngine diags(sm);
  bool color = false;

  auto internal = [&](const std::string &msg) {
    // Whatever was diagnosed before the crash is still worth showing.
    diags.render(err_, color);
    err_ << "hybridc: internal compiler error in " << phase << ": " << msg
         << "\nPlease report this bug.\n";
    err_.flush();
    return 70;
  };

  try {
    std::optional<int> exit = args.size() > 1 && args[1] == "run"
                                  ? driver::parseRunOptions(args, opts, out_, err_)
                                  : driver::parseOptions(args, opts, out_, err_);
    if (exit) return *exit;
    color = useColor(opts.color, err_);
    StageLog log(&err_, opts.verbose, opts.timePasses);
    auto finish = [&]() {
      diags.render(err_, color);
      err_.flush();
      return diags.hasErrors() ? 1 : 0;
    };

    // Options that name things (a pass, a CPU, a target feature) are checked
    // before any work, with the valid values in the message.
    phase = "options";
    const std::vector<std::string> names = passNames();
    for (const std::string &pass : opts.printAfter) {
      if (pass == "all" || std::find(names.begin(), names.end(), pass) != names.end()) continue;
      std::string list;
      for (auto &n : names) list += (list.empty() ? "" : ", ") + n;
      diags.report(DiagKind::BadOption, SourceRange(),
                   {"--print-after=" + pass, "the passes are " + list});
    }
    if (!opts.syntaxOnly && !opts.run) {
      if (auto problem = checkTargetOptions(driver::targetOptionsOf(opts)))
        diags.report(problem->kind, SourceRange(), problem->args);
    }
    if (diags.hasErrors()) { // no stale output survives a failed run
      driver::OutputPlan plan = driver::planOutputs(opts);
      if (driver::checkOutputsAreNotInputs(plan, {opts.input, opts.schedule}, diags))
        driver::removeOutputs(plan);
      return finish();
    }

    phase = "read";
    uint32_t buffer = stage(log, "read", [&] {
      std::string error;
      uint32_t b = addInputFile(sm, opts.input, error);
      if (!b) diags.report(DiagKind::CannotOpenFile, SourceRange(), {opts.input, error});
      return b;
    });
    if (!buffer) return finish();

    phase = "parse";
    std::unique_ptr<ast::Module> module =
        stage(log, "parse", [&] { return parseModule(sm, buffer, diags); });
    HY_ASSERT(module, "parseModule returned no module");
    if (opts.debugIce) {
      phase = "debug-ice";
      HY_UNREACHABLE("raised on request by --debug-ice");
    }

    std::optional<ScheduleFile> schedule;
    bool scheduleOk = true;
    if (!opts.schedule.empty()) {
      phase = "schedule";
      scheduleOk = stage(log, "schedule", [&] {
        std::string error;
        uint32_t b = addInputFile(sm, opts.schedule, error);
        if (!b) {
          diags.report(DiagKind::CannotOpenFile, SourceRange(), {opts.schedule, error});
          return false;
        }
        schedule = readSchedule(sm, b, diags);
        return schedule.has_value();
      });
    }

    // The checker runs on a module that parsed cleanly and with a schedule
    // that was read cleanly: checking a half-parsed tree (or one whose
    // parameters the broken schedule would have described) only produces
    // follow-on errors.
    if (!diags.hasErrors() && scheduleOk) {
      phase = "sema";
      stage(log, "sema", [&] { checkModule(*module, schedule ? &*schedule : nullptr, diags); });
    }

    if (opts.dumpAst) {
      phase = "dump-ast";
      out_ << ast::dump(*module);
      out_.flush();
    }

    // Lowering, scheduling, code generation and the outputs. A failed run
    // leaves no output file behind, not even a stale one from an earlier run
    // (unless an output names an input: that one is never touched).
    driver::OutputPlan plan = driver::planOutputs(opts);
    bool outputsOk = driver::checkOutputsAreNotInputs(plan, {opts.input, opts.schedule}, diags);
    // --syntax-only still schedules and checks the loop nests (no code
    // generation), so it reports every error a full compile would.
    if (!diags.hasErrors() && opts.syntaxOnly) {
      phase = "lower";
      stage(log, "lower", [&] {
        LowerOptions lo;
        lo.functions = opts.functions;
        lowerModule(*module, schedule ? &*schedule : nullptr, lo, diags);
      });
    }
    if (!diags.hasErrors() && opts.run) {
      phase = "run";
      stage(log, "run", [&] {
        return driver::runKernel(opts, *module, schedule ? &*schedule : nullptr, diags, out_);
      });
    }
    if (!diags.hasErrors() && !opts.syntaxOnly && !opts.run) {
      phase = "compile";
      stage(log, "compile", [&] {
        return driver::compile(opts, plan, *module, schedule ? &*schedule : nullptr, sm, diags,
                               out_, err_, log);
      });
    }
    if (diags.hasErrors() && outputsOk) driver::removeOutputs(plan);
    phase = "driver";
    return finish();
  } catch (const InternalError &e) {
    const char *file = std::strrchr(e.file, '/');
    return internal(std::string(e.what()) + " (" + (file ? file + 1 : e.file) + ":" +
                    std::to_string(e.line) + ")");
  } catch (const std::exception &e) {
    return internal(e.what());
  }
}

} // namespace hybridc
