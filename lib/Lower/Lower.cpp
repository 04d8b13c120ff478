//===- Lower.cpp - The pass list ------------------------------------------===//
//
// lowerModule() translates each exported def (ASTToIR.cpp) and runs the
// passes below, in this order. The names are the keys of --print-after.
//
//===----------------------------------------------------------------------===//
#include "hybridc/Lower/Lower.h"
#include "hybridc/IR/IRPrinter.h"
#include "hybridc/Transforms/Passes.h"
#include "hybridc/Transforms/Simplify.h"

#include <chrono>
#include <ostream>

namespace hybridc {
namespace {

using PassFn = ir::Stmt (*)(const ir::Stmt &);

struct Pass {
  const char *name;
  PassFn run;
};

ir::Stmt runSimplify(const ir::Stmt &s) { return ir::simplify(s); }

// The pipeline, in order.
const Pass kPasses[] = {
    {"simplify", runSimplify},
    {"unroll-loops", ir::unrollLoops},
    {"vectorize-loops", ir::vectorizeLoops},
    {"promote-accumulators", ir::promoteAccumulators},
    {"final-simplify", runSimplify},
};

} // namespace

std::vector<std::string> passNames() {
  std::vector<std::string> names = {"ast-to-ir"};
  for (auto &p : kPasses) names.push_back(p.name);
  return names;
}

std::vector<ir::LoweredFunc> lowerModule(const ast::Module &m, const ScheduleFile *schedule,
                                         const LowerOptions &opts, DiagnosticEngine &diags) {
  (void)schedule; // applied by the schedule passes (issue 5)
  std::vector<ir::LoweredFunc> out;
  auto wants = [&](const std::string &pass) {
    for (auto &p : opts.printAfter)
      if (p == pass || p == "all") return true;
    return false;
  };
  for (auto &def : m.defs) {
    if (!opts.functions.empty()) {
      bool selected = false;
      for (auto &f : opts.functions) selected |= f == def->name;
      if (!selected) continue;
    }
    auto t0 = std::chrono::steady_clock::now();
    ir::LoweredFunc f = lowerDef(m, *def, opts.symbolPrefix + def->name);
    auto report = [&](const char *pass, std::chrono::steady_clock::time_point start) {
      if (opts.timePasses && opts.dumpStream) {
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        *opts.dumpStream << "; time " << pass << " (" << def->name << "): " << ms << " ms\n";
      }
      if (wants(pass) && opts.dumpStream)
        *opts.dumpStream << "; *** IR after " << pass << " ***\n" << ir::toString(f);
    };
    report("ast-to-ir", t0);
    for (auto &p : kPasses) {
      auto t = std::chrono::steady_clock::now();
      f.body = p.run(f.body);
      report(p.name, t);
    }
    out.push_back(std::move(f));
  }
  (void)diags;
  return out;
}

} // namespace hybridc
