//===- AnalysisTest.cpp - lib/Analysis: linear forms, bounds, effects ------===//
#include "hybridc/Analysis/LoopNest.h"
#include "hybridc/Analysis/Simplify.h"
#include "hybridc/IR/IRPrinter.h"

#include <catch2/catch.hpp>

using namespace hybridc;
using namespace hybridc::ir;
using namespace hybridc::ir::loopnest;

namespace {
Expr i32(int64_t v) { return IntImm::make(DType::i32(), v); }
Expr var(const char *n) { return Var::make(DType::i32(), n); }
Buffer buffer(const char *name) {
  auto b = std::make_shared<BufferNode>();
  b->name = name;
  b->dtype = DType::f32();
  b->kind = BufferNode::Output;
  b->shape = {IntImm::make(DType::i64(), 64)};
  b->strides = {IntImm::make(DType::i64(), 1)};
  return b;
}
} // namespace

TEST_CASE("linear forms combine equal atoms and see through integer casts", "[analysis]") {
  // (io*8 + ii) * 2 - io*16 + int32(int64(j)) - 3
  Expr e = (var("io") * i32(8) + var("ii")) * i32(2) - var("io") * i32(16) +
           Cast::make(DType::i32(), Cast::make(DType::i64(), var("j"))) - i32(3);
  LinearForm f = linearize(e);
  CHECK(f.constant == -3);
  CHECK(f.coeffOf("io") == 0);
  CHECK(f.coeffOf("ii") == 2);
  CHECK(f.coeffOf("j") == 1);
  // A floordiv is an atom: equal ones cancel, different ones do not.
  Expr d = Binary::make(BinOp::FloorDiv, var("k"), i32(4));
  CHECK(constDifference(d + i32(5), d) == 5);
  CHECK(!constDifference(d, Binary::make(BinOp::FloorDiv, var("k"), i32(8))));
  CHECK(toString(simplify(fromLinear(linearize(var("a") * i32(3) - var("a") * i32(3) + i32(7)),
                                     DType::i32()))) == "7");
}

TEST_CASE("interval bounds follow loop ranges through + * // % min max", "[analysis]") {
  VarRange range = [](const std::string &n) -> Interval {
    if (n == "i") return {0, 3};  // for i in 0..4
    if (n == "j") return {-2, 5}; // for j in -2..8
    return {};
  };
  Interval a = bounds(var("i") * i32(4) + var("j"), range);
  CHECK(a.lo == -2);
  CHECK(a.hi == 17);
  Interval m = bounds(Binary::make(BinOp::FloorMod, var("j"), i32(3)), range);
  CHECK(m.lo == 0);
  CHECK(m.hi == 2);
  Interval c = bounds(Binary::make(BinOp::Min, var("j"), i32(1)), range);
  CHECK(c.lo == -2);
  CHECK(c.hi == 1);
  CHECK(!bounds(var("n"), range).bounded());
  Interval l = loopRange(i32(2), i32(5), range);
  CHECK(l.lo == 2);
  CHECK(l.hi == 6);
}

TEST_CASE("effects see assignments at any depth and the loop's own break", "[analysis]") {
  Buffer out = buffer("out");
  // for t in 0..4: (if t > 1: k = k + 1; break) ; out[k] = 1.0; for u: (while ...: break)
  Stmt inner = For::make("u", i32(0), i32(2), ForKind::Serial,
                         While::make(Cmp::make(CmpOp::LT, var("u"), i32(1)), Break::make()));
  Stmt body = Block::make(
      {IfThenElse::make(Cmp::make(CmpOp::GT, var("t"), i32(1)),
                        Block::make({Assign::make("k", var("k") + i32(1)), Break::make()})),
       Store::make(out, {Cast::make(DType::i64(), var("k"))}, FloatImm::make(DType::f32(), 1)),
       inner});
  Effects e = effectsOf(body);
  CHECK(e.written.count("k"));
  CHECK(e.written.count("u")); // a loop variable bound inside
  CHECK(!e.written.count("t"));
  CHECK(e.stored.count(out.get()));
  CHECK(e.ownExit); // the break under the if leaves t's loop; the one in the while does not
  CHECK(countTopLevelLoops(body) == 1);
  CHECK(countTopLevelLoops(For::make("t", i32(0), i32(4), ForKind::Serial, body)) == 1);
  CHECK(countTopLevelLoops(Block::make({inner, inner})) == 2);
}

TEST_CASE("reductions are recognised in any association, loads may trap", "[analysis]") {
  Buffer a = buffer("a");
  Expr load = Load::make(a, {Cast::make(DType::i64(), var("j"))});
  Expr acc = Var::make(DType::f32(), "acc");
  auto isAcc = [](const Expr &e) {
    auto *v = e.as<Var>();
    return v && v->name == "acc";
  };
  BinOp op = BinOp::Sub;
  Expr rest = reductionRest(load + (acc + FloatImm::make(DType::f32(), 1)), isAcc, op);
  REQUIRE(rest);
  CHECK(op == BinOp::Add);
  CHECK(!reductionRest(acc + acc, isAcc, op)); // the accumulator twice
  CHECK(!reductionRest(acc * FloatImm::make(DType::f32(), 2) + load, isAcc, op)); // two ops
  Expr mx = Binary::make(BinOp::Max, load, acc);
  REQUIRE(reductionRest(mx, isAcc, op));
  CHECK(op == BinOp::Max);
  CHECK(mayTrap(load + FloatImm::make(DType::f32(), 1)));
  CHECK(!mayTrap(Binary::make(BinOp::FloorDiv, var("i"), var("n")))); // x // 0 is 0
}
