//===- CodeGenLLVM.h - Loop IR to LLVM IR, with target hooks --------------===//
//
// CodeGenLLVM is an IRVisitor that emits one LLVM function per LoweredFunc
// into a module it does not own. Expressions produce a value (codegen());
// statements emit instructions at the builder's insertion point. Values and
// blocks are named after the source's loops and variables ("for.i.body",
// "acc", ...) so that --emit-ir is readable.
//
// Target-specific choices are virtual hooks (parallel and thread-bound loops,
// heap allocation, function attributes); CodeGenCPU (CodeGenCPU.cpp) is the
// CPU back end, and an NVPTX one can slot in beside it.
//
// Private to lib/CodeGen: this is the only place LLVM headers are included.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "hybridc/IR/IR.h"
#include "hybridc/IR/IRVisitor.h"

#include "VectorMath.h"

#include "llvm/IR/IRBuilder.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace llvm {
class DIBuilder;
class DICompileUnit;
class DIFile;
class DISubprogram;
class TargetMachine;
} // namespace llvm

namespace hybridc {
class SourceManager;
}

namespace hybridc::codegen {

/// The runtime's entry that runs a parallel loop on the pool (ParallelFor.cpp
/// calls it; fenceStreamedFunctions fences before it).
inline constexpr const char *kParallelForSymbol = "hybridc_rt_v2_parallel_for";

class CodeGenLLVM : public ir::IRVisitor {
public:
  CodeGenLLVM(llvm::Module &module, llvm::TargetMachine *tm);
  ~CodeGenLLVM() override;

  /// Emits `f` as an external function `int32_t NAME(args...)`.
  llvm::Function *compile(const ir::LoweredFunc &f);

  /// -g: DWARF line tables mapping instructions to the .hy lines of the
  /// statements (StmtNode::loc) they come from. Call before compile();
  /// finishDebugInfo() after the last one.
  void enableDebugInfo(const SourceManager &sm);
  void finishDebugInfo();

  /// The LLVM type holding a value of `t` in registers (bool -> i1) and in
  /// memory (bool -> i8); vectors for lanes > 1.
  llvm::Type *llvmType(DType t) const;
  llvm::Type *memType(DType t) const;

protected:
  using ir::IRVisitor::visit;

  //===--- Target hooks --------------------------------------------------===//
  /// Attributes of a kernel (target-cpu, target-features, ...).
  virtual void addKernelAttributes(llvm::Function *fn);
  /// A loop bound to a GPU thread index (CPU: a serial loop).
  virtual void emitThreadBoundFor(const ir::For *op);
  /// Heap memory for an Allocate; returns a pointer, null on failure.
  virtual llvm::Value *emitHeapAlloc(llvm::Value *bytes, const std::string &name);
  virtual void emitHeapFree(llvm::Value *ptr);
  /// Calls the runtime error handler with (kernel, code, message).
  virtual void emitReportError(int code, const std::string &message);
  /// Whether exp/log/tanh/sigmoid/erf of a float32/float16 *scalar* use the
  /// VectorMath polynomials too (NVPTX: it has no libm to call).
  virtual bool scalarVectorMath() const { return false; }
  /// __syncthreads (cuda: bar.sync 0; CPUs run bound loops in order: none).
  virtual void emitBarrier() {}
  /// Storage for an Allocate of a scope the target places itself (cuda:
  /// 'shared' -> a per-block array in shared memory), or null for the
  /// default (stack or heap).
  virtual llvm::Value *emitScopedAllocation(const ir::BufferNode &) { return nullptr; }
  /// Whether the schedule's "stream" makes whole-vector stores non-temporal
  /// (cuda: no; its stores stay as they are).
  virtual bool streamStores() const { return true; }

  //===--- Expressions -----------------------------------------------------===//
  llvm::Value *codegen(const ir::Expr &e);
  void visit(const ir::IntImm *) override;
  void visit(const ir::FloatImm *) override;
  void visit(const ir::StringImm *) override;
  void visit(const ir::Var *) override;
  void visit(const ir::Cast *) override;
  void visit(const ir::Binary *) override;
  void visit(const ir::Cmp *) override;
  void visit(const ir::Logical *) override;
  void visit(const ir::Not *) override;
  void visit(const ir::Select *) override;
  void visit(const ir::Load *) override;
  void visit(const ir::Ramp *) override;
  void visit(const ir::Broadcast *) override;
  void visit(const ir::Call *) override;
  void visit(const ir::Shuffle *) override;

  //===--- Statements ------------------------------------------------------===//
  /// Every statement goes through here: sets the debug location (-g).
  void visit(const ir::Stmt &s);
  void visit(const ir::LetStmt *) override;
  void visit(const ir::VarDecl *) override;
  void visit(const ir::Assign *) override;
  void visit(const ir::Store *) override;
  void visit(const ir::For *) override;
  void visit(const ir::While *) override;
  void visit(const ir::Break *) override;
  void visit(const ir::Continue *) override;
  void visit(const ir::IfThenElse *) override;
  void visit(const ir::Block *) override;
  void visit(const ir::Allocate *) override;
  void visit(const ir::AssertStmt *) override;
  void visit(const ir::Evaluate *) override;
  /// Functions of their own: the thread pool's, or called directly (ParallelFor.cpp).
  void visit(const ir::Outlined *) override;

  //===--- Helpers ---------------------------------------------------------===//
  /// A serial loop over op's range; `loopMD` are extra llvm.loop properties.
  void emitSerialFor(const ir::For *op, std::vector<llvm::Metadata *> loopMD);
  /// The skeleton of `for iv in [begin, end)` with step 1, shared by serial
  /// loops and the chunk loop of an outlined parallel body: blocks
  /// "for.<name>", ".body", ".latch", ".end"; the induction variable is a
  /// phi named `ivName`.
  struct CountedLoop {
    llvm::PHINode *iv;
    llvm::BasicBlock *latch, *exit;
    bool isUnsigned;
  };
  /// Emits the header (phi and test) and enters the body block.
  CountedLoop beginCountedLoop(const std::string &name, const std::string &ivName,
                               llvm::Value *begin, llvm::Value *end, bool isUnsigned);
  /// Ends the body: increments in the latch, branches back (carrying the
  /// llvm.loop properties `loopMD`, if any) and enters the exit block.
  void endCountedLoop(const CountedLoop &loop, const std::string &name,
                      const std::vector<llvm::Metadata *> &loopMD);
  llvm::Value *castValue(llvm::Value *v, DType from, DType to);
  llvm::Value *emitDivMod(ir::BinOp op, llvm::Value *a, llvm::Value *b, DType t,
                          const ir::Expr &divisor);
  llvm::Value *emitMath(const ir::Call *op);
  llvm::Value *callIntrinsic(unsigned id, llvm::ArrayRef<llvm::Type *> types,
                             llvm::ArrayRef<llvm::Value *> args, const llvm::Twine &name = "");
  llvm::Value *callLibm(const std::string &f32Name, const std::string &f64Name, llvm::Value *x,
                        DType t);
  llvm::Value *splat(llvm::Value *v, unsigned lanes);
  llvm::Constant *constant(DType t, double v);

  /// The base pointer of a buffer (its strides are in the IR: the input
  /// is flattened, FlattenStorage.cpp).
  llvm::Value *bufferBase(const ir::Buffer &b);
  void bindBuffer(const ir::Buffer &b, llvm::Value *base) { buffers_[b.get()] = base; }
  /// The element address of a scalar or contiguous access (`offsets` is the
  /// flattened access's one int64 offset, or a stride-1 ramp of them), or
  /// null for any other vector access (then `vecPtrs` gets the per-lane
  /// addresses). `lanes` is the access width.
  /// A vector access in two contiguous runs (a loop over a fused index:
  /// lanes that cross a row): lanes where `mask` is set (those below
  /// `split`) at the returned address, the others `step` elements further.
  struct Pieces {
    llvm::Value *mask = nullptr, *split = nullptr;
    unsigned lanes = 0;
    int64_t step = 0;
  };
  /// The mask of a predicated access (`lanes` 1: a <1 x i1> of "any lane").
  llvm::Value *accessMask(const ir::Expr &predicate, unsigned lanes);
  /// With `pieces`, an access in two runs returns the first run's address
  /// and fills `pieces` (else it is a gather/scatter).
  llvm::Value *elementAddress(const ir::Buffer &b, const std::vector<ir::Expr> &offsets,
                              unsigned lanes, llvm::Value *&vecPtrs, Pieces *pieces = nullptr);
  /// An element offset: its int64 additions and multiplications nsw.
  llvm::Value *codegenOffset(const ir::Expr &e);
  llvm::Value *fromMemory(llvm::Value *v, DType t);
  llvm::Value *toMemory(llvm::Value *v, DType t);

  /// Starts a fresh block (after a branch that ends the current one).
  void startDeadBlock(const std::string &name);
  /// Frees the heap buffers above `depth` (innermost first).
  void emitFreesDownTo(size_t depth);
  /// Frees every heap buffer and returns `code`.
  void emitReturn(int code);
  /// A whole-vector store into a "stream" buffer (docs/schedules.md
  /// "stream"): non-temporal; on x86, whose non-temporal vector stores need
  /// an address aligned to the vector, only where it is (a branch per store,
  /// an ordinary store otherwise) and followed by an sfence before the
  /// function returns.
  void emitStreamStore(llvm::Value *v, llvm::Value *addr, llvm::Align align,
                       const std::string &name);
  /// The sfence before each return of the functions emitStreamStore wrote
  /// into (compile(), once the def and its outlined functions are done).
  void fenceStreamedFunctions();
  /// Branches to the failure path (report + return `code`) unless `ok`.
  void emitCheck(llvm::Value *ok, int code, const std::string &message,
                 const std::string &blockName);
  llvm::BasicBlock *newBlock(const std::string &name);
  llvm::AllocaInst *entryAlloca(llvm::Type *t, llvm::Value *count, const std::string &name,
                                unsigned align);

  struct Symbol {
    llvm::Value *value = nullptr;
    llvm::Type *mutableType = nullptr; // a VarDecl: value is its alloca
  };
  void pushSymbol(const std::string &name, Symbol s) { symbols_.emplace_back(name, s); }
  void popSymbols(size_t size) { symbols_.resize(size); }
  const Symbol *lookup(const std::string &name) const;

  struct LoopTargets {
    llvm::BasicBlock *continueBB, *breakBB;
    size_t heapDepth;
  };

  /// Pointer parameters compile() appends after the arguments (named, and
  /// bound as symbols of those names): the cuda host's stream.
  std::vector<std::string> extraPtrParams_;
  /// compile() checks null pointers and LoweredFunc::argChecks on entry
  /// (the cuda device code does not: its host did).
  bool checkArgs_ = true;

  llvm::Module &module_;
  llvm::LLVMContext &ctx_;
  llvm::TargetMachine *tm_;
  VectorMathTarget vectorMathTarget_; // what the math polynomials may use (VectorMath.h)
  llvm::IRBuilder<> b_;
  llvm::Function *fn_ = nullptr;
  const ir::LoweredFunc *func_ = nullptr;
  llvm::Value *kernelName_ = nullptr;
  llvm::Value *value_ = nullptr; // result of the last expression visit
  std::vector<std::pair<std::string, Symbol>> symbols_;
  std::map<const ir::BufferNode *, llvm::Value *> buffers_; // base pointers
  std::map<const ir::BufferNode *, llvm::GlobalVariable *> constBuffers_;
  std::vector<llvm::Value *> heap_;        // live heap buffers, outermost first
  std::vector<llvm::Function *> streamed_; // functions with non-temporal x86 stores
  std::vector<LoopTargets> loops_;

  // -g
  const SourceManager *sm_ = nullptr;
  std::unique_ptr<llvm::DIBuilder> di_;
  llvm::DICompileUnit *cu_ = nullptr;
  std::map<uint32_t, llvm::DIFile *> diFiles_;
  llvm::DISubprogram *sp_ = nullptr;
  llvm::DIFile *diFile(uint32_t buffer);
  void setLocation(SourceLoc loc);
};

/// The CPU back end (x86-64, AArch64).
std::unique_ptr<CodeGenLLVM> makeCodeGenCPU(llvm::Module &module, llvm::TargetMachine *tm);

} // namespace hybridc::codegen
