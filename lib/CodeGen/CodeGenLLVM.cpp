//===- CodeGenLLVM.cpp - Loop IR to LLVM IR --------------------------------===//
//
// The target-independent part of code generation. A kernel becomes
//
//   entry:   allocas of mutable variables and small buffers
//   check.*: null pointers and LoweredFunc::argChecks -> report, return 2
//   body:    the loop nest (blocks "for.i", "for.i.body", "for.i.latch",
//            "for.i.end"; "while.cond", "if.then", "assert.fail", ...)
//
// Conventions: accesses arrive flattened (flatten-storage): one int64
// element offset each, whose additions and multiplications are nsw;
// bool is i1 in registers and i8 in memory; float16 is `half` (the C ABI
// passes its bits as i16). Integer division and modulo never trap: a zero
// divisor gives 0 (Halide's rule) and INT_MIN // -1 wraps. Every exit path
// (normal end, failed assert, failed allocation, break/continue out of an
// allocation's scope) frees the heap buffers that are live there.
//
//===----------------------------------------------------------------------===//
#include "CodeGenLLVM.h"
#include "VectorMath.h"

#include "hybridc/Analysis/LoopNest.h"
#include "hybridc/Support/InternalError.h"
#include "hybridc/Support/SourceManager.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/DIBuilder.h"
#include "llvm/IR/Intrinsics.h"
#include "llvm/IR/IntrinsicsX86.h"
#include "llvm/IR/MDBuilder.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/Transforms/Utils/Local.h"

#include <algorithm>
#include <optional>

namespace hybridc::codegen {

using namespace ir;
using llvm::Value;

namespace {

/// Whether evaluating `e` may trap (a load, or an integer division by a
/// divisor that is not a non-zero constant): such operands of and/or/select
/// are evaluated only when needed (branches instead of select).
class MayTrap : public IRVisitor {
public:
  bool result = false;
  using IRVisitor::visit;

protected:
  void visit(const Load *) override { result = true; }
  void visit(const Binary *op) override {
    if ((op->op == BinOp::Div || op->op == BinOp::FloorDiv || op->op == BinOp::FloorMod) &&
        !op->type.isFloat()) {
      const int64_t *c = asConstInt(op->b);
      if (auto *bc = op->b.as<Broadcast>()) c = asConstInt(bc->value);
      if (!c || *c == 0) result = true;
    }
    IRVisitor::visit(op);
  }
};

bool mayTrap(const Expr &e) {
  MayTrap v;
  v.visit(e);
  return v.result;
}

} // namespace

CodeGenLLVM::CodeGenLLVM(llvm::Module &module, llvm::TargetMachine *tm)
    : module_(module), ctx_(module.getContext()), tm_(tm), b_(module.getContext()) {
  // Floating-point: IEEE, except that a multiply feeding an add may be fused
  // (as C compilers do by default); nothing else is reassociated.
  llvm::FastMathFlags fmf;
  fmf.setAllowContract();
  b_.setFastMathFlags(fmf);
  if (tm_)
    vectorMathTarget_.x86Avx512 =
        VectorMathTarget::hasX86Avx512(tm_->getTargetTriple(), tm_->getMCSubtargetInfo());
}

CodeGenLLVM::~CodeGenLLVM() = default;

//===--- Types and small helpers ---------------------------------------------===//

llvm::Type *CodeGenLLVM::llvmType(DType t) const {
  llvm::Type *e = nullptr;
  switch (t.code) {
  case DType::Bool: e = llvm::Type::getInt1Ty(ctx_); break;
  case DType::Int:
  case DType::UInt: e = llvm::Type::getIntNTy(ctx_, t.bits); break;
  case DType::Float:
    e = t.bits == 16   ? llvm::Type::getHalfTy(ctx_)
        : t.bits == 32 ? llvm::Type::getFloatTy(ctx_)
                       : llvm::Type::getDoubleTy(ctx_);
    break;
  case DType::Invalid: HY_UNREACHABLE("codegen of an invalid dtype");
  }
  return t.lanes > 1 ? llvm::FixedVectorType::get(e, t.lanes) : e;
}

llvm::Type *CodeGenLLVM::memType(DType t) const {
  if (t.isBool()) return llvmType(DType(DType::UInt, 8, t.lanes));
  return llvmType(t);
}

llvm::Value *CodeGenLLVM::fromMemory(Value *v, DType t) {
  if (!t.isBool()) return v;
  return b_.CreateICmpNE(v, llvm::Constant::getNullValue(v->getType()));
}

llvm::Value *CodeGenLLVM::toMemory(Value *v, DType t) {
  if (!t.isBool()) return v;
  return b_.CreateZExt(v, memType(t));
}

llvm::Value *CodeGenLLVM::splat(Value *v, unsigned lanes) {
  if (lanes <= 1 || v->getType()->isVectorTy()) return v;
  return b_.CreateVectorSplat(lanes, v);
}

llvm::Constant *CodeGenLLVM::constant(DType t, double v) {
  llvm::Type *ty = llvmType(t);
  if (t.isFloat()) return llvm::ConstantFP::get(ty, v);
  return llvm::ConstantInt::get(ty, uint64_t(int64_t(v)), t.isInt());
}

llvm::Value *CodeGenLLVM::callIntrinsic(unsigned id, llvm::ArrayRef<llvm::Type *> types,
                                        llvm::ArrayRef<Value *> args, const llvm::Twine &name) {
  llvm::Function *f = llvm::Intrinsic::getDeclaration(&module_, llvm::Intrinsic::ID(id), types);
  return b_.CreateCall(f, args, name);
}

llvm::BasicBlock *CodeGenLLVM::newBlock(const std::string &name) {
  return llvm::BasicBlock::Create(ctx_, name, fn_);
}

namespace {
/// Makes `bb` the insertion block and moves it to the end of the function,
/// so that blocks are laid out in the order they are emitted.
void enter(llvm::IRBuilder<> &b, llvm::BasicBlock *bb) {
  bb->moveAfter(&bb->getParent()->back());
  b.SetInsertPoint(bb);
}

} // namespace

void CodeGenLLVM::startDeadBlock(const std::string &name) { enter(b_, newBlock(name)); }

llvm::AllocaInst *CodeGenLLVM::entryAlloca(llvm::Type *t, Value *count, const std::string &name,
                                           unsigned align) {
  llvm::BasicBlock &entry = fn_->getEntryBlock();
  // Allocas go before the entry block's branch, in creation order.
  llvm::IRBuilder<> tmp(&entry, entry.getTerminator()->getIterator());
  llvm::AllocaInst *a = tmp.CreateAlloca(t, count, name);
  a->setAlignment(llvm::Align(align));
  return a;
}

const CodeGenLLVM::Symbol *CodeGenLLVM::lookup(const std::string &name) const {
  for (auto it = symbols_.rbegin(); it != symbols_.rend(); ++it)
    if (it->first == name) return &it->second;
  return nullptr;
}

//===--- Exits and errors ------------------------------------------------------===//

void CodeGenLLVM::emitFreesDownTo(size_t depth) {
  for (size_t i = heap_.size(); i > depth; --i) emitHeapFree(heap_[i - 1]);
}

void CodeGenLLVM::emitReturn(int code) {
  emitFreesDownTo(0);
  b_.CreateRet(b_.getInt32(code));
}

void CodeGenLLVM::emitCheck(Value *ok, int code, const std::string &message,
                            const std::string &blockName) {
  llvm::BasicBlock *fail = newBlock(blockName + ".fail");
  llvm::BasicBlock *cont = newBlock(blockName + ".ok");
  llvm::MDBuilder md(ctx_);
  b_.CreateCondBr(ok, cont, fail, md.createBranchWeights(1u << 20, 1));
  enter(b_, fail);
  emitReportError(code, message);
  emitReturn(code);
  enter(b_, cont);
}

void CodeGenLLVM::emitReportError(int code, const std::string &message) {
  llvm::Type *ptr = llvm::PointerType::getUnqual(ctx_);
  llvm::FunctionCallee f = module_.getOrInsertFunction(
      "hybridc_rt_v2_report_error",
      llvm::FunctionType::get(b_.getVoidTy(), {ptr, b_.getInt32Ty(), ptr}, false));
  if (auto *fn = llvm::dyn_cast<llvm::Function>(f.getCallee())) fn->setDoesNotThrow();
  Value *msg = b_.CreateGlobalString(message, "msg", 0, &module_);
  b_.CreateCall(f, {kernelName_, b_.getInt32(code), msg});
}

llvm::Value *CodeGenLLVM::emitHeapAlloc(Value *bytes, const std::string &name) {
  llvm::Type *ptr = llvm::PointerType::getUnqual(ctx_);
  llvm::FunctionCallee f = module_.getOrInsertFunction(
      "hybridc_rt_v2_malloc", llvm::FunctionType::get(ptr, {b_.getInt64Ty()}, false));
  if (auto *fn = llvm::dyn_cast<llvm::Function>(f.getCallee())) {
    fn->setDoesNotThrow();
    fn->addRetAttr(llvm::Attribute::NoAlias);
  }
  return b_.CreateCall(f, {bytes}, name);
}

void CodeGenLLVM::emitHeapFree(Value *p) {
  llvm::Type *ptr = llvm::PointerType::getUnqual(ctx_);
  llvm::FunctionCallee f = module_.getOrInsertFunction(
      "hybridc_rt_v2_free", llvm::FunctionType::get(b_.getVoidTy(), {ptr}, false));
  if (auto *fn = llvm::dyn_cast<llvm::Function>(f.getCallee())) fn->setDoesNotThrow();
  b_.CreateCall(f, {p});
}

void CodeGenLLVM::addKernelAttributes(llvm::Function *fn) {
  if (!tm_) return;
  if (!tm_->getTargetCPU().empty()) fn->addFnAttr("target-cpu", tm_->getTargetCPU());
  if (!tm_->getTargetFeatureString().empty())
    fn->addFnAttr("target-features", tm_->getTargetFeatureString());
}

//===--- Debug info ----------------------------------------------------------===//

void CodeGenLLVM::enableDebugInfo(const SourceManager &sm) {
  sm_ = &sm;
  di_ = std::make_unique<llvm::DIBuilder>(module_);
  module_.addModuleFlag(llvm::Module::Warning, "Debug Info Version", llvm::DEBUG_METADATA_VERSION);
  module_.addModuleFlag(llvm::Module::Warning, "Dwarf Version", 5);
}

llvm::DIFile *CodeGenLLVM::diFile(uint32_t buffer) {
  llvm::DIFile *&f = diFiles_[buffer];
  if (!f) {
    std::string path = buffer ? sm_->name(buffer) : "<unknown>";
    size_t slash = path.rfind('/');
    std::string dir = slash == std::string::npos ? "." : path.substr(0, slash);
    f = di_->createFile(slash == std::string::npos ? path : path.substr(slash + 1), dir);
  }
  return f;
}

void CodeGenLLVM::setLocation(SourceLoc loc) {
  if (!sp_ || !loc.isValid()) return;
  LineCol lc = sm_->lineCol(loc);
  b_.SetCurrentDebugLocation(llvm::DILocation::get(ctx_, lc.line, lc.col, sp_));
}

void CodeGenLLVM::finishDebugInfo() {
  if (di_) di_->finalize();
}

//===--- Functions ---------------------------------------------------------------===//

llvm::Function *CodeGenLLVM::compile(const LoweredFunc &f) {
  func_ = &f;
  symbols_.clear();
  buffers_.clear();
  heap_.clear();
  loops_.clear();

  // The signature (docs/contract.md §4): scalars by value, buffers as pointers,
  // strided inputs followed by one i64 stride per dimension.
  llvm::Type *ptr = llvm::PointerType::getUnqual(ctx_);
  std::vector<llvm::Type *> params;
  for (const Arg &a : f.args) {
    if (a.kind == Arg::Scalar) {
      DType t = a.dtype;
      params.push_back(t.isBool()                      ? b_.getInt8Ty()
                       : (t.isFloat() && t.bits == 16) ? b_.getInt16Ty()
                                                       : llvmType(t));
      continue;
    }
    HY_ASSERT(a.buffer, "buffer argument '" + a.name + "' without a buffer");
    params.push_back(ptr);
    if (a.kind == Arg::InputBuffer && a.buffer->strided)
      for (size_t k = 0; k < a.buffer->shape.size(); ++k) params.push_back(b_.getInt64Ty());
  }
  for (size_t k = 0; k < extraPtrParams_.size(); ++k) params.push_back(ptr);
  HY_ASSERT(!module_.getNamedValue(f.name), "kernel '" + f.name + "' defined twice");
  fn_ = llvm::Function::Create(llvm::FunctionType::get(b_.getInt32Ty(), params, false),
                               llvm::GlobalValue::ExternalLinkage, f.name, module_);
  fn_->setDoesNotThrow();
  addKernelAttributes(fn_);

  sp_ = nullptr;
  b_.SetCurrentDebugLocation(llvm::DebugLoc());
  if (di_) {
    llvm::DIFile *file = diFile(f.loc.buffer);
    if (!cu_)
      cu_ = di_->createCompileUnit(llvm::dwarf::DW_LANG_C99, file, "hybridc", true, "", 0, "",
                                   llvm::DICompileUnit::LineTablesOnly);
    unsigned line = f.loc.isValid() ? sm_->lineCol(f.loc).line : 0;
    sp_ = di_->createFunction(file, f.sourceName.empty() ? f.name : f.sourceName, f.name, file,
                              line, di_->createSubroutineType(di_->getOrCreateTypeArray({})), line,
                              llvm::DINode::FlagPrototyped,
                              llvm::DISubprogram::SPFlagDefinition |
                                  llvm::DISubprogram::SPFlagOptimized);
    fn_->setSubprogram(sp_);
    if (!f.loc.isValid()) b_.SetCurrentDebugLocation(llvm::DILocation::get(ctx_, line, 0, sp_));
    setLocation(f.loc);
  }

  llvm::BasicBlock *entry = newBlock("entry");
  llvm::BasicBlock *start = newBlock("args");
  b_.SetInsertPoint(entry);
  b_.CreateBr(start);
  b_.SetInsertPoint(start);
  kernelName_ = b_.CreateGlobalString(f.name, "kernel.name", 0, &module_);

  // Name the parameters and bind scalars and strides.
  unsigned p = 0;
  std::vector<std::pair<const Arg *, Value *>> bufferArgs;
  for (const Arg &a : f.args) {
    llvm::Argument *arg = fn_->getArg(p++);
    arg->setName(a.name);
    if (a.kind == Arg::Scalar) {
      Value *v = arg;
      if (a.dtype.isBool())
        v = b_.CreateICmpNE(arg, b_.getInt8(0), a.name + ".bool");
      else if (a.dtype.isFloat() && a.dtype.bits == 16)
        v = b_.CreateBitCast(arg, b_.getHalfTy(), a.name + ".half");
      pushSymbol(a.name, {v, nullptr});
      continue;
    }
    arg->addAttr(llvm::Attribute::NoAlias);
    arg->addAttr(llvm::Attribute::NoCapture);
    arg->addAttr(llvm::Attribute::NoUndef);
    if (a.kind == Arg::InputBuffer && !a.buffer->written) arg->addAttr(llvm::Attribute::ReadOnly);
    bufferArgs.emplace_back(&a, arg);
    if (a.kind == Arg::InputBuffer && a.buffer->strided) {
      for (size_t k = 0; k < a.buffer->shape.size(); ++k) {
        llvm::Argument *s = fn_->getArg(p++);
        std::string name = strideName(a.buffer->name, k);
        s->setName(name);
        pushSymbol(name, {s, nullptr});
      }
    }
  }

  for (const std::string &name : extraPtrParams_) {
    llvm::Argument *arg = fn_->getArg(p++);
    arg->setName(name);
    pushSymbol(name, {arg, nullptr});
  }

  // Entry checks: null pointers, then the lowering's argument conditions.
  for (auto &[a, v] : bufferArgs)
    if (checkArgs_)
      emitCheck(b_.CreateIsNotNull(v), 2, "argument '" + a->name + "' is null", "check." + a->name);
  for (auto &[cond, message] : f.argChecks) emitCheck(codegen(cond), 2, message, "check");

  for (auto &[a, v] : bufferArgs) bindBuffer(a->buffer, v);

  llvm::BasicBlock *body = newBlock("body");
  b_.CreateBr(body);
  enter(b_, body);
  visit(f.body);
  if (!b_.GetInsertBlock()->getTerminator()) emitReturn(0);

  llvm::removeUnreachableBlocks(*fn_);
  fenceStreamedFunctions();
  if (sp_) di_->finalizeSubprogram(sp_);
  sp_ = nullptr;
  b_.SetCurrentDebugLocation(llvm::DebugLoc());
  llvm::Function *done = fn_;
  fn_ = nullptr;
  func_ = nullptr;
  return done;
}

//===--- Vector offsets -------------------------------------------------------===//

namespace {

/// The lane of a vector offset written per lane: ramp(b, s, n) is
/// `b + s * %lane` (not a name a program can use).
const char *const kLane = "%lane";

/// `e` as the scalar expression of lane `%lane` (broadcasts dropped, ramps
/// expanded), or null where it is not lane arithmetic (a vector load).
Expr perLane(const Expr &e) {
  if (e.type().lanes == 1) return e;
  if (auto *b = e.as<Broadcast>()) return b->value;
  if (auto *r = e.as<Ramp>()) {
    Expr lane = Cast::make(r->base.type(), Var::make(DType::i64(), kLane));
    return Binary::make(BinOp::Add, r->base, Binary::make(BinOp::Mul, r->stride, lane));
  }
  if (auto *c = e.as<Cast>()) {
    Expr v = perLane(c->value);
    return v ? Cast::make(c->type.element(), v) : Expr();
  }
  if (auto *bin = e.as<Binary>()) {
    Expr x = perLane(bin->a), y = perLane(bin->b);
    return x && y ? Binary::make(bin->op, x, y) : Expr();
  }
  return Expr();
}

/// A vector offset `first + lane * stride + k * ((c + lane) // d)` (k = 0:
/// no step): what a vectorized loop over a fused index gives (`(p // 56) *
/// 58 + p % 56` for p = ramp(p0, 1, 16) is p0 + lane + 2 * ((p0 + lane) //
/// 56)). Built on loopnest::linearize: `x % d` is read as x - d * (x // d)
/// and equal `x // d` terms merge, so `(p // 56) * 56 + p % 56` is p.
struct LaneOffset {
  Expr first;
  int64_t stride = 0;
  loopnest::LinearForm c; // without the lane
  int64_t d = 0, k = 0;
};

std::optional<LaneOffset> laneOffset(const Expr &offset) {
  using loopnest::LinearForm;
  Expr perLaneOffset = perLane(offset);
  if (!perLaneOffset) return std::nullopt;
  LinearForm f = loopnest::linearize(perLaneOffset);
  // The part of `x` (a `// d` or `% d` operand) without the lane, when x is
  // that plus the lane itself.
  auto stepBase = [](const Expr &x) -> std::optional<LinearForm> {
    LinearForm lx = loopnest::linearize(x);
    if (lx.coeffOf(kLane) != 1) return std::nullopt;
    lx.terms.erase(kLane);
    for (auto &[key, term] : lx.terms)
      if (loopnest::usesVar(term.first, kLane)) return std::nullopt;
    return lx;
  };
  // `x % d` with the lane in x: x - d * (x // d).
  LinearForm g;
  g.constant = f.constant;
  for (auto &[key, term] : f.terms) {
    auto *mod = term.first.as<Binary>();
    const int64_t *d = mod && mod->op == BinOp::FloorMod ? asConstInt(mod->b) : nullptr;
    if (d && loopnest::usesVar(term.first, kLane)) {
      g.add(loopnest::linearize(mod->a), term.second);
      g.add(loopnest::linearize(Binary::make(BinOp::FloorDiv, mod->a, mod->b)), -term.second * *d);
    } else {
      LinearForm one;
      one.terms.emplace(key, term);
      g.add(one, 1);
    }
  }
  LaneOffset out;
  LinearForm first;
  first.constant = g.constant;
  for (auto &[key, term] : g.terms) {
    if (term.second == 0) continue;
    if (key == kLane) {
      out.stride = term.second;
      continue;
    }
    if (!loopnest::usesVar(term.first, kLane)) {
      first.terms.emplace(key, term);
      continue;
    }
    auto *div = term.first.as<Binary>();
    const int64_t *d = div && div->op == BinOp::FloorDiv ? asConstInt(div->b) : nullptr;
    std::optional<LinearForm> c = d && *d > 0 ? stepBase(div->a) : std::nullopt;
    if (!c || out.k) return std::nullopt; // not a step, or a second one
    out.c = *c, out.d = *d, out.k = term.second;
  }
  out.first = loopnest::fromLinear(first, DType::i64());
  return out;
}

} // namespace

//===--- Buffers -------------------------------------------------------------===//

llvm::Value *CodeGenLLVM::bufferBase(const Buffer &buf) {
  auto it = buffers_.find(buf.get());
  if (it != buffers_.end()) return it->second;
  HY_ASSERT(buf->kind == BufferNode::Const, "codegen: buffer '" + buf->name + "' is not bound");
  // A constant table: a private global, created on first use.
  llvm::GlobalVariable *&g = constBuffers_[buf.get()];
  if (!g) {
    std::vector<llvm::Constant *> elems;
    DType t = buf->dtype;
    for (double v : buf->constData)
      elems.push_back(t.isBool() ? llvm::ConstantInt::get(memType(t), v != 0) : constant(t, v));
    auto *arrTy = llvm::ArrayType::get(memType(t), elems.size());
    g = new llvm::GlobalVariable(module_, arrTy, true, llvm::GlobalValue::PrivateLinkage,
                                 llvm::ConstantArray::get(arrTy, elems), buf->name);
    g->setUnnamedAddr(llvm::GlobalValue::UnnamedAddr::Global);
    g->setAlignment(llvm::Align(std::max(16u, t.bytes())));
  }
  bindBuffer(buf, g);
  return g;
}

llvm::Value *CodeGenLLVM::codegenOffset(const Expr &e) {
  // Address arithmetic of an element in bounds cannot wrap: an offset that
  // overflows int64 addresses no element (FlattenStorage.cpp).
  auto *bin = e.as<Binary>();
  if (!bin || e.type().element() != DType::i64() ||
      (bin->op != BinOp::Add && bin->op != BinOp::Mul))
    return codegen(e);
  Value *a = codegenOffset(bin->a);
  Value *b = codegenOffset(bin->b);
  return bin->op == BinOp::Add ? b_.CreateAdd(a, b, "", false, true)
                               : b_.CreateMul(a, b, "", false, true);
}

llvm::Value *CodeGenLLVM::elementAddress(const Buffer &buf, const std::vector<Expr> &offsets,
                                         unsigned lanes, Value *&vecPtrs, Pieces *pieces) {
  HY_ASSERT(func_->storageFlat && offsets.size() <= 1,
            "access to '" + buf->name + "' not flattened (flatten-storage)");
  Value *base = bufferBase(buf);
  llvm::Type *elemTy = memType(buf->dtype);
  vecPtrs = nullptr;
  if (offsets.empty()) { // a zero-dimensional buffer
    if (lanes == 1) return base;
    vecPtrs = b_.CreateVectorSplat(lanes, base);
    return nullptr;
  }
  const Expr &offset = offsets[0];
  if (lanes == 1)
    return b_.CreateInBoundsGEP(elemTy, base, codegenOffset(offset), buf->name + ".addr");
  auto *ramp = offset.as<Ramp>();
  if (ramp && isConstInt(ramp->stride, 1))
    return b_.CreateInBoundsGEP(elemTy, base, codegenOffset(ramp->base), buf->name + ".addr");
  if (std::optional<LaneOffset> f = laneOffset(offset)) {
    if (f->stride == 1 && !f->k) // contiguous after all
      return b_.CreateInBoundsGEP(elemTy, base, codegenOffset(f->first), buf->name + ".addr");
    if (pieces && f->stride == 1 && f->k > 0 && f->d >= int64_t(lanes)) {
      // Two contiguous runs: lanes below `split` at first + k * (c // d),
      // the others k further (docs/architecture.md, "Vector accesses").
      Expr d = makeConst(DType::i64(), f->d);
      Expr c = loopnest::fromLinear(f->c, DType::i64());
      Expr q0 = Binary::make(BinOp::FloorDiv, c, d);
      Expr splitExpr = Binary::make(BinOp::Sub, d, Binary::make(BinOp::FloorMod, c, d));
      // Where every coefficient in c is a multiple of d (a tile of whole
      // rows: c = po * 112 + 48 in rows of 56), the split is a constant:
      // LLVM then drops the second load of a vector that stays in its row.
      loopnest::LinearForm q = f->c;
      bool whole = true;
      for (auto &[key, term] : q.terms) whole &= term.second % f->d == 0;
      if (whole) {
        int64_t r = ((q.constant % f->d) + f->d) % f->d;
        splitExpr = makeConst(DType::i64(), f->d - r);
        q.constant = (q.constant - r) / f->d;
        for (auto &[key, term] : q.terms) term.second /= f->d;
        q0 = loopnest::fromLinear(q, DType::i64());
      }
      Expr first = Binary::make(BinOp::Add, f->first,
                                Binary::make(BinOp::Mul, q0, makeConst(DType::i64(), f->k)));
      Value *split = codegen(splitExpr);
      std::vector<llvm::Constant *> iota;
      for (unsigned i = 0; i < lanes; ++i) iota.push_back(b_.getInt64(i));
      pieces->mask =
          b_.CreateICmpULT(llvm::ConstantVector::get(iota), splat(split, lanes), buf->name + ".lo");
      pieces->split = split;
      pieces->lanes = lanes;
      pieces->step = f->k;
      return b_.CreateInBoundsGEP(elemTy, base, codegenOffset(first), buf->name + ".addr");
    }
  }
  // A gather/scatter: per-lane offsets.
  Value *v = splat(codegenOffset(offset), lanes);
  vecPtrs = b_.CreateInBoundsGEP(elemTy, base, v, buf->name + ".addrs");
  return nullptr;
}

//===--- Expressions -----------------------------------------------------------===//

llvm::Value *CodeGenLLVM::codegen(const Expr &e) {
  HY_ASSERT(e, "codegen of a null expression");
  value_ = nullptr;
  visit(e);
  HY_ASSERT(value_, "codegen produced no value for " + std::string(e->type.str()));
  Value *v = value_;
  value_ = nullptr;
  return v;
}

void CodeGenLLVM::visit(const IntImm *op) {
  value_ = llvm::ConstantInt::get(llvmType(op->type), uint64_t(op->value), op->type.isInt());
}

void CodeGenLLVM::visit(const FloatImm *op) {
  value_ = llvm::ConstantFP::get(llvmType(op->type), op->value);
}

void CodeGenLLVM::visit(const StringImm *op) {
  value_ = b_.CreateGlobalString(op->value, "str", 0, &module_);
}

void CodeGenLLVM::visit(const Var *op) {
  const Symbol *s = lookup(op->name);
  HY_ASSERT(s, "codegen: variable '" + op->name + "' is not bound");
  value_ = s->mutableType ? b_.CreateLoad(s->mutableType, s->value, op->name) : s->value;
}

llvm::Value *CodeGenLLVM::castValue(Value *v, DType from, DType to) {
  if (from == to) return v;
  HY_ASSERT(from.lanes == to.lanes, "cast changes lanes");
  llvm::Type *dt = llvmType(to);
  if (to.isBool()) {
    Value *zero = llvm::Constant::getNullValue(v->getType());
    return from.isFloat() ? b_.CreateFCmpUNE(v, zero) : b_.CreateICmpNE(v, zero);
  }
  if (from.isBool()) return to.isFloat() ? b_.CreateUIToFP(v, dt) : b_.CreateZExt(v, dt);
  if (from.isIntegral() && to.isIntegral()) return b_.CreateIntCast(v, dt, from.isInt());
  if (from.isIntegral() && to.isFloat())
    return from.isInt() ? b_.CreateSIToFP(v, dt) : b_.CreateUIToFP(v, dt);
  if (from.isFloat() && to.isIntegral())
    return to.isInt() ? b_.CreateFPToSI(v, dt) : b_.CreateFPToUI(v, dt);
  if (from.isFloat() && to.isFloat()) return b_.CreateFPCast(v, dt);
  HY_UNREACHABLE("cast from " + from.str() + " to " + to.str());
}

void CodeGenLLVM::visit(const Cast *op) {
  value_ = castValue(codegen(op->value), op->value.type(), op->type);
}

llvm::Value *CodeGenLLVM::emitDivMod(BinOp op, Value *a, Value *b, DType t, const Expr &divisor) {
  if (t.isFloat()) {
    Value *q = b_.CreateFDiv(a, b);
    if (op == BinOp::Div) return q;
    Value *fq = callIntrinsic(llvm::Intrinsic::floor, {q->getType()}, {q});
    if (op == BinOp::FloorDiv) return fq;
    return b_.CreateFSub(a, b_.CreateFMul(fq, b));
  }
  bool isSigned = t.isInt();
  llvm::Type *ty = a->getType();
  // A constant divisor that is neither 0 nor -1 needs no guard.
  bool safe = false;
  if (auto *c = llvm::dyn_cast<llvm::Constant>(b)) {
    auto *ci = llvm::dyn_cast<llvm::ConstantInt>(c);
    if (!ci && ty->isVectorTy()) ci = llvm::dyn_cast_or_null<llvm::ConstantInt>(c->getSplatValue());
    safe = ci && !ci->isZero() && !(isSigned && ci->isMinusOne());
  }
  (void)divisor;
  Value *zero = llvm::Constant::getNullValue(ty);
  Value *isZero = nullptr, *isMinusOne = nullptr, *bs = b;
  if (!safe) {
    isZero = b_.CreateICmpEQ(b, zero);
    Value *bad = isZero;
    if (isSigned) {
      isMinusOne = b_.CreateICmpEQ(b, llvm::Constant::getAllOnesValue(ty));
      bad = b_.CreateOr(bad, isMinusOne);
    }
    bs = b_.CreateSelect(bad, llvm::ConstantInt::get(ty, 1), b);
  }
  Value *q = nullptr, *r = nullptr;
  if (op != BinOp::FloorMod) {
    q = isSigned ? b_.CreateSDiv(a, bs) : b_.CreateUDiv(a, bs);
    if (isMinusOne) q = b_.CreateSelect(isMinusOne, b_.CreateSub(zero, a), q);
    if (isZero) q = b_.CreateSelect(isZero, zero, q);
    if (op == BinOp::Div || !isSigned) return q;
  }
  r = isSigned ? b_.CreateSRem(a, bs) : b_.CreateURem(a, bs);
  if (!isSigned) return r; // FloorMod on unsigned; zero divisor: bs = 1 gives 0
  // Round toward minus infinity: adjust when the remainder is non-zero and
  // its sign differs from the divisor's.
  Value *adjust =
      b_.CreateAnd(b_.CreateICmpNE(r, zero), b_.CreateICmpSLT(b_.CreateXor(r, b), zero));
  if (op == BinOp::FloorDiv) return b_.CreateSub(q, b_.CreateZExt(adjust, ty));
  return b_.CreateAdd(r, b_.CreateSelect(adjust, b, zero));
}

void CodeGenLLVM::visit(const Binary *op) {
  DType t = op->type;
  Value *a = codegen(op->a);
  Value *b = codegen(op->b);
  bool f = t.isFloat();
  switch (op->op) {
  case BinOp::Add: value_ = f ? b_.CreateFAdd(a, b) : b_.CreateAdd(a, b); return;
  case BinOp::Sub: value_ = f ? b_.CreateFSub(a, b) : b_.CreateSub(a, b); return;
  case BinOp::Mul: value_ = f ? b_.CreateFMul(a, b) : b_.CreateMul(a, b); return;
  case BinOp::Div:
  case BinOp::FloorDiv:
  case BinOp::FloorMod: value_ = emitDivMod(op->op, a, b, t, op->b); return;
  case BinOp::Min:
  case BinOp::Max: {
    bool isMin = op->op == BinOp::Min;
    if (f) {
      Value *c = isMin ? b_.CreateFCmpOLT(a, b) : b_.CreateFCmpOGT(a, b);
      value_ = b_.CreateSelect(c, a, b);
    } else {
      llvm::Intrinsic::ID id = t.isInt() ? (isMin ? llvm::Intrinsic::smin : llvm::Intrinsic::smax)
                                         : (isMin ? llvm::Intrinsic::umin : llvm::Intrinsic::umax);
      value_ = b_.CreateBinaryIntrinsic(id, a, b);
    }
    return;
  }
  case BinOp::And: value_ = b_.CreateAnd(a, b); return;
  case BinOp::Or: value_ = b_.CreateOr(a, b); return;
  case BinOp::Xor: value_ = b_.CreateXor(a, b); return;
  }
  HY_UNREACHABLE("unknown binary operator");
}

void CodeGenLLVM::visit(const Cmp *op) {
  DType t = op->a.type();
  Value *a = codegen(op->a);
  Value *b = codegen(op->b);
  using P = llvm::CmpInst::Predicate;
  P p = P::BAD_ICMP_PREDICATE;
  if (t.isFloat()) {
    switch (op->op) {
    case CmpOp::EQ: p = P::FCMP_OEQ; break;
    case CmpOp::NE: p = P::FCMP_UNE; break; // NaN != NaN, as in C and Python
    case CmpOp::LT: p = P::FCMP_OLT; break;
    case CmpOp::LE: p = P::FCMP_OLE; break;
    case CmpOp::GT: p = P::FCMP_OGT; break;
    case CmpOp::GE: p = P::FCMP_OGE; break;
    }
    value_ = b_.CreateFCmp(p, a, b);
    return;
  }
  bool s = t.isInt();
  switch (op->op) {
  case CmpOp::EQ: p = P::ICMP_EQ; break;
  case CmpOp::NE: p = P::ICMP_NE; break;
  case CmpOp::LT: p = s ? P::ICMP_SLT : P::ICMP_ULT; break;
  case CmpOp::LE: p = s ? P::ICMP_SLE : P::ICMP_ULE; break;
  case CmpOp::GT: p = s ? P::ICMP_SGT : P::ICMP_UGT; break;
  case CmpOp::GE: p = s ? P::ICMP_SGE : P::ICMP_UGE; break;
  }
  value_ = b_.CreateICmp(p, a, b);
}

void CodeGenLLVM::visit(const Logical *op) {
  Value *a = codegen(op->a);
  if (op->type.lanes > 1 || !mayTrap(op->b)) {
    Value *b = codegen(op->b);
    value_ = op->isAnd ? b_.CreateAnd(a, b) : b_.CreateOr(a, b);
    return;
  }
  // Short-circuit: evaluate b only when it decides the result.
  const char *tag = op->isAnd ? "and" : "or";
  llvm::BasicBlock *from = b_.GetInsertBlock();
  llvm::BasicBlock *rhs = newBlock(std::string(tag) + ".rhs");
  llvm::BasicBlock *end = newBlock(std::string(tag) + ".end");
  if (op->isAnd)
    b_.CreateCondBr(a, rhs, end);
  else
    b_.CreateCondBr(a, end, rhs);
  enter(b_, rhs);
  Value *b = codegen(op->b);
  llvm::BasicBlock *rhsEnd = b_.GetInsertBlock();
  b_.CreateBr(end);
  enter(b_, end);
  llvm::PHINode *phi = b_.CreatePHI(b_.getInt1Ty(), 2, tag);
  phi->addIncoming(b_.getInt1(!op->isAnd), from);
  phi->addIncoming(b, rhsEnd);
  value_ = phi;
}

void CodeGenLLVM::visit(const Not *op) { value_ = b_.CreateNot(codegen(op->a)); }

void CodeGenLLVM::visit(const Select *op) {
  Value *c = codegen(op->cond);
  if (op->cond.type().lanes > 1 || (!mayTrap(op->t) && !mayTrap(op->f))) {
    unsigned lanes = op->cond.type().lanes;
    Value *t = splat(codegen(op->t), lanes);
    Value *f = splat(codegen(op->f), lanes);
    value_ = b_.CreateSelect(c, t, f);
    return;
  }
  llvm::BasicBlock *tb = newBlock("select.true");
  llvm::BasicBlock *fb = newBlock("select.false");
  llvm::BasicBlock *end = newBlock("select.end");
  b_.CreateCondBr(c, tb, fb);
  enter(b_, tb);
  Value *t = codegen(op->t);
  llvm::BasicBlock *tEnd = b_.GetInsertBlock();
  b_.CreateBr(end);
  enter(b_, fb);
  Value *f = codegen(op->f);
  llvm::BasicBlock *fEnd = b_.GetInsertBlock();
  b_.CreateBr(end);
  enter(b_, end);
  llvm::PHINode *phi = b_.CreatePHI(t->getType(), 2, "select");
  phi->addIncoming(t, tEnd);
  phi->addIncoming(f, fEnd);
  value_ = phi;
}

llvm::Value *CodeGenLLVM::accessMask(const Expr &predicate, unsigned lanes) {
  Value *p = codegen(predicate);
  if (lanes > 1) return p;
  // A scalar access under a vector predicate happens when any lane is true:
  // a one-lane mask (a masked access of <1 x T>).
  return b_.CreateVectorSplat(1, b_.CreateOrReduce(p));
}

void CodeGenLLVM::visit(const Load *op) {
  unsigned lanes = op->type.lanes;
  Value *vecPtrs = nullptr;
  llvm::Type *ty = memType(op->type);
  llvm::Align align(op->buffer->dtype.bytes());
  if (op->predicate) { // lanes off read nothing and give 0 (Load::predicate)
    Value *mask = accessMask(op->predicate, lanes);
    Value *addr = elementAddress(op->buffer, op->indices, lanes, vecPtrs);
    llvm::Type *vty = lanes > 1 ? ty : llvm::FixedVectorType::get(ty, 1);
    Value *zero = llvm::Constant::getNullValue(vty);
    Value *v = addr ? b_.CreateMaskedLoad(vty, addr, align, mask, zero, op->buffer->name)
                    : b_.CreateMaskedGather(vty, vecPtrs, align, mask, zero, op->buffer->name);
    if (lanes == 1) v = b_.CreateExtractElement(v, uint64_t(0));
    value_ = fromMemory(v, op->type);
    return;
  }
  Pieces pieces;
  Value *addr = elementAddress(op->buffer, op->indices, lanes, vecPtrs, &pieces);
  Value *v =
      addr ? (Value *)b_.CreateAlignedLoad(ty, addr, align, op->buffer->name)
           : (Value *)b_.CreateMaskedGather(ty, vecPtrs, align, nullptr, nullptr, op->buffer->name);
  if (addr && pieces.mask) {
    // Two whole vectors and a blend. Both loads stay inside the buffer: the
    // second one starts `step` elements further only when some lane is
    // there (split < lanes), and then every element of either load lies
    // between lane 0's element and the last lane's.
    Value *more = b_.CreateICmpSLT(pieces.split, b_.getInt64(pieces.lanes));
    Value *delta = b_.CreateSelect(more, b_.getInt64(pieces.step), b_.getInt64(0));
    Value *addr2 =
        b_.CreateInBoundsGEP(memType(op->buffer->dtype), addr, delta, op->buffer->name + ".addr2");
    Value *v2 = b_.CreateAlignedLoad(ty, addr2, align, op->buffer->name);
    v = b_.CreateSelect(pieces.mask, v, v2);
  }
  value_ = fromMemory(v, op->type);
}

void CodeGenLLVM::visit(const Ramp *op) {
  Value *base = splat(codegen(op->base), op->lanes);
  Value *stride = splat(codegen(op->stride), op->lanes);
  DType et = op->base.type();
  std::vector<llvm::Constant *> iota;
  for (int i = 0; i < op->lanes; ++i) iota.push_back(constant(et, i));
  Value *steps = llvm::ConstantVector::get(iota);
  if (et.isFloat())
    value_ = b_.CreateFAdd(base, b_.CreateFMul(stride, steps));
  else
    value_ = b_.CreateAdd(base, b_.CreateMul(stride, steps));
}

void CodeGenLLVM::visit(const Broadcast *op) {
  value_ = b_.CreateVectorSplat(op->lanes, codegen(op->value));
}

llvm::Value *CodeGenLLVM::callLibm(const std::string &f32Name, const std::string &f64Name, Value *x,
                                   DType t) {
  // libm has float and double entry points; half goes through float.
  DType et = t.element();
  bool isDouble = et.bits == 64;
  llvm::Type *ct = isDouble ? b_.getDoubleTy() : b_.getFloatTy();
  llvm::FunctionCallee f = module_.getOrInsertFunction(isDouble ? f64Name : f32Name,
                                                       llvm::FunctionType::get(ct, {ct}, false));
  if (auto *fn = llvm::dyn_cast<llvm::Function>(f.getCallee())) {
    fn->setDoesNotThrow();
    fn->setWillReturn();
  }
  auto one = [&](Value *s) {
    Value *in = et.bits == 16 ? b_.CreateFPExt(s, ct) : s;
    Value *r = b_.CreateCall(f, {in});
    return et.bits == 16 ? b_.CreateFPTrunc(r, b_.getHalfTy()) : r;
  };
  if (t.lanes == 1) return one(x);
  Value *out = llvm::PoisonValue::get(llvmType(t));
  for (unsigned i = 0; i < t.lanes; ++i)
    out = b_.CreateInsertElement(out, one(b_.CreateExtractElement(x, i)), i);
  return out;
}

llvm::Value *CodeGenLLVM::emitMath(const Call *op) {
  DType t = op->type;
  std::vector<Value *> args;
  for (auto &a : op->args) {
    Value *v = codegen(a);
    // Float math on an integer argument works in the result's float type.
    if (t.isFloat() && !a.type().isFloat()) v = castValue(v, a.type(), t);
    args.push_back(v);
  }
  if (op->func == Intrinsic::SyncThreads) {
    emitBarrier();
    return llvm::ConstantInt::get(llvmType(op->type), 0);
  }
  HY_ASSERT(!args.empty(), std::string("call of ") + spelling(op->func) + " without arguments");
  Value *x = args[0];
  llvm::Type *ty = x->getType();
  namespace I = llvm::Intrinsic;
  auto unary = [&](I::ID id) { return callIntrinsic(id, {ty}, {x}); };
  // Vectors of float32, float16 and float64: inline polynomials
  // (VectorMath.cpp), since LLVM would scalarise these into one libm call
  // per lane.
  // What Intrinsics.def says of this one.
  VectorMathFn poly = VectorMathFn::None;
  I::ID llvmUnary = I::not_intrinsic;
  switch (op->func) {
#define HY_INTRINSIC(Name, Spelling, Kind, LLVMUnary, VectorMath, Libm)                            \
  case Intrinsic::Name:                                                                            \
    poly = VectorMathFn::VectorMath;                                                               \
    llvmUnary = I::LLVMUnary;                                                                      \
    break;
#include "hybridc/IR/Intrinsics.def"
  }
  Value *y = args.size() > 1 ? args[1] : nullptr; // power's exponent
  if (y && y->getType() != ty) poly = VectorMathFn::None;
  // A scalar on the cuda target: lane 0 of a 2-lane vector.
  llvm::Type *vt = ty->isFloatingPointTy() ? llvm::FixedVectorType::get(ty, 2) : nullptr;
  if (scalarVectorMath() && vt && hasVectorMath(vt, poly)) {
    auto lane0 = [&](Value *v) {
      return v ? b_.CreateInsertElement(llvm::PoisonValue::get(vt), v, b_.getInt64(0)) : nullptr;
    };
    return b_.CreateExtractElement(emitVectorMath(b_, poly, lane0(x), lane0(y), vectorMathTarget_),
                                   b_.getInt64(0));
  }
  if (hasVectorMath(ty, poly)) return emitVectorMath(b_, poly, x, y, vectorMathTarget_);
  if (llvmUnary != I::not_intrinsic) return unary(llvmUnary);
  switch (op->func) {
  case Intrinsic::Rsqrt: return b_.CreateFDiv(llvm::ConstantFP::get(ty, 1.0), unary(I::sqrt));
  case Intrinsic::Sigmoid: {
    Value *e = callIntrinsic(I::exp, {ty}, {b_.CreateFNeg(x)});
    Value *one = llvm::ConstantFP::get(ty, 1.0);
    return b_.CreateFDiv(one, b_.CreateFAdd(one, e));
  }
  case Intrinsic::Tanh: return callLibm("tanhf", "tanh", x, t);
  case Intrinsic::Erf: return callLibm("erff", "erf", x, t);
  case Intrinsic::Power: {
    HY_ASSERT(args.size() == 2, "power takes two arguments");
    if (t.isFloat()) return callIntrinsic(I::pow, {ty}, {x, args[1]});
    // Integer power: computed in double, truncated back.
    DType d = DType::f64().withLanes(t.lanes);
    Value *r = callIntrinsic(
        I::pow, {llvmType(d)},
        {castValue(x, op->args[0].type(), d), castValue(args[1], op->args[1].type(), d)});
    return castValue(r, d, t);
  }
  case Intrinsic::Abs: {
    DType at = op->args[0].type();
    Value *r = at.isFloat() ? unary(I::fabs)
               : at.isInt() ? callIntrinsic(I::abs, {ty}, {x, b_.getFalse()})
                            : x;
    return castValue(r, at, t);
  }
  case Intrinsic::Popcount: {
    DType at = op->args[0].type();
    return castValue(unary(I::ctpop), at, t);
  }
  case Intrinsic::BitNot: return b_.CreateNot(x);
  case Intrinsic::Likely:
    if (ty->isIntegerTy(1)) return callIntrinsic(I::expect, {ty}, {x, b_.getTrue()});
    return x;
  case Intrinsic::Staged: return x; // only the interpreter tells it from a load
  default: break;                   // SyncThreads and the LLVMUnary ones: handled above
  }
  HY_UNREACHABLE(std::string("unknown intrinsic ") + spelling(op->func));
}

void CodeGenLLVM::visit(const Call *op) { value_ = emitMath(op); }

void CodeGenLLVM::visit(const Shuffle *op) {
  Value *v = codegen(op->vec);
  DType t = op->vec.type();
  if (op->op == Shuffle::Extract) {
    value_ = b_.CreateExtractElement(v, uint64_t(op->lane));
    return;
  }
  bool f = t.isFloat();
  llvm::CallInst *r = nullptr;
  switch (op->op) {
  case Shuffle::ReduceAdd:
    r = f ? b_.CreateFAddReduce(llvm::ConstantFP::getNegativeZero(llvmType(t.element())), v)
          : b_.CreateAddReduce(v);
    break;
  case Shuffle::ReduceMul:
    r = f ? b_.CreateFMulReduce(llvm::ConstantFP::get(llvmType(t.element()), 1.0), v)
          : b_.CreateMulReduce(v);
    break;
  case Shuffle::ReduceMin:
  case Shuffle::ReduceMax:
    if (f) {
      // A tree of the same compare-and-select as the scalar min/max (the
      // llvm.vector.reduce.fmin/fmax intrinsics have maxnum's NaN rule and
      // are expanded lane by lane).
      bool isMin = op->op == Shuffle::ReduceMin;
      unsigned n = t.lanes;
      while (n > 1) {
        unsigned h = n / 2;
        llvm::SmallVector<int, 32> lo, hi;
        for (unsigned i = 0; i < h; ++i) lo.push_back(int(i)), hi.push_back(int(i + h));
        Value *a = b_.CreateShuffleVector(v, lo), *b = b_.CreateShuffleVector(v, hi);
        Value *m = b_.CreateSelect(isMin ? b_.CreateFCmpOLT(a, b) : b_.CreateFCmpOGT(a, b), a, b);
        if (n % 2) {
          lo.push_back(int(h)); // one more lane: the odd one out
          m = b_.CreateInsertElement(b_.CreateShuffleVector(m, lo),
                                     b_.CreateExtractElement(v, n - 1), uint64_t(h));
        }
        v = m;
        n = h + n % 2;
      }
      value_ = n == 1 && t.lanes > 1 ? b_.CreateExtractElement(v, uint64_t(0)) : v;
      return;
    }
    r = op->op == Shuffle::ReduceMin ? b_.CreateIntMinReduce(v, t.isInt())
                                     : b_.CreateIntMaxReduce(v, t.isInt());
    break;
  case Shuffle::Extract: break;
  }
  if (f) {
    // A horizontal sum may be computed as a tree.
    llvm::FastMathFlags fmf;
    fmf.setAllowReassoc();
    r->setFastMathFlags(fmf);
  }
  value_ = r;
}

//===--- Statements ------------------------------------------------------------===//

void CodeGenLLVM::visit(const Stmt &s) {
  if (!s) return;
  if (!sp_ || !s->loc.isValid()) return IRVisitor::visit(s);
  llvm::DebugLoc saved = b_.getCurrentDebugLocation();
  setLocation(s->loc);
  IRVisitor::visit(s);
  b_.SetCurrentDebugLocation(saved);
}

void CodeGenLLVM::visit(const LetStmt *op) {
  Value *v = codegen(op->value);
  if (auto *inst = llvm::dyn_cast<llvm::Instruction>(v); inst && !inst->hasName())
    inst->setName(op->name);
  size_t mark = symbols_.size();
  pushSymbol(op->name, {v, nullptr});
  visit(op->body);
  popSymbols(mark);
}

void CodeGenLLVM::visit(const VarDecl *op) {
  // An entry-block alloca: mem2reg/SROA turn it into SSA values.
  llvm::Type *ty = llvmType(op->type);
  llvm::AllocaInst *a =
      entryAlloca(ty, nullptr, op->name, module_.getDataLayout().getPrefTypeAlign(ty).value());
  size_t mark = symbols_.size();
  pushSymbol(op->name, {a, ty});
  visit(op->body);
  popSymbols(mark);
}

void CodeGenLLVM::visit(const Assign *op) {
  const Symbol *s = lookup(op->name);
  HY_ASSERT(s && s->mutableType,
            "codegen: assignment to '" + op->name + "', which is not a variable");
  b_.CreateStore(codegen(op->value), s->value);
}

void CodeGenLLVM::visit(const Store *op) {
  unsigned lanes = op->value.type().lanes;
  for (auto &i : op->indices) lanes = std::max<unsigned>(lanes, i.type().lanes);
  Value *v = codegen(op->value);
  DType vt = op->value.type();
  if (lanes > 1 && vt.lanes == 1) {
    v = splat(v, lanes);
    vt = vt.withLanes(lanes);
  }
  v = toMemory(v, vt);
  Value *vecPtrs = nullptr;
  llvm::Align align(op->buffer->dtype.bytes());
  if (op->predicate) { // only the lanes on (Store::predicate)
    Value *mask = accessMask(op->predicate, lanes);
    Value *addr = elementAddress(op->buffer, op->indices, lanes, vecPtrs);
    if (lanes == 1) v = b_.CreateVectorSplat(1, v);
    if (addr)
      b_.CreateMaskedStore(v, addr, align, mask);
    else
      b_.CreateMaskedScatter(v, vecPtrs, align, mask);
    return;
  }
  Pieces pieces;
  Value *addr = elementAddress(op->buffer, op->indices, lanes, vecPtrs, &pieces);
  if (addr && pieces.mask) { // two masked stores: the lanes of each run
    // Not inbounds: with no lane in the second run it may point past the
    // buffer (the all-false mask stores nothing there).
    Value *addr2 = b_.CreateGEP(memType(op->buffer->dtype), addr, b_.getInt64(pieces.step),
                                op->buffer->name + ".addr2");
    b_.CreateMaskedStore(v, addr, align, pieces.mask);
    b_.CreateMaskedStore(v, addr2, align, b_.CreateNot(pieces.mask));
  } else if (addr && lanes > 1 && op->buffer->stream && streamStores()) {
    emitStreamStore(v, addr, align, op->buffer->name);
  } else if (addr) {
    b_.CreateAlignedStore(v, addr, align);
  } else {
    b_.CreateMaskedScatter(v, vecPtrs, align);
  }
}

void CodeGenLLVM::emitStreamStore(Value *v, Value *addr, llvm::Align align,
                                  const std::string &name) {
  llvm::MDNode *nontemporal =
      llvm::MDNode::get(ctx_, {llvm::ConstantAsMetadata::get(b_.getInt32(1))});
  llvm::Triple triple(module_.getTargetTriple());
  if (!triple.isX86()) { // AArch64's STNP takes any address the store could
    b_.CreateAlignedStore(v, addr, align)
        ->setMetadata(llvm::LLVMContext::MD_nontemporal, nontemporal);
    return;
  }
  // MOVNTPS/MOVNTDQ need the vector's alignment (64 bytes at most: wider
  // vectors are stored as several); without it LLVM writes eight-byte
  // MOVNTIs, slower than the cached store.
  uint64_t bytes = module_.getDataLayout().getTypeStoreSize(v->getType());
  if (bytes < 16 || !llvm::isPowerOf2_64(bytes)) {
    b_.CreateAlignedStore(v, addr, align);
    return;
  }
  uint64_t want = std::min<uint64_t>(bytes, 64);
  Value *misaligned = b_.CreateAnd(b_.CreatePtrToInt(addr, b_.getInt64Ty()), want - 1);
  llvm::BasicBlock *streamBlock = newBlock(name + ".stream");
  llvm::BasicBlock *cachedBlock = newBlock(name + ".cached");
  llvm::BasicBlock *done = newBlock(name + ".stored");
  b_.CreateCondBr(b_.CreateICmpEQ(misaligned, b_.getInt64(0)), streamBlock, cachedBlock);
  enter(b_, streamBlock);
  b_.CreateAlignedStore(v, addr, llvm::Align(want))
      ->setMetadata(llvm::LLVMContext::MD_nontemporal, nontemporal);
  b_.CreateBr(done);
  enter(b_, cachedBlock);
  b_.CreateAlignedStore(v, addr, align);
  b_.CreateBr(done);
  enter(b_, done);
  llvm::Function *fn = b_.GetInsertBlock()->getParent();
  if (std::find(streamed_.begin(), streamed_.end(), fn) == streamed_.end()) streamed_.push_back(fn);
}

void CodeGenLLVM::fenceStreamedFunctions() {
  // Non-temporal stores are weakly ordered: the sfence makes them visible
  // before whatever follows the return (the caller's reads, a pool
  // worker's completion signal) and before a parallel loop starts (its
  // tasks may read them on other threads).
  llvm::Function *sfence =
      llvm::Intrinsic::getDeclaration(&module_, llvm::Intrinsic::x86_sse_sfence);
  for (llvm::Function *fn : streamed_)
    for (llvm::BasicBlock &bb : *fn)
      for (llvm::Instruction &inst : bb) {
        auto *call = llvm::dyn_cast<llvm::CallInst>(&inst);
        llvm::Function *callee = call ? call->getCalledFunction() : nullptr;
        if (llvm::isa<llvm::ReturnInst>(inst) ||
            (callee && callee->getName() == kParallelForSymbol))
          llvm::IRBuilder<>(&inst).CreateCall(sfence);
      }
  streamed_.clear();
}

CodeGenLLVM::CountedLoop CodeGenLLVM::beginCountedLoop(const std::string &name,
                                                       const std::string &ivName, Value *begin,
                                                       Value *end, bool isUnsigned) {
  llvm::BasicBlock *pre = b_.GetInsertBlock();
  llvm::BasicBlock *header = newBlock("for." + name);
  llvm::BasicBlock *body = newBlock("for." + name + ".body");
  llvm::BasicBlock *latch = newBlock("for." + name + ".latch");
  llvm::BasicBlock *exit = newBlock("for." + name + ".end");
  b_.CreateBr(header);

  enter(b_, header);
  llvm::PHINode *iv = b_.CreatePHI(begin->getType(), 2, ivName);
  iv->addIncoming(begin, pre);
  Value *cond = isUnsigned ? b_.CreateICmpULT(iv, end) : b_.CreateICmpSLT(iv, end);
  b_.CreateCondBr(cond, body, exit);
  enter(b_, body);
  return {iv, latch, exit, isUnsigned};
}

void CodeGenLLVM::endCountedLoop(const CountedLoop &loop, const std::string &name,
                                 const std::vector<llvm::Metadata *> &loopMD) {
  b_.CreateBr(loop.latch);
  enter(b_, loop.latch);
  Value *next = b_.CreateAdd(loop.iv, llvm::ConstantInt::get(loop.iv->getType(), 1), name + ".next",
                             /*HasNUW=*/loop.isUnsigned, /*HasNSW=*/!loop.isUnsigned);
  llvm::BasicBlock *header = loop.iv->getParent();
  llvm::BranchInst *back = b_.CreateBr(header);
  loop.iv->addIncoming(next, loop.latch);
  if (!loopMD.empty()) {
    // A distinct self-referencing loop ID carrying the properties.
    llvm::SmallVector<llvm::Metadata *, 4> ops{nullptr};
    ops.append(loopMD.begin(), loopMD.end());
    llvm::MDNode *id = llvm::MDNode::getDistinct(ctx_, ops);
    id->replaceOperandWith(0, id);
    back->setMetadata(llvm::LLVMContext::MD_loop, id);
  }
  enter(b_, loop.exit);
}

void CodeGenLLVM::emitSerialFor(const For *op, std::vector<llvm::Metadata *> loopMD) {
  DType t = op->min.type();
  Value *mn = codegen(op->min);
  Value *ext = codegen(op->extent);
  const std::string &name = op->name;
  Value *end = b_.CreateAdd(mn, ext, name + ".end");
  CountedLoop loop = beginCountedLoop(name, name, mn, end, t.isUInt());
  size_t mark = symbols_.size();
  pushSymbol(name, {loop.iv, nullptr});
  loops_.push_back({loop.latch, loop.exit, heap_.size()});
  visit(op->body);
  loops_.pop_back();
  popSymbols(mark);
  endCountedLoop(loop, name, loopMD);
}

void CodeGenLLVM::emitThreadBoundFor(const For *op) { emitSerialFor(op, {}); }

void CodeGenLLVM::visit(const For *op) {
  auto prop = [&](const char *name, bool withTrue) -> llvm::Metadata * {
    if (!withTrue) return llvm::MDNode::get(ctx_, llvm::MDString::get(ctx_, name));
    return llvm::MDNode::get(
        ctx_, {llvm::MDString::get(ctx_, name), llvm::ConstantAsMetadata::get(b_.getTrue())});
  };
  switch (op->forKind) {
  case ForKind::Serial:
    // A loop around other loops is left as the schedule shaped it: LLVM's
    // unroller would copy whole inner nests (register tiles included), which
    // costs compile time (matmul512: 130 -> 85 ms) and, measured on the
    // bench kernels, no speed (bench/RESULTS.md, issue 15). Innermost loops
    // keep LLVM's unrolling heuristics.
    if (ir::loopnest::countTopLevelLoops(op->body) > 0)
      emitSerialFor(op, {prop("llvm.loop.unroll.disable", false)});
    else
      emitSerialFor(op, {});
    return;
  case ForKind::Parallel: // not Outlined: device code (cuda), a serial loop
    emitSerialFor(op, {});
    return;
  case ForKind::ThreadBinding: emitThreadBoundFor(op); return;
  case ForKind::Unrolled:
    if (asConstInt(op->extent))
      emitSerialFor(op, {prop("llvm.loop.unroll.full", false)});
    else
      emitSerialFor(op, {prop("llvm.loop.unroll.enable", false)});
    return;
  case ForKind::Vectorized:
    // (vectorize-loops could not widen it.) Not fully unrolled first: LLVM's
    // vectorizer then sees this loop, not the loop around it (which it would
    // vectorize with gathers and scatters across its iterations, 5x slower
    // on a per-lane `if` under a peeled loop, bench/tails.sh).
    emitSerialFor(
        op, {prop("llvm.loop.vectorize.enable", true), prop("llvm.loop.unroll.disable", false)});
    return;
  }
}

void CodeGenLLVM::visit(const While *op) {
  llvm::BasicBlock *header = newBlock("while.cond");
  llvm::BasicBlock *body = newBlock("while.body");
  llvm::BasicBlock *exit = newBlock("while.end");
  b_.CreateBr(header);
  enter(b_, header);
  b_.CreateCondBr(codegen(op->cond), body, exit);
  enter(b_, body);
  loops_.push_back({header, exit, heap_.size()});
  visit(op->body);
  loops_.pop_back();
  b_.CreateBr(header);
  enter(b_, exit);
}

void CodeGenLLVM::visit(const Break *) {
  HY_ASSERT(!loops_.empty(), "break outside a loop");
  emitFreesDownTo(loops_.back().heapDepth);
  b_.CreateBr(loops_.back().breakBB);
  startDeadBlock("after.break");
}

void CodeGenLLVM::visit(const Continue *) {
  HY_ASSERT(!loops_.empty(), "continue outside a loop");
  emitFreesDownTo(loops_.back().heapDepth);
  b_.CreateBr(loops_.back().continueBB);
  startDeadBlock("after.continue");
}

void CodeGenLLVM::visit(const IfThenElse *op) {
  Value *c = codegen(op->cond);
  llvm::BasicBlock *thenBB = newBlock("if.then");
  llvm::BasicBlock *elseBB = op->otherwise ? newBlock("if.else") : nullptr;
  llvm::BasicBlock *end = newBlock("if.end");
  b_.CreateCondBr(c, thenBB, elseBB ? elseBB : end);
  enter(b_, thenBB);
  visit(op->then);
  b_.CreateBr(end);
  if (elseBB) {
    enter(b_, elseBB);
    visit(op->otherwise);
    b_.CreateBr(end);
  }
  enter(b_, end);
}

void CodeGenLLVM::visit(const Block *op) {
  for (auto &s : op->stmts) visit(s);
}

void CodeGenLLVM::visit(const Allocate *op) {
  const Buffer &buf = op->buffer;
  if (buf->kind == BufferNode::Const) {
    bufferBase(buf); // binds the constant table
    visit(op->body);
    return;
  }
  if (Value *p = emitScopedAllocation(*buf)) {
    bindBuffer(buf, p);
    visit(op->body);
    return;
  }
  unsigned elemBytes = buf->dtype.bytes();
  // The size: constant when every extent is.
  bool isConst = true;
  uint64_t constElems = 1;
  for (auto &e : buf->shape) {
    const int64_t *c = asConstInt(e);
    if (!c || *c < 0) {
      isConst = false;
      break;
    }
    constElems *= uint64_t(*c);
  }
  llvm::Type *elemTy = memType(buf->dtype);
  if (isConst && constElems * elemBytes <= 64 * 1024) {
    // Small and constant: a stack array in the entry block. One of a cache
    // line or more starts on a cache line, as heap buffers do (runtime.c):
    // a whole-vector access of a 64-byte row then touches one line, not two
    // (a packed panel of cache_read, docs/schedules.md).
    uint64_t n = std::max<uint64_t>(constElems, 1);
    unsigned align = n * elemBytes >= 64 ? 64u : std::max(16u, elemBytes);
    llvm::AllocaInst *a = entryAlloca(llvm::ArrayType::get(elemTy, n), nullptr, buf->name, align);
    bindBuffer(buf, a);
    visit(op->body);
    return;
  }
  // Heap: size in i64 from the shape; failure returns 3.
  Value *elems = b_.getInt64(1);
  for (auto &e : buf->shape)
    elems = b_.CreateMul(elems, castValue(codegen(e), e.type(), DType::i64()));
  Value *bytes = b_.CreateMul(elems, b_.getInt64(elemBytes), buf->name + ".bytes");
  Value *p = emitHeapAlloc(bytes, buf->name);
  emitCheck(b_.CreateIsNotNull(p), 3, "out of memory allocating '" + buf->name + "'",
            "alloc." + buf->name);
  heap_.push_back(p);
  bindBuffer(buf, p);
  visit(op->body);
  heap_.pop_back();
  emitHeapFree(p);
}

void CodeGenLLVM::visit(const AssertStmt *op) {
  emitCheck(codegen(op->cond), 1, op->message, "assert");
}

void CodeGenLLVM::visit(const Evaluate *op) {
  if (op->value && !op->value.as<StringImm>()) (void)codegen(op->value);
}

} // namespace hybridc::codegen
