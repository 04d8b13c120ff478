//===- Schedule.cpp - Reading and schema-checking the schedule file -------===//
//
// readSchedule() turns the JSON of docs/contract.md §2 into a ScheduleFile:
//
//   { "<def>": { "args": { "<param>": {shape|const, dtype, strides} },
//                "schedule": [ {"op": ..., ...}, ... ] } }
//
// It checks the schema exactly — only known keys, no duplicate keys, the
// right kind of value for every key, the required keys of every op — and
// reports each violation (a Schedule* kind) at the offending key or value, so
// several mistakes in one file are reported in one run. Whether the named
// defs, parameters and loops exist is not known here: Sema checks "args"
// against the defs (using the ranges stored here), the schedules issue
// applies the ops.
//
//===----------------------------------------------------------------------===//
#include "hybridc/Schedule/Schedule.h"

#include <cmath>
#include <initializer_list>
#include <map>

namespace hybridc {

namespace {

using json::Value;

/// `"a", "b" or "c"`.
std::string keyList(std::initializer_list<const char *> keys) {
  std::string s;
  size_t i = 0, n = keys.size();
  for (const char *k : keys) {
    if (i) s += i + 1 == n ? " or " : ", ";
    s += '"';
    s += k;
    s += '"';
    ++i;
  }
  return s;
}

bool isIdentifier(const std::string &s) {
  if (s.empty()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    if (!(alpha || (i > 0 && c >= '0' && c <= '9'))) return false;
  }
  return true;
}

struct OpSpec {
  const char *name;
  ScheduleOp::Kind kind;
  std::initializer_list<const char *> keys; // allowed keys besides "op"
};

const OpSpec kOps[] = {
    {"split", ScheduleOp::Split, {"loop", "factor", "nparts", "outer", "inner"}},
    {"fuse", ScheduleOp::Fuse, {"loops", "name"}},
    {"reorder", ScheduleOp::Reorder, {"loops"}},
    {"tile", ScheduleOp::Tile, {"loops", "factors"}},
    {"unroll", ScheduleOp::Unroll, {"loop"}},
    {"vectorize", ScheduleOp::Vectorize, {"loop"}},
    {"parallel", ScheduleOp::Parallel, {"loop"}},
    {"bind", ScheduleOp::Bind, {"loop", "thread"}},
    {"rfactor", ScheduleOp::Rfactor, {"loop"}},
    {"cache_read", ScheduleOp::CacheRead, {"buffer", "loop", "name"}},
    {"compute_inline", ScheduleOp::ComputeInline, {"buffer"}},
    {"compute_at", ScheduleOp::ComputeAt, {"buffer", "loop", "name"}},
    {"cache_write", ScheduleOp::CacheWrite, {"buffer", "loop", "name"}},
    {"stream", ScheduleOp::Stream, {"buffer"}},
};

const char *kThreadTags[] = {"blockIdx.x",  "blockIdx.y",  "blockIdx.z",
                             "threadIdx.x", "threadIdx.y", "threadIdx.z"};

class Reader {
public:
  Reader(const SourceManager &sm, DiagnosticEngine &diags) : sm_(sm), diags_(diags) {}

  void readFile(const Value &top, ScheduleFile &file) {
    if (top.kind != Value::Object) {
      wrongType(top.range, "the schedule file",
                "a JSON object mapping def names to their schedules", describe(top));
      return;
    }
    for (size_t i = 0; i < top.members.size(); ++i) {
      const std::string &name = top.members[i].first;
      if (!checkDuplicate(top, i, "the schedule file")) continue;
      DefSchedule def;
      def.def = name;
      def.keyRange = top.keyRanges[i];
      readDef(*top.members[i].second, def);
      file.defs.push_back(std::move(def));
    }
  }

private:
  const SourceManager &sm_;
  DiagnosticEngine &diags_;

  /// "WHAT must be WANT, got GOT" (ScheduleValueType).
  void wrongType(SourceRange r, const std::string &what, const std::string &want,
                 const std::string &got) {
    diags_.report(DiagKind::ScheduleValueType, r, {what, want, got});
  }

  /// How a value is shown in "got ...": its spelling for scalars, its kind
  /// for containers.
  std::string describe(const Value &v) const {
    switch (v.kind) {
    case Value::Array: return "an array";
    case Value::Object: return "an object";
    default: break;
    }
    std::string text(sm_.text(v.range));
    if (text.size() > 40) text = text.substr(0, 37) + "...";
    return text;
  }

  /// Reports the i-th member of `obj` if its key appeared before; returns
  /// whether it is the first occurrence.
  bool checkDuplicate(const Value &obj, size_t i, const std::string &where) {
    const std::string &key = obj.members[i].first;
    for (size_t j = 0; j < i; ++j)
      if (obj.members[j].first == key) {
        diags_.report(DiagKind::ScheduleDuplicateKey, obj.keyRanges[i], {key, where})
            .note(DiagKind::NotePrevious, obj.keyRanges[j], {"'" + key + "' first appears here"});
        return false;
      }
    return true;
  }

  const std::string *string(const Value &v, const std::string &what) {
    if (v.kind != Value::String) {
      wrongType(v.range, what, "a string", describe(v));
      return nullptr;
    }
    if (v.string.empty()) {
      diags_.report(DiagKind::ScheduleEmptyValue, v.range, {what, ""});
      return nullptr;
    }
    return &v.string;
  }

  std::optional<int64_t> positiveInt(const Value &v, const std::string &what) {
    if (v.kind != Value::Number || !v.isInteger || v.number < 1 || v.number > 2147483647.0) {
      wrongType(v.range, what, "a positive integer", describe(v));
      return std::nullopt;
    }
    return (int64_t)v.number;
  }

  std::optional<bool> boolean(const Value &v, const std::string &what) {
    if (v.kind != Value::Bool) {
      wrongType(v.range, what, "true or false", describe(v));
      return std::nullopt;
    }
    return v.boolean;
  }

  //===--- One def's entry --------------------------------------------===//

  void readDef(const Value &v, DefSchedule &def) {
    std::string where = "the entry of def '" + def.def + "'";
    if (v.kind != Value::Object) {
      wrongType(v.range, "the entry of def '" + def.def + "'",
                "an object with " + keyList({"args", "schedule"}), describe(v));
      return;
    }
    auto m = members(v, {"args", "schedule"}, where);
    if (auto it = m.find("args"); it != m.end()) readArgs(*it->second.first, def);
    if (auto it = m.find("schedule"); it != m.end()) readOps(*it->second.first, def);
  }

  //===--- "args" -----------------------------------------------------===//

  void readArgs(const Value &v, DefSchedule &def) {
    if (v.kind != Value::Object) {
      wrongType(v.range, "\"args\" of def '" + def.def + "'",
                "an object mapping parameter names to descriptions", describe(v));
      return;
    }
    for (size_t i = 0; i < v.members.size(); ++i) {
      if (!checkDuplicate(v, i, "the \"args\" of def '" + def.def + "'")) continue;
      ArgDesc arg;
      arg.param = v.members[i].first;
      arg.keyRange = v.keyRanges[i];
      if (readArg(*v.members[i].second, arg)) def.args.emplace(arg.param, std::move(arg));
    }
  }

  bool readArg(const Value &v, ArgDesc &arg) {
    arg.range = v.range;
    std::string where = "the description of parameter '" + arg.param + "'";
    if (v.kind != Value::Object) {
      wrongType(v.range, "the description of parameter '" + arg.param + "'",
                "an object with " + keyList({"shape", "dtype", "strides", "const"}), describe(v));
      return false;
    }
    unsigned before = diags_.errorCount();
    auto m = members(v, {"shape", "dtype", "strides", "const"}, where);
    if (auto it = m.find("dtype"); it != m.end()) {
      const Value &d = *it->second.first;
      arg.dtypeRange = d.range;
      if (const std::string *s = string(d, "\"dtype\"")) {
        arg.dtype = DType::parse(*s);
        if (!arg.dtype) diags_.report(DiagKind::ScheduleUnknownDType, d.range, {*s});
      }
    }
    if (auto it = m.find("shape"); it != m.end()) {
      arg.hasShape = true;
      readShape(*it->second.first, arg);
    }
    if (auto it = m.find("strides"); it != m.end()) {
      arg.stridesRange = it->second.first->range;
      if (auto b = boolean(*it->second.first, "\"strides\"")) arg.strided = *b;
    }
    if (auto it = m.find("const"); it != m.end()) {
      arg.hasConst = true;
      readConst(*it->second.first, arg);
      if (auto s = m.find("shape"); s != m.end()) {
        // Point at whichever of the two keys comes second.
        SourceRange later =
            s->second.second.begin < it->second.second.begin ? it->second.second : s->second.second;
        diags_.report(
            DiagKind::ScheduleArgConflict, later,
            {arg.param,
             "it has both \"shape\" and \"const\"; a constant's shape comes from its value"});
      }
      if (arg.strided)
        diags_.report(DiagKind::ScheduleArgConflict, m["strides"].second,
                      {arg.param, "\"strides\" cannot describe a constant"});
    }
    return diags_.errorCount() == before;
  }

  void readShape(const Value &v, ArgDesc &arg) {
    arg.shapeRange = v.range;
    if (v.kind != Value::Array) {
      wrongType(v.range, "\"shape\"", "an array of positive integers and parameter names",
                describe(v));
      return;
    }
    if (v.elements.empty()) {
      diags_.report(DiagKind::ScheduleEmptyValue, v.range,
                    {"\"shape\"", " (describe a scalar by its \"dtype\" alone)"});
      return;
    }
    for (const auto &e : v.elements) {
      ArgDim dim;
      dim.range = e->range;
      if (e->kind == Value::String) {
        if (!isIdentifier(e->string)) {
          diags_.report(DiagKind::ScheduleShapeName, e->range, {describe(*e)});
          continue;
        }
        dim.param = e->string;
      } else if (e->kind == Value::Number) {
        auto n = positiveInt(*e, "a \"shape\" dimension");
        if (!n) continue;
        dim.constant = *n;
      } else {
        wrongType(e->range, "a \"shape\" dimension", "a positive integer or a parameter name",
                  describe(*e));
        continue;
      }
      arg.shape.push_back(std::move(dim));
    }
  }

  /// "const": a number (a compile-time scalar parameter) or a non-empty,
  /// rectangular, possibly nested array of numbers.
  void readConst(const Value &v, ArgDesc &arg) {
    arg.constRange = v.range;
    if (v.kind == Value::Number) {
      arg.constScalar = true;
      arg.constValues.push_back(v.number);
      if (arg.dtype) checkConstValues(v, *arg.dtype);
      return;
    }
    if (v.kind != Value::Array) {
      wrongType(v.range, "\"const\"", "a number or an array of numbers (possibly nested)",
                describe(v));
      return;
    }
    // The shape is taken from the first element at each depth; every other
    // row must match it.
    // An empty array is a 1-D constant of length 0 (relay passes empty
    // tuples: `len(axes)` is 0, a const_range over it does nothing).
    if (v.elements.empty()) {
      arg.constShape.push_back(0);
      return;
    }
    for (const Value *p = &v; p->kind == Value::Array; p = p->elements.front().get()) {
      if (p->elements.empty()) {
        diags_.report(DiagKind::ScheduleConstShape, p->range,
                      {"arrays may be empty only at the top level ([]), not [[]]"});
        return;
      }
      arg.constShape.push_back((int64_t)p->elements.size());
    }
    unsigned before = diags_.errorCount();
    walkConst(v, 0, arg);
    if (diags_.errorCount() != before) {
      arg.constValues.clear();
      return;
    }
    if (arg.dtype) checkConstValues(v, *arg.dtype);
  }

  void walkConst(const Value &v, size_t depth, ArgDesc &arg) {
    if (depth == arg.constShape.size()) {
      if (v.kind != Value::Number) {
        wrongType(v.range, "\"const\" elements", "numbers", describe(v));
        return;
      }
      arg.constValues.push_back(v.number);
      return;
    }
    if (v.kind != Value::Array) {
      diags_.report(DiagKind::ScheduleConstShape, v.range,
                    {"must be rectangular: expected an array of " +
                     std::to_string(arg.constShape[depth]) + " elements here, got " + describe(v)});
      return;
    }
    if ((int64_t)v.elements.size() != arg.constShape[depth]) {
      auto count = [](size_t n) { return std::to_string(n) + (n == 1 ? " element" : " elements"); };
      diags_.report(DiagKind::ScheduleConstShape, v.range,
                    {"must be rectangular: this array has " + count(v.elements.size()) +
                     ", the first one at this depth has " + count((size_t)arg.constShape[depth])});
      return;
    }
    for (const auto &e : v.elements) walkConst(*e, depth + 1, arg);
  }

  /// Integer dtypes need integral values that fit; bool needs 0 or 1.
  void checkConstValues(const Value &v, DType dtype) {
    if (v.kind == Value::Array) {
      for (const auto &e : v.elements) checkConstValues(*e, dtype);
      return;
    }
    if (dtype.isFloat()) return;
    double x = v.number;
    if (dtype.isBool()) {
      if (x != 0 && x != 1)
        diags_.report(DiagKind::ScheduleConstValue, v.range,
                      {describe(v), "is not 0 or 1, as bool needs"});
      return;
    }
    if (std::floor(x) != x) {
      diags_.report(DiagKind::ScheduleConstValue, v.range,
                    {describe(v), "is not an integer, but the dtype is " + dtype.str()});
      return;
    }
    double lo = dtype.isUInt() ? 0 : -std::ldexp(1.0, dtype.bits - 1);
    double hi = dtype.isUInt() ? std::ldexp(1.0, dtype.bits) : std::ldexp(1.0, dtype.bits - 1);
    if (x < lo || x >= hi)
      diags_.report(DiagKind::ScheduleConstValue, v.range,
                    {describe(v), "does not fit in " + dtype.str()});
  }

  //===--- "schedule" -------------------------------------------------===//

  void readOps(const Value &v, DefSchedule &def) {
    if (v.kind != Value::Array) {
      wrongType(v.range, "\"schedule\" of def '" + def.def + "'", "an array of ops", describe(v));
      return;
    }
    for (const auto &e : v.elements)
      if (auto op = readOp(*e)) def.ops.push_back(std::move(*op));
  }

  std::optional<ScheduleOp> readOp(const Value &v) {
    if (v.kind != Value::Object) {
      wrongType(v.range, "a schedule entry",
                "an object such as {\"op\": \"split\", \"loop\": \"i\", \"factor\": 4}",
                describe(v));
      return std::nullopt;
    }
    const std::string allOps =
        "split, fuse, reorder, tile, unroll, vectorize, parallel, bind, "
        "rfactor, cache_read, cache_write, compute_inline, compute_at or stream";
    const Value *opValue = nullptr;
    for (size_t i = 0; i < v.members.size(); ++i)
      if (v.members[i].first == "op" && !opValue) opValue = v.members[i].second.get();
    if (!opValue) {
      diags_.report(DiagKind::ScheduleMissingKey, v.range,
                    {"a schedule entry", "\"op\" (one of " + allOps + ")"});
      return std::nullopt;
    }
    const std::string *opName = string(*opValue, "\"op\"");
    if (!opName) return std::nullopt;
    const OpSpec *spec = nullptr;
    for (const OpSpec &s : kOps)
      if (*opName == s.name) spec = &s;
    if (!spec) {
      diags_.report(DiagKind::ScheduleUnknownOp, opValue->range, {*opName, allOps});
      return std::nullopt;
    }

    unsigned before = diags_.errorCount();
    std::string where = "this '" + *opName + "' op";
    // Allowed keys: "op" plus the op's own.
    std::map<std::string, std::pair<const Value *, SourceRange>> m;
    {
      std::vector<const char *> keys{"op"};
      keys.insert(keys.end(), spec->keys.begin(), spec->keys.end());
      m = members(v, keys, where);
    }
    auto get = [&](const char *k) -> const Value * {
      auto it = m.find(k);
      return it == m.end() ? nullptr : it->second.first;
    };
    auto require = [&](const char *k) -> const Value * {
      const Value *x = get(k);
      if (!x)
        diags_.report(DiagKind::ScheduleMissingKey, v.range,
                      {"'" + *opName + "' op", std::string("\"") + k + "\""});
      return x;
    };

    ScheduleOp op;
    op.kind = spec->kind;
    op.range = v.range;

    switch (spec->kind) {
    case ScheduleOp::Split: {
      if (const Value *x = require("loop")) readLoop(*x, op);
      const Value *factor = get("factor"), *nparts = get("nparts");
      if (factor && nparts) {
        diags_.report(DiagKind::ScheduleExclusiveKeys, m["nparts"].second,
                      {"split", "\"factor\"", "\"nparts\""});
      } else if (factor) {
        op.factorRange = factor->range;
        op.factor = positiveInt(*factor, "\"factor\"");
      } else if (nparts) {
        op.factorRange = nparts->range;
        op.nparts = positiveInt(*nparts, "\"nparts\"");
      } else {
        diags_.report(DiagKind::ScheduleMissingKey, v.range,
                      {"'split' op", "\"factor\" or \"nparts\""});
      }
      if (const Value *x = get("outer"))
        if (const std::string *s = string(*x, "\"outer\"")) op.outer = *s;
      if (const Value *x = get("inner"))
        if (const std::string *s = string(*x, "\"inner\"")) op.inner = *s;
      break;
    }
    case ScheduleOp::Fuse:
      if (const Value *x = require("loops")) readLoops(*x, op);
      if (const Value *x = get("name"))
        if (const std::string *s = string(*x, "\"name\"")) op.name = *s;
      break;
    case ScheduleOp::Reorder:
      if (const Value *x = require("loops")) readLoops(*x, op);
      break;
    case ScheduleOp::Tile: {
      const Value *loops = require("loops");
      const Value *factors = require("factors");
      if (loops) readLoops(*loops, op);
      if (factors) {
        op.factorRange = factors->range;
        if (factors->kind != Value::Array || factors->elements.empty()) {
          wrongType(factors->range, "\"factors\"", "a non-empty array of positive integers",
                    describe(*factors));
        } else {
          for (const auto &f : factors->elements)
            if (auto n = positiveInt(*f, "a tile factor")) op.factors.push_back(*n);
          if (loops && loops->kind == Value::Array &&
              loops->elements.size() != factors->elements.size())
            diags_.report(DiagKind::ScheduleTileFactors, factors->range,
                          {std::to_string(loops->elements.size()) +
                               (loops->elements.size() == 1 ? " loop" : " loops"),
                           std::to_string(factors->elements.size()) +
                               (factors->elements.size() == 1 ? " factor" : " factors")});
        }
      }
      break;
    }
    case ScheduleOp::Unroll:
    case ScheduleOp::Vectorize:
    case ScheduleOp::Parallel:
    case ScheduleOp::Rfactor:
      if (const Value *x = require("loop")) readLoop(*x, op);
      break;
    case ScheduleOp::CacheRead:
    case ScheduleOp::CacheWrite:
    case ScheduleOp::ComputeAt:
      if (const Value *x = require("buffer")) {
        op.bufferRange = x->range;
        if (const std::string *s = string(*x, "\"buffer\"")) op.buffer = *s;
      }
      if (const Value *x = require("loop")) readLoop(*x, op);
      if (const Value *x = get("name"))
        if (const std::string *s = string(*x, "\"name\"")) op.name = *s;
      break;
    case ScheduleOp::ComputeInline:
    case ScheduleOp::Stream:
      if (const Value *x = require("buffer")) {
        op.bufferRange = x->range;
        if (const std::string *s = string(*x, "\"buffer\"")) op.buffer = *s;
      }
      break;
    case ScheduleOp::Bind:
      if (const Value *x = require("loop")) readLoop(*x, op);
      if (const Value *x = require("thread")) {
        op.threadRange = x->range;
        if (const std::string *s = string(*x, "\"thread\"")) {
          bool known = false;
          for (const char *t : kThreadTags) known |= *s == t;
          if (!known) diags_.report(DiagKind::ScheduleUnknownThreadTag, x->range, {*s});
          op.thread = *s;
        }
      }
      break;
    }
    if (diags_.errorCount() != before) return std::nullopt;
    return op;
  }

  /// Checks every key of `obj` against `allowed` (unknown and duplicate keys
  /// are errors) and returns the first occurrence of each known key with its
  /// key's range.
  std::map<std::string, std::pair<const Value *, SourceRange>>
  members(const Value &obj, const std::vector<const char *> &allowed, const std::string &where) {
    std::map<std::string, std::pair<const Value *, SourceRange>> out;
    for (size_t i = 0; i < obj.members.size(); ++i) {
      const std::string &key = obj.members[i].first;
      bool known = false;
      for (const char *a : allowed) known |= key == a;
      if (!known) {
        std::string list;
        for (size_t k = 0; k < allowed.size(); ++k) {
          if (k) list += k + 1 == allowed.size() ? " or " : ", ";
          list += std::string("\"") + allowed[k] + "\"";
        }
        diags_.report(DiagKind::ScheduleUnknownKey, obj.keyRanges[i], {key, where, list});
        continue;
      }
      if (!checkDuplicate(obj, i, where)) continue;
      out[key] = {obj.members[i].second.get(), obj.keyRanges[i]};
    }
    return out;
  }

  void readLoop(const Value &v, ScheduleOp &op) {
    op.loopRange = v.range;
    if (const std::string *s = string(v, "\"loop\"")) op.loop = *s;
  }

  void readLoops(const Value &v, ScheduleOp &op) {
    if (v.kind != Value::Array || v.elements.empty()) {
      wrongType(v.range, "\"loops\"", "a non-empty array of loop names", describe(v));
      return;
    }
    for (const auto &e : v.elements) {
      const std::string *s = string(*e, "a loop name");
      if (!s) continue;
      for (size_t i = 0; i < op.loops.size(); ++i)
        if (op.loops[i] == *s) {
          diags_.report(DiagKind::ScheduleLoopListedTwice, e->range, {*s})
              .note(DiagKind::NotePrevious, op.loopRanges[i], {"'" + *s + "' first listed here"});
        }
      op.loops.push_back(*s);
      op.loopRanges.push_back(e->range);
    }
  }
};

} // namespace

std::optional<ScheduleFile> readSchedule(const SourceManager &sm, uint32_t buffer,
                                         DiagnosticEngine &diags) {
  unsigned before = diags.errorCount();
  std::unique_ptr<json::Value> top = json::parse(sm, buffer, diags);
  if (!top) return std::nullopt;
  ScheduleFile file;
  file.buffer = buffer;
  Reader(sm, diags).readFile(*top, file);
  if (diags.errorCount() != before) return std::nullopt;
  return file;
}

} // namespace hybridc
