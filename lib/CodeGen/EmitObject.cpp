//===- EmitObject.cpp - Targets, the optimisation pipeline, object files --===//
//
// generateCode: resolve the target (triple, CPU, features), emit every
// kernel with the CPU code generator, link the runtime, verify, optimise
// with PassBuilder (given the TargetMachine, so the vectorisers see the real
// target) and produce the requested outputs with the legacy codegen pass
// manager. Only the X86, AArch64 and NVPTX targets are initialised.
//
// Outputs depend only on the inputs (no time stamps, no paths): the module
// is named after the .hy file's stem.
//
//===----------------------------------------------------------------------===//
#include "hybridc/CodeGen/CodeGen.h"

#include "CodeGenCUDA.h"
#include "CodeGenLLVM.h"
#include "RuntimeLinker.h"

#include "hybridc/Support/InternalError.h"
#include "hybridc/Support/SourceManager.h"
#include "hybridc/Transforms/SplitHostDevice.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/DiagnosticPrinter.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/Target/TargetOptions.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/Triple.h"
#include "llvm/Transforms/Utils/Cloning.h"

#include <algorithm>
#include <mutex>
#include <set>

namespace hybridc {

namespace {

void initTargets() {
  static std::once_flag once;
  std::call_once(once, [] {
    LLVMInitializeX86TargetInfo();
    LLVMInitializeX86Target();
    LLVMInitializeX86TargetMC();
    LLVMInitializeX86AsmPrinter();
    LLVMInitializeX86AsmParser(); // the runtime's assembly (RuntimeLinker.cpp)
    LLVMInitializeAArch64TargetInfo();
    LLVMInitializeAArch64Target();
    LLVMInitializeAArch64TargetMC();
    LLVMInitializeAArch64AsmPrinter();
    LLVMInitializeAArch64AsmParser();
#ifdef HYBRIDC_HAVE_NVPTX
    LLVMInitializeNVPTXTargetInfo();
    LLVMInitializeNVPTXTarget();
    LLVMInitializeNVPTXTargetMC();
    LLVMInitializeNVPTXAsmPrinter();
#endif
  });
}

/// The CPU a named arch defaults to.
std::string genericCPU(const llvm::Triple &t) {
  switch (t.getArch()) {
  case llvm::Triple::x86_64: return "x86-64";
  case llvm::Triple::aarch64: return "generic";
  case llvm::Triple::nvptx64: return "sm_80";
  default: return "";
  }
}

/// The names of the features the target knows.
std::set<std::string> knownFeatures(const llvm::Target *target, const std::string &triple) {
  std::unique_ptr<llvm::MCSubtargetInfo> sti(target->createMCSubtargetInfo(triple, "", ""));
  std::set<std::string> names;
  if (sti)
    for (const llvm::SubtargetFeatureKV &kv : sti->getAllProcessorFeatures()) names.insert(kv.Key);
  return names;
}

struct ResolvedTarget {
  std::string triple, cpu, features;
  const llvm::Target *target = nullptr;
};

/// The triple `target` names, or "" and the problem.
std::string tripleOf(const std::string &target, std::optional<TargetProblem> &problem) {
  initTargets();
  std::string t;
  if (target.empty() || target == "host")
    t = llvm::sys::getDefaultTargetTriple();
  else if (target == "x86_64")
    t = "x86_64-unknown-linux-gnu";
  else if (target == "aarch64")
    t = "aarch64-unknown-linux-gnu";
  else if (target == "cuda")
    t = "nvptx64-nvidia-cuda";
  else {
    llvm::Triple parsed(llvm::Triple::normalize(target));
    if (parsed.getArch() == llvm::Triple::UnknownArch) {
      problem = TargetProblem{DiagKind::UnknownTarget, {target}};
      return "";
    }
    t = parsed.str();
  }
  llvm::Triple triple(t);
  std::string lookupError;
  if (!llvm::TargetRegistry::lookupTarget(t, lookupError)) {
    problem = TargetProblem{DiagKind::UnsupportedTarget,
                            {target, t, "generates code for x86_64, aarch64 and nvptx64"}};
    return "";
  }
  if (!triple.isNVPTX() && !triple.isOSBinFormatELF()) {
    problem = TargetProblem{DiagKind::UnsupportedTarget, {target, t, "writes ELF objects only"}};
    return "";
  }
  return t;
}

/// `option` names the option in messages about the CPU ("--cuda-arch: " for
/// the cuda target's device, else "").
std::optional<TargetProblem> resolveTarget(const TargetOptions &opts, ResolvedTarget &out,
                                           const std::string &option = "") {
  std::optional<TargetProblem> problem;
  out.triple = tripleOf(opts.target, problem);
  if (out.triple.empty()) return problem;
  std::string error;
  out.target = llvm::TargetRegistry::lookupTarget(out.triple, error);
  HY_ASSERT(out.target, "tripleOf checked that LLVM has the target " + out.triple);
  llvm::Triple triple(out.triple);
  std::set<std::string> known = knownFeatures(out.target, out.triple);

  std::vector<std::string> features;
  bool native = opts.mcpu == "native" ||
                (opts.mcpu.empty() && (opts.target == "host" || opts.target.empty()));
  if (native) {
    llvm::Triple hostTriple(llvm::sys::getDefaultTargetTriple());
    if (hostTriple.getArch() != triple.getArch())
      return TargetProblem{DiagKind::NativeCpuOtherArch,
                           {option, hostTriple.getArchName().str(), triple.getArchName().str()}};
    out.cpu = llvm::sys::getHostCPUName().str();
    // Sorted so that the feature string does not depend on hash order.
    std::vector<std::string> host;
    for (const auto &kv : llvm::sys::getHostCPUFeatures())
      if (known.count(kv.getKey().str()))
        host.push_back((kv.getValue() ? "+" : "-") + kv.getKey().str());
    std::sort(host.begin(), host.end(),
              [](const std::string &a, const std::string &b) { return a.substr(1) < b.substr(1); });
    features = host;
  } else {
    out.cpu = opts.mcpu.empty() ? genericCPU(triple) : opts.mcpu;
  }

  std::unique_ptr<llvm::MCSubtargetInfo> sti(out.target->createMCSubtargetInfo(out.triple, "", ""));
  if (!out.cpu.empty() && sti && !sti->isCPUStringValid(out.cpu))
    return TargetProblem{DiagKind::UnknownCpu, {option, out.cpu, out.triple}};

  if (!opts.mattr.empty()) {
    llvm::SmallVector<llvm::StringRef, 8> parts;
    llvm::StringRef(opts.mattr).split(parts, ',', -1, false);
    for (llvm::StringRef p : parts) {
      p = p.trim();
      if (p.size() < 2 || (p[0] != '+' && p[0] != '-'))
        return TargetProblem{DiagKind::BadFeatureSyntax, {p.str()}};
      if (!known.count(p.drop_front().str()))
        return TargetProblem{DiagKind::UnknownFeature, {p.drop_front().str(), out.triple}};
      features.push_back(p.str());
    }
  }
  out.features = llvm::join(features, ",");
  // LLVM aborts on 64-bit code for a CPU without 64-bit mode (--mcpu i386,
  // --mattr=-64bit): refuse it here instead.
  if (triple.getArch() == llvm::Triple::x86_64) {
    std::unique_ptr<llvm::MCSubtargetInfo> chosen(
        out.target->createMCSubtargetInfo(out.triple, out.cpu, out.features));
    if (chosen && !chosen->checkFeatures("+64bit"))
      return TargetProblem{
          DiagKind::CpuWithout64Bit,
          {out.cpu, opts.mattr.empty() ? "" : " with --mattr " + opts.mattr, out.triple}};
  }
  return std::nullopt;
}

llvm::CodeGenOptLevel codeGenLevel(int level) {
  switch (level) {
  case 0: return llvm::CodeGenOptLevel::None;
  case 1: return llvm::CodeGenOptLevel::Less;
  case 2: return llvm::CodeGenOptLevel::Default;
  default: return llvm::CodeGenOptLevel::Aggressive;
  }
}

/// Above this many LLVM instructions (before optimisation) a module is
/// optimised without SLP vectorization and LLVM's loop unrolling. The bench
/// kernels have at most ~2,000 (conv).
constexpr size_t kLargeModuleInstructions = 20000;

void optimize(llvm::Module &m, llvm::TargetMachine *tm, int level) {
  // Declared in this order so that they are destroyed in the right one.
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PipelineTuningOptions pto;
  pto.LoopVectorization = level >= 2;
  pto.SLPVectorization = level >= 2;
  pto.LoopInterleaving = level >= 2;
  pto.LoopUnrolling = level >= 1;
  // Big kernels get a lighter pipeline: LLVM's SLP vectorizer and full
  // unrolling grow faster than linearly with the size of a function (3,000
  // small loops took 262 s at -O3, almost all in SLP over the blocks full
  // unrolling made). hybridc's own vectorize/unroll schedules are explicit
  // vector IR already, so what is lost is only LLVM's guesswork on very
  // large straight-line code.
  size_t instructions = 0;
  for (llvm::Function &f : m) instructions += f.getInstructionCount();
  if (instructions > kLargeModuleInstructions) {
    pto.SLPVectorization = false;
    pto.LoopUnrolling = false;
  }
  llvm::PassBuilder pb(tm, pto);
  pb.registerModuleAnalyses(mam);
  pb.registerCGSCCAnalyses(cgam);
  pb.registerFunctionAnalyses(fam);
  pb.registerLoopAnalyses(lam);
  pb.crossRegisterProxies(lam, fam, cgam, mam);
  llvm::ModulePassManager mpm;
  switch (level) {
  case 0: mpm = pb.buildO0DefaultPipeline(llvm::OptimizationLevel::O0); break;
  case 1: mpm = pb.buildPerModuleDefaultPipeline(llvm::OptimizationLevel::O1); break;
  case 2: mpm = pb.buildPerModuleDefaultPipeline(llvm::OptimizationLevel::O2); break;
  default: mpm = pb.buildPerModuleDefaultPipeline(llvm::OptimizationLevel::O3); break;
  }
  mpm.run(m, mam);
}

/// The first error LLVM reported, and the function it was compiling when
/// the diagnostic names one.
struct LLVMError {
  std::string message, function;
  bool empty() const { return message.empty(); }
};

/// The message for `e`; sets request.errorLoc to the def whose code LLVM
/// refused (its functions are the def's symbol, or that followed by '.' or
/// '_': outlined bodies, cuda kernels, NAME_on_stream).
std::string llvmFailure(const LLVMError &e, const char *what,
                        const std::vector<ir::LoweredFunc> &funcs, const CodeGenRequest &request) {
  const ir::LoweredFunc *def = nullptr;
  for (const ir::LoweredFunc &f : funcs) {
    const std::string &fn = e.function;
    bool ours =
        fn.compare(0, f.name.size(), f.name) == 0 &&
        (fn.size() == f.name.size() || fn[f.name.size()] == '.' || fn[f.name.size()] == '_');
    if (ours && (!def || f.name.size() > def->name.size())) def = &f;
  }
  if (def && request.errorLoc) *request.errorLoc = def->loc;
  return std::string(what) + ": " + e.message;
}

/// The CPU (or cuda host) module's optimisation, then its runtime (unless
/// LLVM reported an error), each a stage of -v. The runtime comes after
/// optimisation: it is precompiled assembly (RuntimeLinker.cpp), and kernels
/// only call it (errors, allocation, the thread pool): nothing there is
/// worth inlining.
std::optional<std::string> optimizeAndAddRuntime(llvm::Module &m, llvm::TargetMachine *tm,
                                                 int optLevel, const StageLog &log,
                                                 const LLVMError &llvmError,
                                                 const std::vector<ir::LoweredFunc> &funcs,
                                                 const CodeGenRequest &request) {
  {
    auto timer = log.stage("optimize");
    optimize(m, tm, std::clamp(optLevel, 0, 3));
  }
  if (!llvmError.empty()) return llvmFailure(llvmError, "LLVM", funcs, request);
  auto timer = log.stage("link-runtime");
  return codegen::linkRuntime(m);
}

std::optional<std::string> emitFile(llvm::Module &m, llvm::TargetMachine *tm,
                                    llvm::CodeGenFileType type, std::string &out) {
  llvm::SmallString<0> buffer;
  llvm::raw_svector_ostream os(buffer);
  llvm::legacy::PassManager pm;
  pm.add(new llvm::TargetLibraryInfoWrapperPass(llvm::Triple(m.getTargetTriple())));
  if (tm->addPassesToEmitFile(pm, os, nullptr, type))
    return std::string("the target cannot emit this kind of file");
  pm.run(m);
  out.assign(buffer.begin(), buffer.end());
  return std::nullopt;
}

/// --emit-asm (from a copy when the object follows: code generation changes
/// the module) and the object.
std::optional<std::string> emitAssemblyAndObject(llvm::Module &m, llvm::TargetMachine *tm,
                                                 const CodeGenRequest &request) {
  auto timer = request.log->stage("emit");
  if (request.assembly) {
    std::unique_ptr<llvm::Module> copy = request.object ? llvm::CloneModule(m) : nullptr;
    if (auto err =
            emitFile(copy ? *copy : m, tm, llvm::CodeGenFileType::AssemblyFile, *request.assembly))
      return err;
  }
  if (request.object)
    if (auto err = emitFile(m, tm, llvm::CodeGenFileType::ObjectFile, *request.object)) return err;
  return std::nullopt;
}

/// The cuda target's two halves: the device (--cuda-arch) and the host
/// (this machine, or --mcpu/--mattr).
TargetOptions deviceOptions(const TargetOptions &opts) {
  TargetOptions d = opts;
  d.target = "nvptx64-nvidia-cuda";
  d.mcpu = opts.cudaArch;
  d.mattr = "";
  return d;
}
TargetOptions hostOptions(const TargetOptions &opts) {
  TargetOptions h = opts;
  h.target = opts.hostTarget.empty() ? "host" : opts.hostTarget;
  return h;
}

bool isCuda(const TargetOptions &opts) {
  std::string error;
  std::string triple = resolveTriple(opts.target, error);
  return !triple.empty() && llvm::Triple(triple).isNVPTX();
}

/// A diagnostic handler that keeps LLVM's first error in `*context`.
void keepFirstError(const llvm::DiagnosticInfo *di, void *context) {
  if (di->getSeverity() != llvm::DS_Error) return;
  auto *out = static_cast<LLVMError *>(context);
  if (!out->empty()) return;
  // The diagnostics that name a function: the function, and the message
  // without LLVM's "<unknown>:0:0: in function f i32 (ptr, ptr):" prefix.
  if (auto *u = llvm::dyn_cast<llvm::DiagnosticInfoUnsupported>(di)) {
    out->function = u->getFunction().getName().str();
    out->message = u->getMessage().str();
    return;
  }
  if (auto *r = llvm::dyn_cast<llvm::DiagnosticInfoResourceLimit>(di))
    out->function = r->getFunction().getName().str();
  std::string msg;
  llvm::raw_string_ostream os(msg);
  llvm::DiagnosticPrinterRawOStream printer(os);
  di->print(printer);
  out->message = llvm::StringRef(os.str()).trim().str();
}

std::optional<std::string> generateCuda(const std::vector<ir::LoweredFunc> &funcs,
                                        const std::string &moduleName, const TargetOptions &opts,
                                        const CodeGenRequest &request, const SourceManager *sm) {
  ResolvedTarget dev, host;
  if (auto problem = resolveTarget(deviceOptions(opts), dev, "--cuda-arch: "))
    return problem->message();
  if (auto problem = resolveTarget(hostOptions(opts), host)) return problem->message();
  // Each def was split into its kernels and their launches (split-host-device).
  for (const ir::LoweredFunc &f : funcs) {
    size_t launches = 0;
    if (auto *b = f.body.as<ir::Block>())
      for (const ir::Stmt &s : b->stmts) launches += (bool)ir::launchedKernel(s.as<ir::Evaluate>());
    else
      launches = (bool)ir::launchedKernel(f.body.as<ir::Evaluate>());
    HY_ASSERT(launches == f.kernels.size(),
              "cuda: def '" + f.sourceName + "' was not split into kernels");
  }

  llvm::TargetOptions llvmOpts;
  std::unique_ptr<llvm::TargetMachine> devTM(
      dev.target->createTargetMachine(dev.triple, dev.cpu, dev.features, llvmOpts, std::nullopt,
                                      std::nullopt, codeGenLevel(opts.optLevel)));
  std::unique_ptr<llvm::TargetMachine> hostTM(host.target->createTargetMachine(
      host.triple, host.cpu, host.features, llvmOpts, llvm::Reloc::PIC_, std::nullopt,
      codeGenLevel(opts.optLevel)));
  if (!devTM || !hostTM) return std::string("cannot create the target machines of the cuda target");

  llvm::LLVMContext ctx;
  LLVMError llvmError;
  ctx.setDiagnosticHandlerCallBack(keepFirstError, &llvmError);

  // Device: PTX text. The stages of -v/--time-passes: device-llvm-ir,
  // device-optimize, device-emit, then the host's llvm-ir, optimize,
  // link-runtime, emit.
  const StageLog &log = *request.log;
  llvm::Module dm(moduleName + ".device", ctx);
  std::string verifyMsg;
  llvm::raw_string_ostream vos(verifyMsg);
  {
    auto timer = log.stage("device-llvm-ir");
    dm.setTargetTriple(dev.triple);
    dm.setDataLayout(devTM->createDataLayout());
    for (size_t k = 0; k < funcs.size(); ++k)
      codegen::compileDeviceKernels(dm, devTM.get(), funcs[k]);
    if (llvm::verifyModule(dm, &vos))
      HY_UNREACHABLE("codegen produced invalid NVPTX IR: " + vos.str());
  }
  {
    auto timer = log.stage("device-optimize");
    optimize(dm, devTM.get(), std::clamp(opts.optLevel, 0, 3));
  }
  if (!llvmError.empty()) return llvmFailure(llvmError, "LLVM (device)", funcs, request);
  std::string deviceIR;
  if (request.llvmIR) {
    llvm::raw_string_ostream os(deviceIR);
    dm.print(os, nullptr);
  }
  std::string ptx;
  {
    auto timer = log.stage("device-emit");
    if (auto err = emitFile(dm, devTM.get(), llvm::CodeGenFileType::AssemblyFile, ptx)) return err;
  }
  if (!llvmError.empty()) return llvmFailure(llvmError, "LLVM (device)", funcs, request);
  if (request.ptx) *request.ptx = ptx;

  // Host: the launches, with the PTX embedded.
  llvm::Module m(moduleName, ctx);
  {
    auto timer = log.stage("llvm-ir");
    m.setTargetTriple(host.triple);
    m.setDataLayout(hostTM->createDataLayout());
    m.setPICLevel(llvm::PICLevel::BigPIC);
    llvm::Constant *text = llvm::ConstantDataArray::getString(ctx, ptx, true);
    auto *ptxVar = new llvm::GlobalVariable(
        m, text->getType(), true, llvm::GlobalValue::PrivateLinkage, text, moduleName + ".ptx");
    // The runtime's module cache (struct hybridc_rt_v2_cuda_cache: a mutex,
    // a count and 16 context/module pairs; 512 zeroed bytes are enough).
    auto *cacheTy = llvm::ArrayType::get(llvm::Type::getInt8Ty(ctx), 512);
    auto *cacheVar = new llvm::GlobalVariable(m, cacheTy, false, llvm::GlobalValue::InternalLinkage,
                                              llvm::ConstantAggregateZero::get(cacheTy),
                                              moduleName + ".cuda_cache");
    cacheVar->setAlignment(llvm::Align(16));
    for (size_t k = 0; k < funcs.size(); ++k)
      codegen::compileHostLaunches(m, hostTM.get(), funcs[k], ptxVar, cacheVar);
    if (llvm::verifyModule(m, &vos))
      HY_UNREACHABLE("codegen produced invalid host IR: " + vos.str());
  }
  if (auto err =
          optimizeAndAddRuntime(m, hostTM.get(), opts.optLevel, log, llvmError, funcs, request))
    return err;
  if (request.llvmIR) {
    request.llvmIR->clear();
    llvm::raw_string_ostream os(*request.llvmIR);
    os << "; ---- host module (" << host.triple << ") ----\n";
    m.print(os, nullptr);
    os << "\n; ---- device module (" << dev.triple << ", " << dev.cpu << ") ----\n" << deviceIR;
  }
  if (auto err = emitAssemblyAndObject(m, hostTM.get(), request)) return err;
  if (!llvmError.empty()) return llvmFailure(llvmError, "LLVM", funcs, request);
  return std::nullopt;
}

} // namespace

std::optional<TargetProblem> checkTargetOptions(const TargetOptions &opts) {
  initTargets();
  ResolvedTarget rt;
  if (isCuda(opts)) {
    if (auto problem = resolveTarget(deviceOptions(opts), rt, "--cuda-arch: ")) return problem;
    if (isCuda(hostOptions(opts)))
      return TargetProblem{DiagKind::CudaHostNotCpu, {opts.hostTarget}};
    return resolveTarget(hostOptions(opts), rt);
  }
  if (!opts.hostTarget.empty() && opts.hostTarget != "host")
    return TargetProblem{DiagKind::HostTargetWithoutCuda, {}};
  return resolveTarget(opts, rt);
}

bool isCudaTarget(const TargetOptions &opts) {
  initTargets();
  return isCuda(opts);
}

bool hasMaskedVectors(const TargetOptions &opts) {
  initTargets();
  ResolvedTarget rt;
  if (isCuda(opts) || resolveTarget(opts, rt)) return false;
  std::unique_ptr<llvm::MCSubtargetInfo> sti(
      rt.target->createMCSubtargetInfo(rt.triple, rt.cpu, rt.features));
  return codegen::VectorMathTarget::hasX86Avx512(llvm::Triple(rt.triple), sti.get());
}

std::string resolveTriple(const std::string &target, std::string &error) {
  std::optional<TargetProblem> problem;
  std::string t = tripleOf(target, problem);
  if (problem) error = problem->message();
  return t;
}

bool isReservedSymbol(const std::string &symbol) {
  return codegen::isReservedRuntimeSymbol(symbol);
}

std::optional<std::string> generateCode(const std::vector<ir::LoweredFunc> &funcs,
                                        const std::string &moduleName, const TargetOptions &opts,
                                        const CodeGenRequest &request, const SourceManager *sm) {
  initTargets();
  ResolvedTarget rt;
  bool cuda = isCuda(opts);
  if (!cuda)
    if (auto problem = resolveTarget(opts, rt)) return problem->message();

  std::set<std::string> names;
  for (const ir::LoweredFunc &f : funcs) {
    if (isReservedSymbol(f.name))
      return "the kernel name '" + f.name +
             "' is reserved (it names a C library or hybridc runtime symbol)";
    if (!names.insert(f.name).second) return "two kernels are named '" + f.name + "'";
  }
  if (cuda)
    for (const ir::LoweredFunc &f : funcs)
      if (!names.insert(f.name + "_on_stream").second)
        return "the kernel name '" + f.name + "_on_stream' is taken by another def";

  if (cuda) return generateCuda(funcs, moduleName, opts, request, sm);

  llvm::TargetOptions llvmOpts;
  std::unique_ptr<llvm::TargetMachine> tm(
      rt.target->createTargetMachine(rt.triple, rt.cpu, rt.features, llvmOpts, llvm::Reloc::PIC_,
                                     std::nullopt, codeGenLevel(opts.optLevel)));
  if (!tm) return "cannot create a target machine for " + rt.triple;

  llvm::LLVMContext ctx;
  // LLVM's warnings and remarks (e.g. "loop not vectorized") are not the
  // user's business; errors become the returned message.
  LLVMError llvmError;
  ctx.setDiagnosticHandlerCallBack(keepFirstError, &llvmError);

  llvm::Module m(moduleName, ctx);
  m.setTargetTriple(rt.triple);
  m.setDataLayout(tm->createDataLayout());
  m.setPICLevel(llvm::PICLevel::BigPIC);

  const StageLog &log = *request.log;
  {
    auto timer = log.stage("llvm-ir");
    std::unique_ptr<codegen::CodeGenLLVM> cg = codegen::makeCodeGenCPU(m, tm.get());
    if (opts.debugInfo && sm) cg->enableDebugInfo(*sm);
    for (const ir::LoweredFunc &f : funcs) cg->compile(f);
    cg->finishDebugInfo();
    cg.reset();
    std::string verifyMsg;
    llvm::raw_string_ostream vos(verifyMsg);
    if (llvm::verifyModule(m, &vos))
      HY_UNREACHABLE("codegen produced invalid LLVM IR: " + vos.str());
  }
  if (auto err = optimizeAndAddRuntime(m, tm.get(), opts.optLevel, log, llvmError, funcs, request))
    return err;

  if (request.llvmIR) {
    request.llvmIR->clear();
    llvm::raw_string_ostream os(*request.llvmIR);
    m.print(os, nullptr);
  }
  if (auto err = emitAssemblyAndObject(m, tm.get(), request)) return err;
  if (!llvmError.empty()) return llvmFailure(llvmError, "LLVM", funcs, request);
  return std::nullopt;
}

} // namespace hybridc
