//===- Builtins.cpp - The table of hybrid-script builtin functions --------===//
//
// One row per builtin (docs/contract.md §1, docs/semantics.md "Calls and returns"). Rows
// are looked up by name; the checker applies argument kinds and the result
// rule. Decisions recorded here:
//  - math functions take a float and return the same dtype; an integer
//    argument is an error (the checker suggests a cast);
//  - power(a, b) takes two floats; different widths promote like `+`;
//  - abs takes any integer or float; popcount an integer; ceil_div two
//    integers (promoted);
//  - max_num_threads takes an optional literal True/False and gives int32.
//
//===----------------------------------------------------------------------===//
#include "Builtins.h"

#include <cstring>

namespace hybridc::sema {

namespace {

using AK = ArgKind;
using RR = ResultRule;

constexpr DType kNone{};

#define CAST(N, C, B) {N, 1, 1, {AK::Scalar}, RR::Cast, DType(DType::C, B), LoopKind::Serial}
#define MATH1(N) {N, 1, 1, {AK::Float}, RR::SameAsArg0, kNone, LoopKind::Serial}
#define LOOP(N, K) {N, 1, 2, {AK::Integer, AK::Integer}, RR::Loop, kNone, LoopKind::K}

// clang-format off
const Builtin kBuiltins[] = {
    // Buffers.
    {"output_tensor", 1, 2, {AK::Shape, AK::DTypeName}, RR::Buffer, kNone, LoopKind::Serial,
     {"shape", "dtype"}, {"", "float32"}},
    {"allocate", 1, 3, {AK::Shape, AK::DTypeName, AK::Scope}, RR::Buffer, kNone, LoopKind::Serial,
     {"shape", "dtype", "scope"}, {"", "float32", "global"}},
    // Casts, one per dtype.
    CAST("bool", Bool, 1),
    CAST("int8", Int, 8), CAST("int16", Int, 16), CAST("int32", Int, 32), CAST("int64", Int, 64),
    CAST("uint8", UInt, 8), CAST("uint16", UInt, 16), CAST("uint32", UInt, 32),
    CAST("uint64", UInt, 64),
    CAST("float16", Float, 16), CAST("float32", Float, 32), CAST("float64", Float, 64),
    // Math on one float: the Math1 rows of the intrinsics' table.
#define HY_INTRINSIC_Math1(Spelling) MATH1(Spelling),
#define HY_INTRINSIC_Builtin(Spelling)
#define HY_INTRINSIC_Internal(Spelling)
#define HY_INTRINSIC(Name, Spelling, Kind, LLVMUnary, VectorMath, Libm) HY_INTRINSIC_##Kind(Spelling)
#include "hybridc/IR/Intrinsics.def"
#undef HY_INTRINSIC_Math1
#undef HY_INTRINSIC_Builtin
#undef HY_INTRINSIC_Internal
    // Other math.
    {"power", 2, 2, {AK::Float, AK::Float}, RR::Promoted, kNone, LoopKind::Serial},
    {"popcount", 1, 1, {AK::Integer}, RR::SameAsArg0, kNone, LoopKind::Serial},
    {"ceil_div", 2, 2, {AK::Integer, AK::Integer}, RR::Promoted, kNone, LoopKind::Serial},
    {"abs", 1, 1, {AK::Numeric}, RR::SameAsArg0, kNone, LoopKind::Serial},
    {"min", 2, 2, {AK::Scalar, AK::Scalar}, RR::MinMax, kNone, LoopKind::Serial},
    {"max", 2, 2, {AK::Scalar, AK::Scalar}, RR::MinMax, kNone, LoopKind::Serial},
    // Queries.
    {"max_num_threads", 0, 1, {AK::BoolConst}, RR::Int32, kNone, LoopKind::Serial},
    {"len", 1, 1, {AK::Sized}, RR::Int32, kNone, LoopKind::Serial},
    // Loop iterators.
    LOOP("range", Serial), LOOP("serial", Serial), LOOP("unroll", Unroll),
    LOOP("parallel", Parallel), LOOP("vectorize", Vectorize),
    LOOP("const_range", ConstRange),
    {"bind", 2, 2, {AK::ThreadTag, AK::Integer}, RR::Loop, kNone, LoopKind::Bind},
    {"grid", 1, kVariadic, {AK::Integer}, RR::Loop, kNone, LoopKind::Grid},
};
// clang-format on

#undef CAST
#undef MATH1
#undef LOOP

} // namespace

const Builtin *lookupBuiltin(std::string_view name) {
  for (const Builtin &b : kBuiltins)
    if (name == b.name) return &b;
  return nullptr;
}

ArgKind argKind(const Builtin &b, unsigned index) {
  if (b.maxArgs == kVariadic) // the last listed kind repeats
    return b.args[index < b.minArgs ? index : b.minArgs - 1];
  return b.args[index < 3 ? index : 2];
}

const char *describe(ArgKind k) {
  switch (k) {
  case ArgKind::Shape: return "a shape tuple such as (n, 4)";
  case ArgKind::DTypeName: return "a dtype string such as 'float32'";
  case ArgKind::Scope: return "'global', 'local' or 'shared'";
  case ArgKind::Scalar: return "a scalar";
  case ArgKind::Numeric: return "an integer or float scalar";
  case ArgKind::Float: return "a float scalar";
  case ArgKind::Integer: return "an integer scalar";
  case ArgKind::BoolConst: return "True or False";
  case ArgKind::Tensor: return "a tensor";
  case ArgKind::Sized: return "a tensor or a shape (a.shape)";
  case ArgKind::ThreadTag: return "a thread tag string";
  }
  return "?";
}

const char *loopKindName(LoopKind k) {
  switch (k) {
  case LoopKind::Serial: return "serial";
  case LoopKind::Unroll: return "unroll";
  case LoopKind::Parallel: return "parallel";
  case LoopKind::Vectorize: return "vectorize";
  case LoopKind::ConstRange: return "const_range";
  case LoopKind::Bind: return "bind";
  case LoopKind::Grid: return "grid";
  }
  return "?";
}

bool isThreadTag(std::string_view tag) {
  static const char *const kTags[] = {"threadIdx.x", "threadIdx.y", "threadIdx.z", "blockIdx.x",
                                      "blockIdx.y",  "blockIdx.z",  "vthread"};
  for (const char *t : kTags)
    if (tag == t) return true;
  return false;
}

} // namespace hybridc::sema
