//===- IRTest.cpp - Loop IR: printer, simplifier, verifier, passes --------===//
#include "hybridc/Analysis/Simplify.h"
#include "hybridc/IR/IRPrinter.h"
#include "hybridc/IR/Verifier.h"
#include "hybridc/Transforms/Passes.h"

#include <catch2/catch.hpp>

using namespace hybridc;
using namespace hybridc::ir;

namespace {
Expr i32(int64_t v) { return IntImm::make(DType::i32(), v); }
Expr var(const char *n) { return Var::make(DType::i32(), n); }
Buffer buffer(const char *name, BufferNode::Kind kind, std::vector<int64_t> shape) {
  auto b = std::make_shared<BufferNode>();
  b->name = name;
  b->dtype = DType::f32();
  b->kind = kind;
  int64_t stride = 1;
  b->strides.resize(shape.size());
  for (size_t k = shape.size(); k-- > 0;) {
    b->strides[k] = IntImm::make(DType::i64(), stride);
    stride *= shape[k];
  }
  for (auto s : shape) b->shape.push_back(IntImm::make(DType::i64(), s));
  return b;
}
LoweredFunc func(Stmt body, std::vector<Buffer> bufs) {
  LoweredFunc f;
  f.name = "f";
  for (auto &b : bufs)
    f.args.push_back({b->kind == BufferNode::Input ? Arg::InputBuffer : Arg::OutputBuffer, b->name,
                      b->dtype, b});
  f.body = body;
  return f;
}
} // namespace

TEST_CASE("simplify folds integer arithmetic with Python rounding", "[ir]") {
  CHECK(toString(simplify(Binary::make(BinOp::FloorDiv, i32(-7), i32(2)))) == "-4");
  CHECK(toString(simplify(Binary::make(BinOp::FloorMod, i32(-7), i32(2)))) == "1");
  CHECK(toString(simplify(Binary::make(BinOp::FloorMod, i32(7), i32(-2)))) == "-1");
  CHECK(toString(simplify(var("x") * i32(1) + i32(0))) == "x");
  CHECK(toString(simplify(Cast::make(DType::i32(), FloatImm::make(DType::f32(), -2.7)))) == "-2");
  // int8 wraps
  CHECK(toString(simplify(IntImm::make({DType::Int, 8}, 100) +
                          IntImm::make({DType::Int, 8}, 100))) == "int8(-56)");
}

TEST_CASE("simplify drops ifs with constant conditions and empty loops", "[ir]") {
  Buffer c = buffer("c", BufferNode::Output, {4});
  Stmt s = Block::make({IfThenElse::make(Cmp::make(CmpOp::EQ, i32(1), i32(2)),
                                         Store::make(c, {i32(0)}, FloatImm::make(DType::f32(), 1))),
                        For::make("i", i32(0), i32(0), ForKind::Serial,
                                  Store::make(c, {var("i")}, FloatImm::make(DType::f32(), 2)))});
  CHECK(!simplify(s));
}

TEST_CASE("vector index algebra keeps contiguous accesses as ramps", "[ir]") {
  Expr r = Ramp::make(i32(0), i32(1), 8);
  Expr e = simplify(Binary::make(BinOp::Add, Broadcast::make(var("i") * i32(8), 8), r));
  CHECK(toString(e) == "ramp(i * 8, 1, 8)");
}

TEST_CASE("constDifference proves constant offsets", "[ir]") {
  Expr a = var("io") * i32(8) + i32(3), b = var("io") * i32(8);
  REQUIRE(constDifference(a, b).has_value());
  CHECK(*constDifference(a, b) == 3);
  CHECK_FALSE(constDifference(var("i"), var("j")).has_value());
}

TEST_CASE("the verifier rejects unbound variables and bad assignments", "[ir]") {
  Buffer c = buffer("c", BufferNode::Output, {4});
  Stmt ok = For::make("i", i32(0), i32(4), ForKind::Serial,
                      Store::make(c, {var("i")}, FloatImm::make(DType::f32(), 1)));
  CHECK(verify(func(ok, {c})) == "");
  Stmt unbound = Store::make(c, {var("j")}, FloatImm::make(DType::f32(), 1));
  CHECK(verify(func(unbound, {c})).find("unbound variable 'j'") != std::string::npos);
  Stmt assign = Assign::make("s", FloatImm::make(DType::f32(), 1));
  CHECK(verify(func(assign, {c})).find("undeclared variable 's'") != std::string::npos);
  Stmt brk = Break::make();
  CHECK(verify(func(brk, {c})).find("break outside a loop") != std::string::npos);
}

TEST_CASE("unroll, vectorize and promote build a register tile", "[ir]") {
  // for k: for ii in unroll(2): for j in vectorize(4): C[ii, j] += A[ii, k] * B[k, j]
  Buffer A = buffer("A", BufferNode::Input, {2, 8}), B = buffer("B", BufferNode::Input, {8, 4}),
         C = buffer("C", BufferNode::Output, {2, 4});
  Expr upd = Load::make(C, {var("ii"), var("j")}) +
             Load::make(A, {var("ii"), var("k")}) * Load::make(B, {var("k"), var("j")});
  Stmt s = For::make("k", i32(0), i32(8), ForKind::Serial,
                     For::make("ii", i32(0), i32(2), ForKind::Unrolled,
                               For::make("j", i32(0), i32(4), ForKind::Vectorized,
                                         Store::make(C, {var("ii"), var("j")}, upd))));
  Stmt out = simplify(promoteAccumulators(vectorizeLoops(unrollLoops(s))));
  std::string text = toString(out);
  CHECK(text.find("var C.acc0: float32x4") != std::string::npos);
  CHECK(text.find("var C.acc1: float32x4") != std::string::npos);
  CHECK(text.find("C.acc1 = C.acc1 + broadcast(A[1, k], 4) * B[k, ramp(0, 1, 4)]") !=
        std::string::npos);
  CHECK(text.find("C[1, ramp(0, 1, 4)] = C.acc1") != std::string::npos);
  CHECK(verify(func(out, {A, B, C})) == "");
}

TEST_CASE("unswitch lifts a loop-invariant guard", "[ir]") {
  Buffer c = buffer("c", BufferNode::Output, {16});
  Stmt body = IfThenElse::make(Cmp::make(CmpOp::LT, var("n"), i32(4)),
                               Store::make(c, {var("i")}, FloatImm::make(DType::f32(), 1)));
  Stmt s = For::make("i", i32(0), i32(16), ForKind::Serial, body);
  Stmt out = unswitchLoops(s);
  REQUIRE(out.as<IfThenElse>());
  CHECK(out.as<IfThenElse>()->then.as<For>());
}

TEST_CASE("vectorize recognises sum and max reductions", "[ir]") {
  // var s; s = 0; for j in vectorize(8): s = s + A[j];  C[0] = max over j
  Buffer A = buffer("A", BufferNode::Input, {8}), C = buffer("C", BufferNode::Output, {2});
  Expr s = Var::make(DType::f32(), "s");
  Stmt body = Block::make({Assign::make("s", FloatImm::make(DType::f32(), 0)),
                           For::make("j", i32(0), i32(8), ForKind::Vectorized,
                                     Assign::make("s", s + Load::make(A, {var("j")}))),
                           For::make("j", i32(0), i32(8), ForKind::Vectorized,
                                     Store::make(C, {i32(1)},
                                                 Binary::make(BinOp::Max, Load::make(C, {i32(1)}),
                                                              Load::make(A, {var("j")})))),
                           Store::make(C, {i32(0)}, s)});
  Stmt out = simplify(vectorizeLoops(VarDecl::make("s", DType::f32(), body)));
  std::string text = toString(out);
  CHECK(text.find("s = s + reduce_add(A[ramp(0, 1, 8)])") != std::string::npos);
  CHECK(text.find("C[1] = max(C[1], reduce_max(A[ramp(0, 1, 8)]))") != std::string::npos);
  // A second read of the accumulator is not a reduction: the loop stays.
  Stmt carried = For::make(
      "j", i32(0), i32(8), ForKind::Vectorized,
      Block::make({Assign::make("s", s + Load::make(A, {var("j")})), Store::make(C, {i32(0)}, s)}));
  CHECK(toString(vectorizeLoops(VarDecl::make("s", DType::f32(), carried))).find("vectorized") !=
        std::string::npos);
}

TEST_CASE("vectorize with masks predicates a per-lane if; the verifier checks predicates", "[ir]") {
  // for j in vectorize(8): if A[j] > 0: C[j] = A[j] else: D[j] = 0
  Buffer A = buffer("A", BufferNode::Input, {8}), C = buffer("C", BufferNode::Output, {8}),
         D = buffer("D", BufferNode::Output, {8});
  Expr pos = Cmp::make(CmpOp::GT, Load::make(A, {var("j")}), FloatImm::make(DType::f32(), 0));
  Stmt body = IfThenElse::make(pos, Store::make(C, {var("j")}, Load::make(A, {var("j")})),
                               Store::make(D, {var("j")}, FloatImm::make(DType::f32(), 0)));
  Stmt loop = For::make("j", i32(0), i32(8), ForKind::Vectorized, body);
  // Without masks the loop stays a loop; with them both branches are vector
  // stores under the let-bound condition and its negation (A[j], read by
  // the condition in every lane, is read again unmasked).
  CHECK(toString(vectorizeLoops(loop)).find("for j in 0..8 vectorized") != std::string::npos);
  Stmt out = simplify(vectorizeLoops(loop, true));
  std::string text = toString(out);
  CHECK(text.find("let j.mask1 = A[ramp(0, 1, 8)] > broadcast(0.0, 8)") != std::string::npos);
  CHECK(text.find("C[ramp(0, 1, 8) where j.mask1] = A[ramp(0, 1, 8)]") != std::string::npos);
  CHECK(text.find("D[ramp(0, 1, 8) where not j.mask1] = broadcast(0.0, 8)") != std::string::npos);
  CHECK(verify(func(out, {A, C, D})) == "");
  // Both branches storing into C[j]: one store of a blend.
  Stmt same = IfThenElse::make(pos, Store::make(C, {var("j")}, Load::make(A, {var("j")})),
                               Store::make(C, {var("j")}, FloatImm::make(DType::f32(), 0)));
  text = toString(
      simplify(vectorizeLoops(For::make("j", i32(0), i32(8), ForKind::Vectorized, same), true)));
  CHECK(text.find("C[ramp(0, 1, 8)] = A[ramp(0, 1, 8)] if j.mask1 else broadcast(0.0, 8)") !=
        std::string::npos);

  // Predicates take part in equality, and must be bool vectors as wide as
  // the access (any width for a scalar access).
  Expr ramp = Ramp::make(i32(0), i32(1), 8);
  Expr m8 = Cmp::make(CmpOp::LT, ramp, Broadcast::make(var("n"), 8));
  CHECK_FALSE(equal(Load::make(A, {ramp}), Load::make(A, {ramp}, m8)));
  CHECK(equal(Load::make(A, {ramp}, m8), Load::make(A, {ramp}, m8)));
  Stmt scalar =
      LetStmt::make("n", i32(3), Store::make(C, {i32(0)}, Load::make(A, {i32(1)}, m8), m8));
  CHECK(verify(func(scalar, {A, C})) == "");
  Expr ramp4 = Ramp::make(i32(0), i32(1), 4);
  Stmt wide = LetStmt::make("n", i32(3), Store::make(C, {ramp4}, Load::make(A, {ramp4}), m8));
  CHECK(verify(func(wide, {A, C})).find("predicate of type bool") != std::string::npos);
}
