//===- Schedule.h - The schedule file, read and validated -----------------===//
//
// `-s sched.json` (docs/contract.md §2): per def, optional "args" describing
// parameters and an ordered "schedule" list of primitives. readSchedule()
// checks the JSON's syntax and schema (known keys, value kinds); Sema checks
// "args" against the def; the schedules issue applies "schedule".
//
//===----------------------------------------------------------------------===//
#pragma once

#include "hybridc/Schedule/Json.h"
#include "hybridc/Support/DType.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hybridc {

/// One shape entry of an "args" description: an integer or a parameter name.
struct ArgDim {
  std::optional<int64_t> constant;
  std::string param;
  SourceRange range;
};

struct ArgDesc {
  std::string param;
  SourceRange range;    // the whole description object
  SourceRange keyRange; // the parameter's key
  std::optional<DType> dtype;
  SourceRange dtypeRange;
  bool hasShape = false;
  std::vector<ArgDim> shape;
  SourceRange shapeRange;
  bool strided = false;
  SourceRange stridesRange;
  bool hasConst = false;
  bool constScalar = false;        // "const": 11 — a compile-time scalar (Sema substitutes it)
  std::vector<double> constValues; // row-major (one value for a scalar)
  std::vector<int64_t> constShape; // nested arrays give a multi-D constant
  SourceRange constRange;
};

struct ScheduleOp {
  enum Kind : uint8_t {
    Split,
    Fuse,
    Reorder,
    Tile,
    Unroll,
    Vectorize,
    Parallel,
    Bind,
    Rfactor,
    CacheRead,
    ComputeInline,
    ComputeAt,
    CacheWrite,
    Stream
  };
  Kind kind;
  SourceRange range; // the op object
  std::string loop;  // split/unroll/vectorize/parallel/bind/rfactor/cache_read/compute_at
  SourceRange loopRange;
  std::vector<std::string> loops; // fuse/reorder/tile
  std::vector<SourceRange> loopRanges;
  std::optional<int64_t> factor, nparts;
  SourceRange factorRange;
  std::vector<int64_t> factors; // tile
  std::string outer, inner,
      name; // optional new names (name: fuse's loop, cache_read's copy, compute_at's tile)
  std::string thread; // bind
  SourceRange threadRange;
  std::string buffer; // cache_read, cache_write, compute_inline, compute_at, stream
  SourceRange bufferRange;
};

struct DefSchedule {
  std::string def;
  SourceRange keyRange;
  std::map<std::string, ArgDesc> args;
  std::vector<ScheduleOp> ops;
};

struct ScheduleFile {
  uint32_t buffer = 0;
  std::vector<DefSchedule> defs;
  const DefSchedule *find(const std::string &def) const {
    for (auto &d : defs)
      if (d.def == def) return &d;
    return nullptr;
  }
};

/// Reads and schema-checks a schedule buffer. Errors go to `diags`.
std::optional<ScheduleFile> readSchedule(const SourceManager &sm, uint32_t buffer,
                                         DiagnosticEngine &diags);

} // namespace hybridc
