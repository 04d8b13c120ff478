//===- VectorMath.h - Vectorizable math: exp, log, sin, pow, ... ----------===//
//
// Polynomial approximations of transcendental functions emitted as plain
// vector LLVM IR (mul, add, compare, select, bit casts), so that a
// vectorized loop calling exp() stays vector code: LLVM has no vector
// library here and would scalarise llvm.exp.v16f32 into 16 expf calls.
// Used by CodeGenLLVM::emitMath for float32, float16 (through float32) and
// float64 vectors of more than one lane; scalars keep calling libm / the
// LLVM intrinsics, so scalar results stay exactly libm's (on CPUs: the cuda
// device code, which has no libm, uses the polynomials for scalars too).
// Accuracy is documented in VectorMath.cpp.
//
// Private to lib/CodeGen.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/IR/IRBuilder.h"

namespace llvm {
class MCSubtargetInfo;
class Triple;
} // namespace llvm

namespace hybridc::codegen {

enum class VectorMathFn {
  None,
  Exp,
  Exp2,
  Log,
  Log2,
  Log10,
  Tanh,
  Sigmoid,
  Erf,
  Sin,
  Cos,
  Pow // two arguments
}; // None: no polynomial (Intrinsics.def)

/// What of the target the polynomials may use beyond plain vector IR.
struct VectorMathTarget {
  /// x86-64 with AVX-512 F and VL: exp scales by 2^n with VSCALEFPS (one
  /// instruction, denormal results rounded once) instead of building two
  /// powers of two from integer lanes, and log splits x into significand
  /// and exponent with VGETMANTPS and VGETEXPPS (denormals included)
  /// instead of bit operations. The results are the same bits.
  bool x86Avx512 = false;
  /// Whether `sti` (for `triple`) is x86 with AVX-512 F and VL: x86Avx512,
  /// and what --vector-tails=auto asks (masked loads and stores as cheap as
  /// plain ones, hasMaskedVectors).
  static bool hasX86Avx512(const llvm::Triple &triple, const llvm::MCSubtargetInfo *sti);
};

/// True when `fn` has a polynomial and `ty` is a vector of more than one
/// float32, float16 or float64 lane: what emitVectorMath handles.
bool hasVectorMath(llvm::Type *ty, VectorMathFn fn);

/// Emits `fn(x)` lane by lane as inline vector code at `b`'s insertion
/// point. `x` must satisfy hasVectorMath (float16 is computed in float32).
llvm::Value *emitVectorMath(llvm::IRBuilder<> &b, VectorMathFn fn, llvm::Value *x,
                            llvm::Value *y = nullptr, VectorMathTarget target = {});

} // namespace hybridc::codegen
