//===- Lower.cpp - The pass list ------------------------------------------===//
//
// lowerModule() translates each exported def (ASTToIR.cpp) and runs the
// passes below, in this order. The names are the keys of --print-after.
//
//===----------------------------------------------------------------------===//
#include "hybridc/Lower/Lower.h"
#include "hybridc/Analysis/Simplify.h"
#include "hybridc/IR/IRPrinter.h"
#include "hybridc/IR/Verifier.h"
#include "hybridc/Schedule/Schedule.h"
#include "hybridc/Support/InternalError.h"
#include "hybridc/Transforms/ApplySchedule.h"
#include "hybridc/Transforms/Passes.h"
#include "hybridc/Transforms/SplitHostDevice.h"

#include <ostream>

namespace hybridc {
namespace {

/// What a pass may need besides the body: the def's schedule (null when it
/// has none) and where to report user errors.
struct PassContext {
  const DefSchedule *schedule;
  DiagnosticEngine &diags;
  const LowerOptions &options;
  ir::LoweredFunc &func; // the def being lowered (its body is the pass's input)
};

using PassFn = ir::Stmt (*)(const ir::Stmt &, PassContext &);

struct Pass {
  const char *name;
  PassFn run;
};

/// A pass that needs only the body.
template <ir::Stmt (*Fn)(const ir::Stmt &)> ir::Stmt plain(const ir::Stmt &s, PassContext &) {
  return Fn(s);
}

ir::Stmt runSimplify(const ir::Stmt &s, PassContext &) { return ir::simplify(s); }
ir::Stmt runVectorTails(const ir::Stmt &s, PassContext &c) {
  return ir::splitVectorTails(s, c.options.vectorMasks);
}
ir::Stmt runVectorize(const ir::Stmt &s, PassContext &c) {
  return ir::vectorizeLoops(s, c.options.vectorMasks);
}
ir::Stmt runApplySchedule(const ir::Stmt &s, PassContext &c) {
  return c.schedule ? applySchedule(s, *c.schedule, c.diags) : s;
}
ir::Stmt runFinalizeGuards(const ir::Stmt &s, PassContext &c) {
  return c.schedule && !c.schedule->ops.empty() ? ir::finalizeGuards(s)
                                                : s; // only splits make tail guards
}
ir::Stmt runCheckLegality(const ir::Stmt &s, PassContext &c) {
  checkLegality(s, c.schedule, c.diags);
  return s;
}
ir::Stmt runSplitHostDevice(const ir::Stmt &s, PassContext &c) {
  if (!c.options.cuda) return s;
  ir::LoweredFunc f = c.func;
  f.body = s;
  if (!ir::splitHostDevice(f, c.diags, c.options.maxNumThreads)) return s;
  c.func.kernels = std::move(f.kernels);
  return f.body;
}

ir::Stmt runFlattenStorage(const ir::Stmt &s, PassContext &c) {
  ir::LoweredFunc &f = c.func;
  f.body = s;
  ir::flattenStorage(f);
  return f.body;
}

ir::Stmt runLowerParallel(const ir::Stmt &s, PassContext &c) {
  return c.options.cuda ? s : ir::lowerParallel(s);
}

// The pipeline, in order.
const Pass kPasses[] = {
    {"simplify", runSimplify},
    {"fold-init", plain<ir::foldInitNests>},
    {"apply-schedule", runApplySchedule},
    {"factor-reductions", plain<ir::factorReductions>},
    {"finalize-guards", runFinalizeGuards},
    {"check-legality", runCheckLegality},
    {"vector-tails", runVectorTails},
    {"unswitch-loops", plain<ir::unswitchLoops>},
    {"unroll-loops", plain<ir::unrollLoops>},
    {"vectorize-loops", runVectorize},
    {"promote-accumulators", plain<ir::promoteAccumulators>},
    {"final-simplify", runSimplify},
    {"split-host-device", runSplitHostDevice}, // cuda target only
    {"flatten-storage", runFlattenStorage},
    {"lower-parallel", runLowerParallel}, // CPU targets; what code generation receives
};

/// --emit-lowered shows the loop nest after this pass: scheduled and
/// checked (with its vector tails), loops still loops (unroll and
/// vectorize expand them later).
const char *const kScheduledAfter = "vector-tails";

} // namespace

std::vector<std::string> passNames() {
  std::vector<std::string> names = {"ast-to-ir"};
  for (auto &p : kPasses) names.push_back(p.name);
  return names;
}

std::vector<ir::LoweredFunc> lowerModule(const ast::Module &m, const ScheduleFile *schedule,
                                         const LowerOptions &opts, DiagnosticEngine &diags) {
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
    const StageLog &log = *opts.log;
    ir::LoweredFunc f;
    {
      auto timer = log.pass("ast-to-ir", def->name);
      f = lowerDef(m, *def, opts.symbolPrefix + def->name, opts.maxNumThreads);
    }
    auto report = [&](const char *pass) {
      if (wants(pass) && opts.dumpStream)
        *opts.dumpStream << "; *** IR after " << pass << " ***\n" << ir::toString(f);
    };
    report("ast-to-ir");
    if (opts.verifyEach) {
      std::string problem = ir::verify(f);
      if (!problem.empty()) internalError(problem + " (after ast-to-ir)", __FILE__, __LINE__);
    }
    PassContext ctx{schedule ? schedule->find(def->name) : nullptr, diags, opts, f};
    for (auto &p : kPasses) {
      unsigned errors = diags.errorCount();
      {
        auto timer = log.pass(p.name, def->name);
        f.body = p.run(f.body, ctx);
      }
      report(p.name);
      if (diags.errorCount() != errors) break; // a refused schedule: no later pass
      if (opts.verifyEach) {
        std::string problem = ir::verify(f);
        if (!problem.empty())
          internalError(problem + " (after pass " + p.name + ")", __FILE__, __LINE__);
      }
      if (opts.scheduled && std::string(p.name) == kScheduledAfter) opts.scheduled->push_back(f);
    }
    out.push_back(std::move(f));
  }
  return out;
}

} // namespace hybridc
