//===- Compile.cpp - Lower, generate code, write the outputs --------------===//
//
// Which files a command line produces:
//  - the object: -o FILE, else <stem>.o in the current directory; but when
//    only listings are asked for (--emit-lowered/--emit-ir/--emit-asm, no -o
//    and no --emit-header), no object is written;
//  - --emit-header: FILE, or <stem>.h beside the object;
//  - --emit-lowered / --emit-ir / --emit-asm: FILE, '-' (stdout), or
//    <stem>.lowered / <stem>.ll / <stem>.s in the current directory;
//  - -MD / -MF FILE: a Make depfile (FILE, else the object's path with .o
//    replaced by .d) whose rule names the .hy and schedule files as given on
//    the command line, escaped as gcc does; -MT sets its target verbatim.
// Files are written to a temporary beside their destination and renamed
// only when every output is ready; on any error all outputs are removed, so
// no partial or stale file survives a failed run. An output that is not a
// regular file (-o /dev/null, a FIFO) is written in place and never removed.
//
//===----------------------------------------------------------------------===//
#include "Compile.h"

#include "hybridc/AST/AST.h"
#include "hybridc/CodeGen/CodeGen.h"
#include "hybridc/IR/IRPrinter.h"
#include "hybridc/Lower/Lower.h"
#include "hybridc/Schedule/Schedule.h"
#include "hybridc/Support/Diagnostics.h"
#include "hybridc/Transforms/SplitHostDevice.h"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace hybridc::driver {
namespace {

std::string stemOf(const std::string &input) { return fs::path(input).stem().string(); }

std::string pick(const std::optional<std::string> &opt, const std::string &fallback) {
  if (!opt) return "";
  return opt->empty() ? fallback : *opt;
}

std::string headerGuard(const std::string &path) {
  std::string g = "HYBRIDC_" + fs::path(path).filename().string();
  for (char &c : g) c = std::isalnum((unsigned char)c) ? (char)std::toupper((unsigned char)c) : '_';
  return g;
}

/// Escapes a path for a Make rule as gcc's mkdeps does: a space or tab gets
/// a backslash (and the backslashes before it are doubled), '#' becomes
/// '\#' and '$' becomes '$$'.
std::string escapeForMake(const std::string &path) {
  std::string out;
  size_t slashes = 0;
  for (char c : path) {
    switch (c) {
    case ' ':
    case '\t': out.append(slashes, '\\'); [[fallthrough]];
    case '#':
      out += '\\';
      slashes = 0;
      break;
    case '\\': ++slashes; break;
    case '$':
      out += '$';
      slashes = 0;
      break;
    default: slashes = 0; break;
    }
    out += c;
  }
  return out;
}

/// The depfile's text: `target: input \` then one prerequisite per line.
std::string makeDepfile(const std::string &target, const std::vector<std::string> &deps) {
  std::string text = target + ":";
  for (size_t k = 0; k < deps.size(); ++k) text += (k ? " \\\n " : " ") + escapeForMake(deps[k]);
  return text + "\n";
}

} // namespace

// Writes `bytes` to `path` through a temporary; returns an error message.
// A path that exists and is not a regular file (/dev/null, a FIFO, a
// terminal) is written in place: renaming over it would replace the
// device by a file.
std::string writeAtomically(const std::string &path, const std::string &bytes) {
  std::error_code statError;
  fs::file_status st = fs::status(path, statError);
  if (!statError && fs::exists(st) && !fs::is_regular_file(st)) {
    if (fs::is_directory(st)) return "is a directory";
    std::ofstream f(path, std::ios::binary);
    if (!f) return std::strerror(errno);
    f.write(bytes.data(), (std::streamsize)bytes.size());
    f.close();
    return f ? "" : "write error";
  }
  std::string tmp = path + ".tmp" + std::to_string(getpid());
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) return std::strerror(errno);
    f.write(bytes.data(), (std::streamsize)bytes.size());
    f.close();
    if (!f) {
      std::error_code ec;
      fs::remove(tmp, ec);
      return "write error";
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return ec.message();
  }
  return "";
}

TargetOptions targetOptionsOf(const Options &opts) {
  TargetOptions to;
  to.target = opts.target;
  to.mcpu = opts.mcpu;
  to.mattr = opts.mattr;
  to.optLevel = opts.optLevel;
  to.debugInfo = opts.debugInfo;
  to.cudaArch = opts.cudaArch;
  to.hostTarget = opts.hostTarget;
  return to;
}

std::vector<std::string> OutputPlan::files() const {
  std::vector<std::string> out;
  for (const std::string *p : {&object, &header, &lowered, &ir, &assembly, &ptx, &depfile})
    if (!p->empty() && *p != "-") out.push_back(*p);
  return out;
}

OutputPlan planOutputs(const Options &opts) {
  OutputPlan plan;
  if (opts.syntaxOnly || opts.run) return plan; // run writes its --out files itself (Run.cpp)
  std::string stem = stemOf(opts.input);
  bool listingsOnly = (opts.emitLowered || opts.emitIR || opts.emitAsm || opts.emitPTX) &&
                      opts.output.empty() && !opts.emitHeader;
  if (!opts.output.empty())
    plan.object = opts.output;
  else if (!listingsOnly)
    plan.object = stem + ".o";
  std::string objDir = plan.object.empty() ? "" : fs::path(plan.object).parent_path().string();
  plan.header = pick(opts.emitHeader, (objDir.empty() ? "" : objDir + "/") + stem + ".h");
  plan.lowered = pick(opts.emitLowered, stem + ".lowered");
  plan.ir = pick(opts.emitIR, stem + ".ll");
  plan.assembly = pick(opts.emitAsm, stem + ".s");
  plan.ptx = pick(opts.emitPTX, stem + ".ptx");
  if (opts.makeDepfile) {
    // The rule's target: the object, else the first listing written to a file.
    std::string primary = plan.object;
    for (const std::string *p : {&plan.header, &plan.lowered, &plan.ir, &plan.assembly, &plan.ptx})
      if (primary.empty() && !p->empty() && *p != "-") primary = *p;
    if (primary.empty()) primary = stem + ".o";
    if (!opts.depfile.empty()) {
      plan.depfile = opts.depfile;
    } else {
      fs::path d(primary);
      if (d.extension() == ".o") d.replace_extension();
      plan.depfile = d.string() + ".d";
    }
    plan.depTarget = opts.depTarget.empty() ? escapeForMake(primary) : opts.depTarget;
  }
  return plan;
}

void removeOutputs(const OutputPlan &plan) {
  for (const std::string &f : plan.files()) {
    std::error_code ec;
    if (fs::is_regular_file(f, ec)) fs::remove(f, ec);
  }
}

bool checkOutputsAreNotInputs(const OutputPlan &plan, const std::vector<std::string> &inputs,
                              DiagnosticEngine &diags) {
  bool ok = true;
  for (const std::string &out : plan.files())
    for (const std::string &in : inputs) {
      std::error_code ec;
      if (!in.empty() && fs::exists(out, ec) && fs::equivalent(out, in, ec)) {
        diags.report(DiagKind::OutputIsInput, SourceRange(), {out});
        ok = false;
      }
    }
  return ok;
}

bool compile(const Options &opts, const OutputPlan &plan, const ast::Module &module,
             const ScheduleFile *schedule, const SourceManager &sm, DiagnosticEngine &diags,
             std::ostream &out, std::ostream &err, const StageLog &log) {
  for (const std::string &f : opts.functions)
    if (!module.find(f)) diags.report(DiagKind::UnknownFunction, SourceRange(), {f});
  if (diags.hasErrors()) return false;

  LowerOptions lo;
  lo.functions = opts.functions;
  lo.symbolPrefix = opts.symbolPrefix;
  lo.printAfter = opts.printAfter;
  lo.log = &log;
  lo.verifyEach |= opts.verifyEach;
  lo.dumpStream = &err;
  std::vector<ir::LoweredFunc> scheduled;
  lo.scheduled = &scheduled;
  TargetOptions to = targetOptionsOf(opts);
  bool cuda = isCudaTarget(to);
  lo.maxNumThreads = cuda ? 1024 : 1;
  lo.cuda = cuda; // each def split into kernels, with located errors (split-host-device)
  lo.vectorMasks =
      opts.vectorTails == "masked" || (opts.vectorTails == "auto" && hasMaskedVectors(to));
  std::vector<ir::LoweredFunc> funcs;
  {
    auto timer = log.stage("lower");
    funcs = lowerModule(module, schedule, lo, diags);
  }
  if (diags.hasErrors()) return false;
  // The exported symbols: none may clash with what the object links against
  // (or, on the cuda target, with another def's NAME_on_stream).
  for (const ir::LoweredFunc &f : funcs)
    if (isReservedSymbol(f.name))
      diags.report(DiagKind::ReservedKernelName, SourceRange(f.loc), {f.name});
    else if (isCReservedWord(f.name))
      diags.report(DiagKind::KernelNameKeyword, SourceRange(f.loc), {f.name});
  if (cuda)
    for (const ir::LoweredFunc &f : funcs)
      for (const ir::LoweredFunc &g : funcs)
        if (g.name == f.name + "_on_stream")
          diags.report(DiagKind::KernelNameTaken, SourceRange(g.loc), {g.name, f.sourceName});
  if (diags.hasErrors()) return false;
  if (cuda) {
    for (ir::LoweredFunc &f : scheduled) f.body = ir::withSharedBarriers(f.body); // --emit-lowered
  } else if (!plan.ptx.empty()) {
    diags.report(DiagKind::BadOption, SourceRange(),
                 {"--emit-ptx", "PTX is the cuda target's (--target cuda)"});
    return false;
  }

  // Everything to write, in memory first.
  std::vector<std::pair<std::string, std::string>> files; // path ("-" = stdout), bytes
  if (!plan.lowered.empty()) {
    std::string text;
    for (size_t k = 0; k < scheduled.size(); ++k)
      text += (k ? "\n" : "") + ir::toString(scheduled[k]);
    files.push_back({plan.lowered, text});
  }
  if (!plan.object.empty() || !plan.ir.empty() || !plan.assembly.empty() || !plan.ptx.empty()) {
    std::string object, llvmIR, assembly, ptx;
    CodeGenRequest req;
    if (!plan.object.empty()) req.object = &object;
    if (!plan.ir.empty()) req.llvmIR = &llvmIR;
    if (!plan.assembly.empty()) req.assembly = &assembly;
    if (!plan.ptx.empty()) req.ptx = &ptx;
    req.log = &log;
    SourceLoc errorLoc;
    req.errorLoc = &errorLoc;
    if (auto error = generateCode(funcs, stemOf(opts.input), to, req, &sm)) {
      diags.report(DiagKind::TargetError, SourceRange(errorLoc), {*error});
      return false;
    }
    if (!plan.object.empty()) files.push_back({plan.object, object});
    if (!plan.ir.empty()) files.push_back({plan.ir, llvmIR});
    if (!plan.assembly.empty()) files.push_back({plan.assembly, assembly});
    if (!plan.ptx.empty()) files.push_back({plan.ptx, ptx});
  }
  if (!plan.header.empty())
    files.push_back({plan.header, emitHeader(funcs, headerGuard(plan.header), cuda)});
  if (!plan.depfile.empty()) {
    std::vector<std::string> deps{opts.input};
    if (!opts.schedule.empty()) deps.push_back(opts.schedule);
    files.push_back({plan.depfile, makeDepfile(plan.depTarget, deps)});
  }

  for (auto &[path, bytes] : files) {
    if (path == "-") {
      out << bytes;
      continue;
    }
    std::string error = writeAtomically(path, bytes);
    if (!error.empty()) {
      diags.report(DiagKind::CannotWriteFile, SourceRange(), {path, error});
      removeOutputs(plan);
      return false;
    }
  }
  out.flush();
  return true;
}

} // namespace hybridc::driver
