//===- ParallelFor.cpp - Loops outlined: onto the thread pool, or for size ===//
//
// A Parallel For becomes a call of the runtime's thread pool:
//
//   kernel:      %closure = { captured values }          (entry-block alloca)
//                %rc = hybridc_rt_v2_parallel_for(@K.par.i, %closure, extent)
//                %rc != 0: free this function's heap buffers, return %rc
//   @K.par.i:    i32 (ptr noalias closure, i32 begin, i32 end), internal:
//                loads the fields, calls @K.par.i.body
//   @K.par.i.body: i32 (captures..., i32 begin, i32 end), internal,
//                alwaysinline: for it in [begin, end): i = min + it; body
//
// What is outlined, and what it captures, is decided before code
// generation: each `Outlined` statement of the lower-parallel pass
// (LowerParallel.cpp). A serial one (a top-level nest of a very large def,
// a chunk of a very long block) is called directly: @K.nest.i.body
// (noinline, with begin/end), or @K.nest.chunkN.body (no loop: the
// statements once).
//
// The runtime hands each thread contiguous chunks of iterations, so the
// chunk loop (and the serial loops in the body) stay vectorisable; an
// indirect call costs one per chunk, not one per iteration. Buffer base
// pointers are parameters of the body function marked noalias (they are
// distinct objects: kernel arguments, allocations); when it is inlined
// into @K.par.i the inliner turns that into scoped alias metadata, so the
// outlined code keeps the alias facts the kernel had.
//
// The captures (Outlined::captures, ::buffers) become parameters of the
// body function: scalar values (a mutable variable the body assigns by
// address: a race the legality checker should have refused; the code still
// does what the program says) and buffer base pointers. Constants are not
// stored, just reused. Everything declared inside the body (VarDecl,
// LetStmt, Allocate) lives in the
// outlined function: private to each chunk of each thread, heap buffers
// freed on every exit path. break/continue cannot cross the boundary (Sema
// forbids them in parallel loops). Errors inside the body are reported
// through hybridc_rt_v2_report_error as usual; the runtime records the
// first one and delivers it once after the join.
//
//===----------------------------------------------------------------------===//
#include "CodeGenLLVM.h"

#include "hybridc/Support/InternalError.h"
#include "hybridc/Support/SourceManager.h"

#include "llvm/IR/DIBuilder.h"
#include "llvm/IR/MDBuilder.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/Local.h"

namespace hybridc::codegen {

using namespace ir;
using llvm::Value;

void CodeGenLLVM::visit(const Outlined *op) {
  const For *loop = op->body.as<For>();
  const Stmt &body = loop ? loop->body : op->body;
  const std::string &name = op->name;
  bool parallel = op->parallel;
  llvm::Type *i32 = b_.getInt32Ty();
  llvm::Type *ptr = llvm::PointerType::getUnqual(ctx_);

  //===--- In the enclosing function: what the body needs --------------===//
  Value *mn = loop ? codegen(loop->min) : nullptr;
  Value *ext = loop ? castValue(codegen(loop->extent), loop->extent.type(), DType::i32()) : nullptr;

  std::vector<Value *> captured; // values of the enclosing function, unique
  std::vector<bool> noAlias;     // captured[k] is a buffer base pointer
  std::map<Value *, unsigned> index;
  auto capture = [&](Value *v, bool isBase) {
    if (llvm::isa<llvm::Constant>(v)) return;
    auto [it, inserted] = index.emplace(v, unsigned(captured.size()));
    if (inserted) {
      captured.push_back(v);
      noAlias.push_back(isBase && v->getType()->isPointerTy());
    } else if (!isBase) {
      noAlias[it->second] = false;
    }
  };
  if (mn) capture(mn, false);

  struct CapturedSymbol {
    std::string name;
    Value *value;            // in the enclosing function
    llvm::Type *mutableType; // non-null: `value` is the variable's address
  };
  std::vector<CapturedSymbol> symbols;
  for (const Outlined::Capture &c : op->captures) {
    const Symbol *s = lookup(c.name);
    HY_ASSERT(s, "outlined '" + name + "': '" + c.name + "' is not bound");
    HY_ASSERT(!c.byAddress || s->mutableType,
              "outlined '" + name + "': '" + c.name + "' by address is not mutable");
    if (s->mutableType && !c.byAddress) {
      Value *v = b_.CreateLoad(s->mutableType, s->value, c.name);
      symbols.push_back({c.name, v, nullptr});
      capture(v, false);
    } else {
      symbols.push_back({c.name, s->value, s->mutableType});
      capture(s->value, false);
    }
  }

  std::vector<std::pair<const BufferNode *, Value *>> bufs; // captured base pointers
  for (const Buffer &buf : op->buffers) {
    Value *base = bufferBase(buf);
    bufs.emplace_back(buf.get(), base);
    capture(base, true);
  }

  //===--- The outlined functions --------------------------------------===//
  std::string baseName = fn_->getName().str() + (parallel ? ".par." : ".nest.") + name;
  std::vector<llvm::Type *> fieldTypes;
  for (Value *v : captured) fieldTypes.push_back(v->getType());
  std::vector<llvm::Type *> bodyParams = fieldTypes;
  if (loop) {
    bodyParams.push_back(i32); // begin
    bodyParams.push_back(i32); // end
  }
  llvm::Function *bodyFn =
      llvm::Function::Create(llvm::FunctionType::get(i32, bodyParams, false),
                             llvm::GlobalValue::InternalLinkage, baseName + ".body", module_);
  llvm::Function *trampoline =
      parallel ? llvm::Function::Create(llvm::FunctionType::get(i32, {ptr, i32, i32}, false),
                                        llvm::GlobalValue::InternalLinkage, baseName, module_)
               : nullptr;
  for (llvm::Function *f : {bodyFn, trampoline}) {
    if (!f) continue;
    f->setDoesNotThrow();
    addKernelAttributes(f);
  }
  // A serial nest stays a function of its own: that is the point of
  // outlining it (CodeGenLLVM::visit(const For *)).
  bodyFn->addFnAttr(parallel ? llvm::Attribute::AlwaysInline : llvm::Attribute::NoInline);
  for (unsigned k = 0; k < captured.size(); ++k)
    if (noAlias[k]) bodyFn->getArg(k)->addAttr(llvm::Attribute::NoAlias);
  llvm::StructType *closureTy = llvm::StructType::get(ctx_, fieldTypes);

  // Save the enclosing function's state.
  llvm::Function *savedFn = fn_;
  llvm::BasicBlock *savedBlock = b_.GetInsertBlock();
  llvm::DebugLoc savedLoc = b_.getCurrentDebugLocation();
  llvm::DISubprogram *savedSp = sp_;
  std::vector<std::pair<std::string, Symbol>> savedSymbols = std::move(symbols_);
  std::map<const BufferNode *, Value *> savedBuffers = std::move(buffers_);
  std::vector<Value *> savedHeap = std::move(heap_);
  std::vector<LoopTargets> savedLoops = std::move(loops_);
  symbols_.clear();
  buffers_.clear();
  heap_.clear();
  loops_.clear();

  unsigned line = 0, col = 0;
  if (sp_ && op->loc.isValid()) {
    LineCol lc = sm_->lineCol(op->loc);
    line = lc.line;
    col = lc.col;
  }
  auto startFunction = [&](llvm::Function *f) {
    fn_ = f;
    sp_ = nullptr;
    b_.SetCurrentDebugLocation(llvm::DebugLoc());
    if (savedSp) {
      sp_ = di_->createFunction(savedSp->getFile(), f->getName(), f->getName(), savedSp->getFile(),
                                line, di_->createSubroutineType(di_->getOrCreateTypeArray({})),
                                line, llvm::DINode::FlagPrototyped | llvm::DINode::FlagArtificial,
                                llvm::DISubprogram::SPFlagDefinition |
                                    llvm::DISubprogram::SPFlagOptimized |
                                    llvm::DISubprogram::SPFlagLocalToUnit);
      f->setSubprogram(sp_);
      b_.SetCurrentDebugLocation(llvm::DILocation::get(ctx_, line, col, sp_));
    }
    llvm::BasicBlock *entry = newBlock("entry");
    llvm::BasicBlock *start = newBlock("start");
    b_.SetInsertPoint(entry);
    b_.CreateBr(start);
    b_.SetInsertPoint(start);
  };
  auto finishFunction = [&]() {
    llvm::removeUnreachableBlocks(*fn_);
    if (sp_) di_->finalizeSubprogram(sp_);
  };

  // The body: a serial loop over the chunk [begin, end), or the statements
  // once.
  startFunction(bodyFn);
  std::map<Value *, Value *> mapped;
  for (unsigned k = 0; k < captured.size(); ++k) {
    llvm::Argument *a = bodyFn->getArg(k);
    if (captured[k]->hasName()) a->setName(captured[k]->getName());
    mapped[captured[k]] = a;
  }
  auto inBody = [&](Value *v) -> Value * {
    if (llvm::isa<llvm::Constant>(v)) return v;
    auto it = mapped.find(v);
    HY_ASSERT(it != mapped.end(), "outlined '" + name + "': a value was not captured");
    return it->second;
  };
  for (const CapturedSymbol &s : symbols) pushSymbol(s.name, {inBody(s.value), s.mutableType});
  for (auto &[node, base] : bufs) buffers_[node] = inBody(base);
  if (loop) {
    llvm::Argument *begin = bodyFn->getArg(unsigned(captured.size()));
    llvm::Argument *end = bodyFn->getArg(unsigned(captured.size()) + 1);
    begin->setName("begin");
    end->setName("end");
    DType loopType = loop->min.type();
    // The chunk [begin, end) of iteration numbers; the loop variable is
    // min + iteration.
    CountedLoop counted = beginCountedLoop(name, name + ".iter", begin, end, /*isUnsigned=*/false);
    Value *iv = b_.CreateIntCast(counted.iv, llvmType(loopType), true);
    iv = loopType.isUInt() ? b_.CreateAdd(inBody(mn), iv, name, true, false)
                           : b_.CreateAdd(inBody(mn), iv, name, false, true);
    pushSymbol(name, {iv, nullptr});
    // The target of break/continue in a serial nest (Sema forbids them in
    // parallel loops).
    loops_.push_back({counted.latch, counted.exit, heap_.size()});
    visit(body);
    loops_.pop_back();
    endCountedLoop(counted, name, {});
  } else {
    visit(body); // statements run once
  }
  emitReturn(0);
  finishFunction();

  // The trampoline the runtime calls: unpack the closure.
  if (parallel) {
    symbols_.clear();
    buffers_.clear();
    startFunction(trampoline);
    llvm::Argument *closure = trampoline->getArg(0);
    closure->setName("closure");
    if (!captured.empty()) {
      closure->addAttr(llvm::Attribute::NoAlias);
      closure->addAttr(llvm::Attribute::NoCapture);
      closure->addAttr(llvm::Attribute::ReadOnly);
      closure->addAttr(llvm::Attribute::NonNull);
      closure->addAttr(llvm::Attribute::getWithAlignment(
          ctx_, module_.getDataLayout().getABITypeAlign(closureTy)));
      closure->addAttr(llvm::Attribute::getWithDereferenceableBytes(
          ctx_, module_.getDataLayout().getTypeAllocSize(closureTy)));
    }
    std::vector<Value *> args;
    for (unsigned k = 0; k < captured.size(); ++k) {
      Value *field = b_.CreateStructGEP(closureTy, closure, k);
      args.push_back(b_.CreateLoad(fieldTypes[k], field, bodyFn->getArg(k)->getName()));
    }
    trampoline->getArg(1)->setName("begin");
    trampoline->getArg(2)->setName("end");
    args.push_back(trampoline->getArg(1));
    args.push_back(trampoline->getArg(2));
    b_.CreateRet(b_.CreateCall(bodyFn, args));
    finishFunction();
  }

  // Back in the enclosing function.
  fn_ = savedFn;
  sp_ = savedSp;
  symbols_ = std::move(savedSymbols);
  buffers_ = std::move(savedBuffers);
  heap_ = std::move(savedHeap);
  loops_ = std::move(savedLoops);
  b_.SetInsertPoint(savedBlock);
  b_.SetCurrentDebugLocation(savedLoc);

  Value *rc;
  if (!parallel) {
    // Called directly: errors inside were delivered there already.
    std::vector<Value *> args = captured;
    if (loop) {
      args.push_back(b_.getInt32(0));
      args.push_back(ext);
    }
    rc = b_.CreateCall(bodyFn, args, name + ".rc");
  } else {
    Value *closurePtr = llvm::ConstantPointerNull::get(llvm::PointerType::getUnqual(ctx_));
    if (!captured.empty()) {
      const llvm::DataLayout &dl = module_.getDataLayout();
      llvm::AllocaInst *c = entryAlloca(closureTy, nullptr, baseName + ".closure",
                                        unsigned(dl.getABITypeAlign(closureTy).value()));
      for (unsigned k = 0; k < captured.size(); ++k)
        b_.CreateStore(captured[k], b_.CreateStructGEP(closureTy, c, k));
      closurePtr = c;
    }
    llvm::FunctionCallee parallelFor = module_.getOrInsertFunction(
        kParallelForSymbol, llvm::FunctionType::get(i32, {ptr, ptr, i32}, false));
    if (auto *f = llvm::dyn_cast<llvm::Function>(parallelFor.getCallee())) f->setDoesNotThrow();
    rc = b_.CreateCall(parallelFor, {trampoline, closurePtr, ext}, name + ".rc");
  }
  std::string prefix = parallel ? "par." : "nest.";
  llvm::BasicBlock *fail = newBlock(prefix + name + ".fail");
  llvm::BasicBlock *ok = newBlock(prefix + name + ".ok");
  llvm::MDBuilder md(ctx_);
  b_.CreateCondBr(b_.CreateICmpEQ(rc, b_.getInt32(0)), ok, fail,
                  md.createBranchWeights(1u << 20, 1));
  fail->moveAfter(&fn_->back());
  b_.SetInsertPoint(fail);
  // The runtime has already delivered the error to the handler.
  emitFreesDownTo(0);
  b_.CreateRet(rc);
  ok->moveAfter(&fn_->back());
  b_.SetInsertPoint(ok);
}

} // namespace hybridc::codegen
