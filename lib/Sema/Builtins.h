//===- Builtins.h - The table of hybrid-script builtin functions ----------===//
//
// Private to lib/Sema. One row per builtin: its name, how many arguments it
// takes, what kind each argument must be, and how its result type is formed.
// The checker (SemaCall.cpp) interprets the rows generically; only a few
// rules that do not fit a row (min/max's own diagnostics, bind's tag check)
// are special-cased there.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "hybridc/Support/DType.h"

#include <string_view>

namespace hybridc::sema {

/// What an argument must be.
enum class ArgKind : uint8_t {
  Shape,     // a tuple of integer expressions `(n, 4)`, or `a.shape`
  DTypeName, // a dtype string 'float32' or `a.dtype`
  Scope,     // 'global', 'local' or 'shared'
  Scalar,    // any scalar: bool, integer or float
  Numeric,   // an integer or float scalar (not bool)
  Float,     // a float scalar
  Integer,   // an integer scalar (signed or unsigned, not bool)
  BoolConst, // the literal True or False
  Tensor,    // a tensor name
  Sized,     // a tensor name or a shape `a.shape` (len)
  ThreadTag, // "threadIdx.x", "blockIdx.y", "vthread", ...
};

/// How the result type is formed.
enum class ResultRule : uint8_t {
  Buffer,     // output_tensor / allocate: a tensor of the dtype argument
  Cast,       // a scalar of the row's `castTo` dtype
  SameAsArg0, // a scalar of the first argument's dtype
  Promoted,   // a scalar of promote(arg0, arg1)
  Int32,      // an int32 scalar
  MinMax,     // a scalar of the (equal) argument dtype
  Loop,       // only valid as the iterator of a `for`
};

/// Which loop a Loop row introduces.
enum class LoopKind : uint8_t { Serial, Unroll, Parallel, Vectorize, ConstRange, Bind, Grid };

constexpr unsigned kVariadic = ~0u;

struct Builtin {
  const char *name;
  unsigned minArgs, maxArgs; // maxArgs == kVariadic: the last kind repeats
  ArgKind args[3];
  ResultRule result;
  DType castTo;  // Cast rows
  LoopKind loop; // Loop rows
  /// Parameter names for keyword arguments, with the value a parameter
  /// takes when a later one is given by keyword ("" = required). Rows
  /// without names take positional arguments only.
  const char *params[3] = {};
  const char *defaults[3] = {};
};

/// The row named `name`, or null when `name` is not a builtin.
const Builtin *lookupBuiltin(std::string_view name);

/// The kind of argument `index` (0-based) of `b`.
ArgKind argKind(const Builtin &b, unsigned index);

/// "a float scalar", "a shape tuple such as (n, 4)", ... for diagnostics.
const char *describe(ArgKind k);

/// Names of the loop kinds as users write them ("parallel", "bind", ...).
const char *loopKindName(LoopKind k);

/// True for the thread tags `bind` accepts.
bool isThreadTag(std::string_view tag);

} // namespace hybridc::sema
