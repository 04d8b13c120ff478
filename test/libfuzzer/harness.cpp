//===- harness.cpp - libFuzzer entry points for hybridc's pipeline --------===//
//
// One source, four fuzzers (HY_FUZZ_MODE, set by CMakeLists.txt):
//   frontend  the input is a .hy file: parse, check, lower (every loop pass)
//   schedule  the input is a .hy file and a schedule, split at the first line
//             "#---"; without one, the whole input is a schedule for a fixed
//             kernel: read, check, schedule, legality, lower
//   pipeline  as schedule, then LLVM IR for the host at -O0 or -O2 (one input
//             bit chooses): the whole compiler up to code generation
//   run       as schedule, then `hybridc run` of the first def, scheduled or
//             not, on small arguments (scalars 3, tensors of ones), with a
//             step and memory limit
// Diagnostics are expected and fine. A crash, a sanitizer report, an
// InternalError (an uncaught exception: std::terminate) or a hang is a bug.
// scripts/libfuzzer.sh builds and runs them (README, "Fuzzing and sanitizers").
//
//===----------------------------------------------------------------------===//
#include "hybridc/AST/AST.h"
#include "hybridc/CodeGen/CodeGen.h"
#include "hybridc/IR/IRPrinter.h"
#include "hybridc/Interp/Interp.h"
#include "hybridc/Lower/Lower.h"
#include "hybridc/Parse/Parser.h"
#include "hybridc/Schedule/Schedule.h"
#include "hybridc/Sema/Sema.h"
#include "hybridc/Support/Diagnostics.h"
#include "hybridc/Support/SourceManager.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#ifndef HY_FUZZ_MODE
#error "HY_FUZZ_MODE must be 0 (frontend), 1 (schedule), 2 (pipeline) or 3 (run)"
#endif

using namespace hybridc;

namespace {

const char *const kFixedKernel = R"(def kern(a: float32[16, 8], b: float32[8, 12], n: int32):
    c = output_tensor((16, 12), 'float32')
    for i in range(16):
        for j in range(12):
            c[i, j] = 0.0
            for k in range(8):
                c[i, j] += a[i, k] * b[k, j]
    d = output_tensor((n,), 'float32')
    for x in range(n):
        d[x] = c[x % 16, 0]
    return c, d
)";

void runInterpreter(const ir::LoweredFunc &f) {
  std::map<std::string, interp::Scalar> scalars;
  for (const ir::Arg &a : f.args)
    if (a.kind == ir::Arg::Scalar) {
      scalars[a.name].i = 3;
      scalars[a.name].f = 3.0;
    }
  std::map<std::string, interp::Tensor> storage;
  std::map<std::string, interp::Tensor *> tensors;
  for (const ir::Arg &a : f.args) {
    if (a.kind == ir::Arg::Scalar) continue;
    std::vector<int64_t> shape;
    int64_t elements = 1;
    for (const ir::Expr &d : a.buffer->shape) {
      int64_t v = 0;
      if (!interp::evalSize(d, scalars, v) || v < 0 || v > 4096) return;
      shape.push_back(v);
      elements *= v;
      if (elements > (1 << 20)) return;
    }
    interp::Tensor &t = storage[a.name];
    t.dtype = a.dtype;
    t.resize(shape);
    if (a.kind == ir::Arg::InputBuffer)
      for (int64_t k = 0; k < t.elements(); ++k) t.set(k, 1.0);
    tensors[a.name] = &t;
  }
  interp::Options o;
  o.strict = true;
  o.maxSteps = 1 << 20;
  o.maxAllocBytes = 64 << 20;
  (void)interp::run(f, scalars, tensors, o);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > 64 * 1024) return 0; // bounded work per input
  std::string input(reinterpret_cast<const char *>(data), size);
  std::string kernel = input, scheduleText;
  bool haveSchedule = false;
  if (HY_FUZZ_MODE != 0) {
    size_t cut = input.find("\n#---\n");
    if (cut != std::string::npos) {
      kernel = input.substr(0, cut + 1);
      scheduleText = input.substr(cut + 6);
    } else {
      kernel = kFixedKernel;
      scheduleText = input;
    }
    haveSchedule = true;
  }
  SourceManager sm;
  DiagnosticEngine diags(sm);
  uint32_t kb = sm.addBuffer("fuzz.hy", kernel);
  std::unique_ptr<ast::Module> module = parseModule(sm, kb, diags);
  std::optional<ScheduleFile> schedule;
  if (haveSchedule) {
    uint32_t sb = sm.addBuffer("fuzz.json", scheduleText);
    schedule = readSchedule(sm, sb, diags);
    if (!schedule) return 0;
  }
  if (!module || diags.hasErrors()) return 0;
  checkModule(*module, schedule ? &*schedule : nullptr, diags);
  if (diags.hasErrors()) return 0;
  LowerOptions lo;
  lo.verifyEach = true; // an invalid IR is an internal error: a finding
  std::vector<ir::LoweredFunc> scheduled;
  lo.scheduled = &scheduled;
  bool plain = HY_FUZZ_MODE == 3 && (size & 1);
  std::vector<ir::LoweredFunc> funcs =
      lowerModule(*module, schedule && !plain ? &*schedule : nullptr, lo, diags);
  if (diags.hasErrors()) return 0;
  for (auto &f : scheduled) (void)ir::toString(f);
  if (HY_FUZZ_MODE == 2 && !funcs.empty()) {
    std::string llvmIR;
    CodeGenRequest req;
    req.llvmIR = &llvmIR;
    TargetOptions to;
    to.optLevel = (size & 2) ? 2 : 0;
    (void)generateCode(funcs, "fuzz", to, req, &sm);
  }
  if (HY_FUZZ_MODE == 3 && !scheduled.empty()) runInterpreter(scheduled[0]);
  return 0;
}
