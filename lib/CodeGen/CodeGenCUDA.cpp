//===- CodeGenCUDA.cpp - The cuda target: NVPTX kernels, host launches -----===//
//
// docs/cuda.md. A def becomes (SplitHostDevice.h) one GPU kernel per
// top-level bound nest:
//  - device (CodeGenNVPTX): the nest compiled by the common CodeGenLLVM into
//    an internal `i32 <entry>.body(args)`, always inlined into the PTX
//    entry `void <entry>(args)` (calling convention ptx_kernel). A loop
//    bound to a tag is the thread's index: iv = %tid/%ctaid + min, the body
//    guarded by index < extent. exp/log/tanh/sigmoid/erf use the VectorMath
//    polynomials (there is no libm on the device). Errors have nowhere to
//    go on the device: the host checked the arguments already.
//  - host (CodeGenCUDAHost): `int32_t NAME_on_stream(args..., void *stream)`
//    with the CPU targets' argument checks, then for each kernel the grid
//    and block from its bound extents and a call of the runtime's
//    hybridc_rt_v2_cuda_launch (runtime.c: module cache per context,
//    cuLaunchKernel, driver errors -> return 4); `NAME(args...)` calls it
//    with the default stream. The host body is what split-host-device
//    left: one launch statement per kernel (SplitHostDevice.h).
//
//===----------------------------------------------------------------------===//
#include "CodeGenCUDA.h"

#include "hybridc/Support/InternalError.h"

#include "llvm/IR/IntrinsicsNVPTX.h"
#include "llvm/IR/Module.h"

namespace hybridc::codegen {

using namespace ir;
using llvm::Value;

namespace {

class CodeGenNVPTX : public CodeGenLLVM {
public:
  CodeGenNVPTX(llvm::Module &m, llvm::TargetMachine *tm) : CodeGenLLVM(m, tm) {
    checkArgs_ = false;
  }

protected:
  bool scalarVectorMath() const override { return true; }
  void emitReportError(int, const std::string &) override {}
  void addKernelAttributes(llvm::Function *) override {}

  void emitThreadBoundFor(const For *op) override {
    static const std::map<std::string, unsigned> kRegister = {
        {"threadIdx.x", llvm::Intrinsic::nvvm_read_ptx_sreg_tid_x},
        {"threadIdx.y", llvm::Intrinsic::nvvm_read_ptx_sreg_tid_y},
        {"threadIdx.z", llvm::Intrinsic::nvvm_read_ptx_sreg_tid_z},
        {"blockIdx.x", llvm::Intrinsic::nvvm_read_ptx_sreg_ctaid_x},
        {"blockIdx.y", llvm::Intrinsic::nvvm_read_ptx_sreg_ctaid_y},
        {"blockIdx.z", llvm::Intrinsic::nvvm_read_ptx_sreg_ctaid_z},
    };
    auto it = kRegister.find(op->threadTag);
    if (it == kRegister.end()) { // vthread: a plain loop
      emitSerialFor(op, {});
      return;
    }
    Value *id = b_.CreateZExt(callIntrinsic(it->second, {}, {}, op->threadTag), b_.getInt64Ty());
    Value *ext = castValue(codegen(op->extent), op->extent.type(), DType::i64());
    Value *mn = castValue(codegen(op->min), op->min.type(), DType::i64());
    llvm::BasicBlock *body = newBlock("bind." + op->name);
    llvm::BasicBlock *end = newBlock("bind." + op->name + ".end");
    b_.CreateCondBr(b_.CreateICmpULT(id, ext), body, end);
    b_.SetInsertPoint(body);
    Value *iv = b_.CreateIntCast(b_.CreateAdd(id, mn), llvmType(op->min.type()), true, op->name);
    size_t mark = symbols_.size();
    pushSymbol(op->name, {iv, nullptr});
    visit(op->body);
    popSymbols(mark);
    if (!b_.GetInsertBlock()->getTerminator()) b_.CreateBr(end);
    end->moveAfter(&fn_->back());
    b_.SetInsertPoint(end);
  }
  llvm::Value *emitHeapAlloc(llvm::Value *, const std::string &name) override {
    HY_UNREACHABLE("cuda: heap allocate of '" + name + "' reached the device code generator");
  }
  void emitHeapFree(llvm::Value *) override {}

  void emitBarrier() override { callIntrinsic(llvm::Intrinsic::nvvm_barrier0, {}, {}); }
  bool streamStores() const override { return false; }

  // 'shared': one array per block in the shared address space (3); loads and
  // stores go through a generic pointer that InferAddressSpaces turns back
  // into ld.shared/st.shared.
  llvm::Value *emitScopedAllocation(const BufferNode &buf) override {
    if (buf.scope != "shared") return nullptr;
    uint64_t elems = 1;
    for (const Expr &d : buf.shape) {
      const int64_t *c = asConstInt(d);
      HY_ASSERT(c && *c >= 0, "cuda: shared buffer '" + buf.name + "' without a constant shape");
      elems *= uint64_t(*c);
    }
    auto *ty = llvm::ArrayType::get(memType(buf.dtype), std::max<uint64_t>(elems, 1));
    auto *g = new llvm::GlobalVariable(module_, ty, false, llvm::GlobalValue::InternalLinkage,
                                       llvm::UndefValue::get(ty), buf.name + ".shared", nullptr,
                                       llvm::GlobalValue::NotThreadLocal, 3);
    g->setAlignment(llvm::Align(16));
    return b_.CreateAddrSpaceCast(g, llvm::PointerType::getUnqual(ctx_), buf.name);
  }
};

class CodeGenCUDAHost : public CodeGenLLVM {
public:
  CodeGenCUDAHost(llvm::Module &m, llvm::TargetMachine *tm, llvm::GlobalVariable *ptx,
                  llvm::GlobalVariable *cache)
      : CodeGenLLVM(m, tm), ptx_(ptx), cache_(cache) {
    extraPtrParams_ = {"hybridc.stream"};
  }
  std::map<std::string, const DeviceKernel *> kernels; // entry name -> kernel

protected:
  void visit(const Evaluate *op) override {
    std::optional<std::string> name = launchedKernel(op);
    if (!name) return CodeGenLLVM::visit(op);
    auto it = kernels.find(*name);
    HY_ASSERT(it != kernels.end(), "cuda: launch of an unknown kernel " + *name);
    emitLaunch(*it->second);
  }

private:
  void emitLaunch(const DeviceKernel &k) {
    std::vector<Value *> dims;
    for (const char *tag :
         {"blockIdx.x", "blockIdx.y", "blockIdx.z", "threadIdx.x", "threadIdx.y", "threadIdx.z"}) {
      auto it = k.extents.find(tag);
      dims.push_back(it == k.extents.end()
                         ? b_.getInt64(1)
                         : castValue(codegen(it->second), it->second.type(), DType::i64()));
    }
    // cuLaunchKernel's kernelParams: one pointer per parameter, to a copy
    // of its value (the stream, last, is not a kernel parameter).
    unsigned n = fn_->arg_size() - (unsigned)extraPtrParams_.size();
    llvm::Type *ptr = llvm::PointerType::getUnqual(ctx_);
    llvm::AllocaInst *params =
        entryAlloca(llvm::ArrayType::get(ptr, std::max(1u, n)), nullptr, k.name + ".params", 8);
    for (unsigned i = 0; i < n; ++i) {
      llvm::Argument *arg = fn_->getArg(i);
      llvm::AllocaInst *slot =
          entryAlloca(arg->getType(), nullptr, arg->getName().str() + ".slot", 8);
      b_.CreateStore(arg, slot);
      b_.CreateStore(slot, b_.CreateConstGEP2_32(params->getAllocatedType(), params, 0, i));
    }
    llvm::Type *i64 = b_.getInt64Ty();
    llvm::FunctionCallee launch = module_.getOrInsertFunction(
        "hybridc_rt_v2_cuda_launch",
        llvm::FunctionType::get(
            b_.getInt32Ty(), {ptr, ptr, ptr, ptr, i64, i64, i64, i64, i64, i64, ptr, ptr}, false));
    Value *entry = b_.CreateGlobalString(k.name, k.name + ".entry", 0, &module_);
    Value *stream = lookup("hybridc.stream")->value;
    Value *rc = b_.CreateCall(launch,
                              {kernelName_, ptx_, cache_, entry, dims[0], dims[1], dims[2], dims[3],
                               dims[4], dims[5], stream, params},
                              k.name + ".rc");
    llvm::BasicBlock *fail = newBlock(k.name + ".failed");
    llvm::BasicBlock *cont = newBlock(k.name + ".launched");
    b_.CreateCondBr(b_.CreateICmpEQ(rc, b_.getInt32(0)), cont, fail);
    fail->moveAfter(&fn_->back());
    b_.SetInsertPoint(fail);
    emitReturn(4); // the runtime reported the driver's error
    cont->moveAfter(&fn_->back());
    b_.SetInsertPoint(cont);
  }

  llvm::GlobalVariable *ptx_, *cache_;
};

} // namespace

void compileDeviceKernels(llvm::Module &m, llvm::TargetMachine *tm, const LoweredFunc &f) {
  CodeGenNVPTX cg(m, tm);
  for (const DeviceKernel &k : f.kernels) {
    LoweredFunc body = f;
    body.name = k.name + ".body";
    body.body = k.body;
    body.argChecks.clear(); // checked on the host
    body.kernels.clear();
    llvm::Function *inner = cg.compile(body);
    inner->setLinkage(llvm::GlobalValue::InternalLinkage);
    inner->addFnAttr(llvm::Attribute::AlwaysInline);
    auto *entry =
        llvm::Function::Create(llvm::FunctionType::get(llvm::Type::getVoidTy(m.getContext()),
                                                       inner->getFunctionType()->params(), false),
                               llvm::GlobalValue::ExternalLinkage, k.name, m);
    entry->setCallingConv(llvm::CallingConv::PTX_Kernel);
    entry->addFnAttr(llvm::Attribute::NoUnwind);
    std::vector<Value *> args;
    for (unsigned i = 0; i < entry->arg_size(); ++i) {
      llvm::Argument *a = entry->getArg(i);
      a->setName(inner->getArg(i)->getName());
      // Buffers never alias (docs/contract.md); read-only ones may take the
      // non-coherent path (ld.global.nc).
      for (auto kind :
           {llvm::Attribute::NoAlias, llvm::Attribute::ReadOnly, llvm::Attribute::NoCapture})
        if (inner->getArg(i)->hasAttribute(kind)) a->addAttr(kind);
      args.push_back(a);
    }
    llvm::IRBuilder<> b(llvm::BasicBlock::Create(m.getContext(), "entry", entry));
    b.CreateCall(inner, args);
    b.CreateRetVoid();
  }
}

void compileHostLaunches(llvm::Module &m, llvm::TargetMachine *tm, const LoweredFunc &f,
                         llvm::GlobalVariable *ptx, llvm::GlobalVariable *cache) {
  CodeGenCUDAHost cg(m, tm, ptx, cache);
  for (const DeviceKernel &k : f.kernels) cg.kernels[k.name] = &k;
  llvm::Function *onStream = cg.compile(f); // the body is the launches (split-host-device)
  onStream->setName(f.name + "_on_stream");
  // NAME(args...) = NAME_on_stream(args..., 0).
  llvm::FunctionType *ft = onStream->getFunctionType();
  std::vector<llvm::Type *> params(ft->param_begin(), ft->param_end() - 1);
  auto *plain = llvm::Function::Create(llvm::FunctionType::get(ft->getReturnType(), params, false),
                                       llvm::GlobalValue::ExternalLinkage, f.name, m);
  plain->setAttributes(onStream->getAttributes());
  llvm::IRBuilder<> b(llvm::BasicBlock::Create(m.getContext(), "entry", plain));
  std::vector<Value *> args;
  for (unsigned i = 0; i < plain->arg_size(); ++i) {
    plain->getArg(i)->setName(onStream->getArg(i)->getName());
    args.push_back(plain->getArg(i));
  }
  args.push_back(llvm::ConstantPointerNull::get(llvm::PointerType::getUnqual(m.getContext())));
  b.CreateRet(b.CreateCall(onStream, args));
}

} // namespace hybridc::codegen
