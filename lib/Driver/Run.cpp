//===- Run.cpp - `hybridc run`: arguments, interpretation, outputs --------===//
//
// --arg NAME=VALUE gives every parameter of the C signature (scalars,
// input tensors; strides of strided inputs are implied by the dense .npy
// data): a number for a scalar; for a tensor a .npy file, or zeros, ones or
// rand, shaped by its annotation with the scalars already given. rand draws
// from a generator seeded by --seed and the parameter's name: floats
// uniform in [-1, 1), integers in [0, 10), bools 0/1.
//
// Outputs start zeroed (--strict reports reading one before it is written).
// After a successful run each --out NAME=FILE is written (through a
// temporary renamed into place); outputs without one are summarised on
// stdout. A failed run writes no --out file and removes stale ones.
//
//===----------------------------------------------------------------------===//
#include "Run.h"

#include "Compile.h"

#include "hybridc/AST/AST.h"
#include "hybridc/Interp/Interp.h"
#include "hybridc/Lower/Lower.h"
#include "hybridc/Schedule/Schedule.h"
#include "hybridc/Support/Diagnostics.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <ostream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace hybridc::driver {
namespace {

using interp::Scalar;
using interp::Tensor;

/// NAME=VALUE; false when there is no '=' or no name.
bool splitAssignment(const std::string &text, std::string &name, std::string &value) {
  size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0) return false;
  name = text.substr(0, eq);
  value = text.substr(eq + 1);
  return true;
}

/// Parses a scalar of dtype t; returns an error message or "".
std::string parseScalar(const std::string &text, DType t, Scalar &out) {
  const char *s = text.c_str();
  char *end = nullptr;
  errno = 0;
  if (t.isBool()) {
    if (text == "True" || text == "true" || text == "1")
      out.i = 1;
    else if (text == "False" || text == "false" || text == "0")
      out.i = 0;
    else
      return "'" + text + "' is not a bool (true, false, 1 or 0)";
    return "";
  }
  if (t.isFloat()) {
    double v = std::strtod(s, &end);
    if (text.empty() || *end || errno == ERANGE)
      return "'" + text + "' is not a " + t.str() + " number";
    out.f = v;
    return "";
  }
  if (t.isUInt()) {
    if (!text.empty() && text[0] == '-')
      return "'" + text + "' is negative, " + t.str() + " is unsigned";
    unsigned long long v = std::strtoull(s, &end, 0);
    if (text.empty() || *end || errno == ERANGE || (t.bits < 64 && v >> t.bits))
      return "'" + text + "' is not a " + t.str() + " value";
    out.i = (int64_t)v;
    return "";
  }
  long long v = std::strtoll(s, &end, 0);
  if (text.empty() || *end || errno == ERANGE ||
      (t.bits < 64 && (v < -(1LL << (t.bits - 1)) || v >= (1LL << (t.bits - 1)))))
    return "'" + text + "' is not an " + t.str() + " value";
  out.i = v;
  return "";
}

/// splitmix64: a small, well-mixed generator (the stream per parameter is
/// seeded by --seed and the name, so arguments do not depend on order).
struct Rng {
  uint64_t s;
  uint64_t next() {
    uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
};

std::string typeText(DType t, const std::vector<int64_t> &shape) {
  return t.str() + interp::shapeString(shape);
}

std::string formatValue(double v, DType t) {
  std::ostringstream ss;
  if (!t.isFloat()) {
    ss << (t.isUInt() ? std::to_string((unsigned long long)v) : std::to_string((long long)v));
    return ss.str();
  }
  ss.precision(t.bits == 64 ? 10 : 6);
  ss << v;
  return ss.str();
}

/// "c: float32[4, 4]  min -1.5  max 2.25  mean 0.3125\n  values: 0.5 1 ..."
std::string summary(const std::string &name, const Tensor &t) {
  int64_t n = t.elements();
  std::string s = name + ": " + typeText(t.dtype, t.shape);
  if (n == 0) return s + "  (no elements)\n";
  double mn = INFINITY, mx = -INFINITY, sum = 0;
  int64_t nans = 0;
  for (int64_t k = 0; k < n; ++k) {
    double v = t.get(k);
    if (std::isnan(v)) {
      ++nans;
      continue;
    }
    mn = std::min(mn, v);
    mx = std::max(mx, v);
    sum += v;
  }
  if (nans < n) {
    std::ostringstream ss;
    ss.precision(6);
    ss << "  min " << mn << "  max " << mx << "  mean " << sum / (double)(n - nans);
    s += ss.str();
  }
  if (nans) s += "  (" + std::to_string(nans) + " NaN)";
  s += "\n  values:";
  int64_t shown = std::min<int64_t>(n, 8);
  for (int64_t k = 0; k < shown; ++k) s += " " + formatValue(t.get(k), t.dtype);
  if (shown < n) s += " ... (" + std::to_string(n) + " elements)";
  return s + "\n";
}

} // namespace

bool runKernel(const Options &opts, const ast::Module &module, const ScheduleFile *schedule,
               DiagnosticEngine &diags, std::ostream &out) {
  // The --out files: checked first, removed on any failure.
  std::vector<std::pair<std::string, std::string>> outs; // name, path
  for (const std::string &o : opts.runOuts) {
    std::string name, path;
    if (!splitAssignment(o, name, path) || path.empty()) {
      diags.report(DiagKind::RunUsage, SourceRange(),
                   {"--out takes NAME=FILE.npy, not '" + o + "'"});
      continue;
    }
    outs.push_back({name, path});
  }
  auto removeOuts = [&]() {
    for (auto &[name, path] : outs) {
      std::error_code ec;
      bool isInput = false;
      for (const std::string &in : {opts.input, opts.schedule})
        isInput |= !in.empty() && fs::equivalent(in, path, ec);
      if (!isInput && fs::is_regular_file(path, ec)) fs::remove(path, ec);
    }
    return false;
  };

  // Which def.
  std::string defName;
  if (!opts.functions.empty()) {
    defName = opts.functions[0];
    if (!module.find(defName)) diags.report(DiagKind::UnknownFunction, SourceRange(), {defName});
  } else if (module.defs.size() == 1) {
    defName = module.defs[0]->name;
  } else {
    std::string names;
    for (auto &d : module.defs) names += (names.empty() ? "" : ", ") + d->name;
    diags.report(DiagKind::RunUsage, SourceRange(),
                 {module.defs.empty()
                      ? "the file has no def"
                      : "the file has several defs (" + names + "); choose one with --function"});
  }
  if (opts.runScheduled && !schedule)
    diags.report(DiagKind::RunUsage, SourceRange(), {"--scheduled needs a schedule file (-s)"});
  if (diags.hasErrors()) return removeOuts();

  LowerOptions lo;
  lo.functions = {defName};
  std::vector<ir::LoweredFunc> scheduled;
  lo.scheduled = &scheduled;
  lo.vectorMasks = opts.vectorTails == "masked"; // the tails as that object runs them
  lowerModule(module, opts.runScheduled ? schedule : nullptr, lo, diags);
  if (diags.hasErrors()) return removeOuts();
  if (scheduled.size() != 1) {
    diags.report(DiagKind::UnknownFunction, SourceRange(), {defName});
    return removeOuts();
  }
  const ir::LoweredFunc &f = scheduled[0];

  // --arg values by name.
  std::map<std::string, std::string> given;
  std::string paramList;
  for (const ir::Arg &a : f.args)
    if (a.kind != ir::Arg::OutputBuffer) paramList += (paramList.empty() ? "" : ", ") + a.name;
  for (const std::string &text : opts.runArgs) {
    std::string name, value;
    if (!splitAssignment(text, name, value)) {
      diags.report(DiagKind::RunUsage, SourceRange(),
                   {"--arg takes NAME=VALUE, not '" + text + "'"});
      continue;
    }
    bool known = false;
    for (const ir::Arg &a : f.args) known |= a.name == name && a.kind != ir::Arg::OutputBuffer;
    if (!known)
      diags.report(
          DiagKind::RunBadArgument, SourceRange(),
          {"'" + defName + "' has no parameter '" + name + "'" +
           (paramList.empty() ? " (it takes none)" : "; its parameters are " + paramList)});
    else if (!given.emplace(name, value).second)
      diags.report(DiagKind::RunBadArgument, SourceRange(), {"'" + name + "' is given twice"});
  }
  std::string missing;
  for (const ir::Arg &a : f.args)
    if (a.kind != ir::Arg::OutputBuffer && !given.count(a.name))
      missing += (missing.empty() ? "" : ", ") + a.name;
  if (!missing.empty())
    diags.report(DiagKind::RunBadArgument, SourceRange(),
                 {"no value for " + missing + " (give each with --arg NAME=VALUE)"});
  for (auto &[name, path] : outs) {
    bool ok = false;
    for (const ir::Arg &a : f.args)
      ok |= a.name == name && (a.kind == ir::Arg::OutputBuffer || (a.buffer && a.buffer->written));
    if (!ok)
      diags.report(DiagKind::RunUsage, SourceRange(),
                   {"--out " + name + ": '" + defName +
                    "' has no output (or written input) named '" + name + "'"});
    for (auto &[argName, value] : given)
      if (value == path) diags.report(DiagKind::OutputIsInput, SourceRange(), {path});
  }
  if (diags.hasErrors()) return removeOuts();

  // Scalars, then tensors (their shapes refer to the scalars).
  std::map<std::string, Scalar> scalars;
  for (const ir::Arg &a : f.args) {
    if (a.kind != ir::Arg::Scalar) continue;
    Scalar s;
    std::string error = parseScalar(given[a.name], a.dtype, s);
    if (!error.empty())
      diags.report(DiagKind::RunBadArgument, SourceRange(), {a.name + ": " + error});
    scalars[a.name] = s;
  }
  if (diags.hasErrors()) return removeOuts();
  std::map<std::string, Tensor> storage;
  std::map<std::string, Tensor *> tensors;
  for (const ir::Arg &a : f.args) {
    if (a.kind == ir::Arg::Scalar) continue;
    std::vector<int64_t> shape;
    bool negative = false;
    for (const ir::Expr &d : a.buffer->shape) {
      int64_t v = 0;
      if (!interp::evalSize(d, scalars, v)) {
        diags.report(DiagKind::RunBadArgument, SourceRange(),
                     {"cannot evaluate the shape of '" + a.name + "'"});
        return removeOuts();
      }
      negative |= v < 0;
      shape.push_back(v);
    }
    if (negative) {
      diags.report(DiagKind::RunBadArgument, SourceRange(),
                   {"the shape of '" + a.name + "' would be " + interp::shapeString(shape) +
                    ": a size is negative"});
      continue;
    }
    Tensor &t = storage[a.name];
    t.dtype = a.dtype;
    tensors[a.name] = &t;
    if (a.kind == ir::Arg::OutputBuffer) {
      t.resize(shape);
      continue;
    }
    const std::string &value = given[a.name];
    if (value == "zeros" || value == "ones" || value == "rand") {
      t.resize(shape);
      uint64_t h = opts.runSeed * 0x100000001b3ULL;
      for (char c : a.name) h = (h ^ (unsigned char)c) * 0x100000001b3ULL;
      Rng rng{h};
      int64_t n = t.elements();
      if (value == "ones")
        for (int64_t k = 0; k < n; ++k) t.set(k, 1.0);
      else if (value == "rand")
        for (int64_t k = 0; k < n; ++k) {
          uint64_t r = rng.next();
          t.set(k, a.dtype.isFloat()  ? (double)(r >> 11) * 0x1.0p-52 - 1.0
                   : a.dtype.isBool() ? (double)(r & 1)
                                      : (double)(r % 10));
        }
      continue;
    }
    std::string error;
    if (!interp::readNpy(value, t, error)) {
      diags.report(DiagKind::RunCannotReadArgument, SourceRange(), {a.name, value, error});
      continue;
    }
    if (t.dtype != a.dtype || t.shape != shape)
      diags.report(
          DiagKind::RunArgumentMismatch, SourceRange(),
          {a.name, typeText(a.dtype, shape), "'" + value + "'", typeText(t.dtype, t.shape)});
  }
  if (diags.hasErrors()) return removeOuts();

  interp::Options io;
  io.strict = opts.runStrict;
  io.maxSteps = opts.runMaxSteps;
  interp::RunError e = interp::run(f, scalars, tensors, io);
  if (e) {
    diags.report(e.kind, SourceRange(e.loc), e.args);
    return removeOuts();
  }

  // Outputs: files, or summaries.
  for (auto &[name, path] : outs) {
    std::string error = writeAtomically(path, interp::npyBytes(*tensors[name]));
    if (!error.empty()) {
      diags.report(DiagKind::CannotWriteFile, SourceRange(), {path, error});
      return removeOuts();
    }
  }
  for (const ir::Arg &a : f.args) {
    bool isResult = a.kind == ir::Arg::OutputBuffer || (a.buffer && a.buffer->written);
    bool toFile = false;
    for (auto &o : outs) toFile |= o.first == a.name;
    if (isResult && !toFile) out << summary(a.name, *tensors[a.name]);
  }
  out.flush();
  return true;
}

} // namespace hybridc::driver
