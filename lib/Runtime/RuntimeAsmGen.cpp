//===- RuntimeAsmGen.cpp - Precompile the runtime to assembly (build tool) ===//
//
// A build-time tool, not part of hybridc: it reads the runtime bitcode that
// clang made from runtime.c (one file per arch), compiles every runtime
// symbol to assembly text on its own, and writes RuntimeAsm.cpp, the table
// that lib/CodeGen/RuntimeLinker.cpp appends to each generated module as
// module-level assembly (docs/architecture.md, "The runtime").
//
// Why assembly and not bitcode: compiling the runtime in every hybridc run
// (its own subtarget, instruction selection, register allocation) cost
// 10-15 ms per object with a parallel loop, more than many kernels; parsing
// the precompiled text costs a few (bench/RESULTS.md, issue 15).
//
// Each symbol S becomes one chunk: a module in which only S (and the
// private constants it uses) is defined, with linkonce_odr linkage and a
// COMDAT of its own name, so that any number of hybridc objects link into
// one program with one copy of each. Its private names (string constants,
// and the assembler's .L labels, which restart at .LBB0_0 in every module)
// are prefixed per chunk so that chunks and the kernel's own code never
// collide in one assembly unit. Each chunk lists the runtime symbols it
// refers to, so that hybridc includes only what a kernel needs.
//
//   hybridc-runtime-asm OUT.cpp ARCH BITCODE TRIPLE CPU [ARCH BITCODE TRIPLE CPU ...]
//
//===----------------------------------------------------------------------===//
#include "llvm/Bitcode/BitcodeReader.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/Target/TargetOptions.h"
#include "llvm/TargetParser/Triple.h"
#include "llvm/Transforms/Utils/Cloning.h"

#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

[[noreturn]] void die(const std::string &msg) {
  std::fprintf(stderr, "hybridc-runtime-asm: %s\n", msg.c_str());
  std::exit(1);
}

bool isIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '$';
}

/// Drops the directives that belong to a whole file (.file, .ident, the
/// address-significance table, the stack note: the kernel's module writes
/// its own) and prefixes every assembler-local label (.L...) outside string
/// literals with `prefix`.
std::string cleanAssembly(const std::string &text, const std::string &prefix) {
  std::istringstream in(text);
  std::string line, out;
  while (std::getline(in, line)) {
    llvm::StringRef t = llvm::StringRef(line).trim();
    if (t.starts_with(".file") || t.starts_with(".ident") || t.starts_with(".addrsig") ||
        t.contains(".note.GNU-stack"))
      continue;
    std::string renamed;
    bool inString = false;
    for (size_t i = 0; i < line.size(); ++i) {
      char c = line[i];
      if (inString) {
        renamed += c;
        if (c == '\\' && i + 1 < line.size())
          renamed += line[++i];
        else if (c == '"')
          inString = false;
        continue;
      }
      if (c == '"') inString = true;
      if (c == '.' && i + 1 < line.size() && line[i + 1] == 'L' &&
          (i == 0 || !isIdentChar(line[i - 1]))) {
        renamed += ".L" + prefix;
        ++i;
        continue;
      }
      renamed += c;
    }
    out += renamed + "\n";
  }
  return out;
}

std::string cString(const std::string &s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '\n')
      out += "\\n\"\n    \"";
    else if (c == '\\' || c == '"')
      out += std::string("\\") + char(c);
    else if (c == '\t')
      out += "\\t";
    else if (c < 32 || c >= 127) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%03o", c);
      out += buf;
    } else
      out += char(c);
  }
  return out + "\"";
}

struct Chunk {
  std::string name, assembly;
  std::vector<std::string> deps;
};

std::vector<Chunk> compileArch(const std::string &bitcode, const std::string &tripleName,
                               const std::string &cpu) {
  llvm::LLVMContext ctx;
  auto buffer = llvm::MemoryBuffer::getFile(bitcode);
  if (!buffer) die("cannot read " + bitcode);
  auto parsed = llvm::parseBitcodeFile((*buffer)->getMemBufferRef(), ctx);
  if (!parsed) die("cannot parse " + bitcode + ": " + llvm::toString(parsed.takeError()));
  std::unique_ptr<llvm::Module> rt = std::move(*parsed);

  std::string error;
  const llvm::Target *target = llvm::TargetRegistry::lookupTarget(tripleName, error);
  if (!target) die(error);
  llvm::TargetOptions options;
  options.FunctionSections = true;
  options.DataSections = true;
  std::unique_ptr<llvm::TargetMachine> tm(
      target->createTargetMachine(tripleName, cpu, "", options, llvm::Reloc::PIC_, std::nullopt,
                                  llvm::CodeGenOptLevel::Default));
  if (!tm) die("no target machine for " + tripleName);
  rt->setTargetTriple(tripleName);
  rt->setDataLayout(tm->createDataLayout());
  if (llvm::NamedMDNode *ident = rt->getNamedMetadata("llvm.ident")) rt->eraseNamedMetadata(ident);

  std::vector<std::string> names;
  for (llvm::GlobalObject &go : rt->global_objects())
    if (!go.isDeclaration() && !go.hasLocalLinkage()) names.push_back(go.getName().str());
  std::set<std::string> runtimeNames(names.begin(), names.end());

  std::vector<Chunk> chunks;
  for (size_t k = 0; k < names.size(); ++k) {
    const std::string &name = names[k];
    std::unique_ptr<llvm::Module> m = llvm::CloneModule(*rt);
    // Only `name` stays defined among the runtime's symbols.
    for (llvm::Function &f : *m)
      if (!f.isDeclaration() && !f.hasLocalLinkage() && f.getName() != name) {
        f.deleteBody();
        f.setComdat(nullptr);
      }
    for (llvm::GlobalVariable &g : m->globals())
      if (!g.isDeclaration() && !g.hasLocalLinkage() && g.getName() != name) {
        g.setInitializer(nullptr);
        g.setLinkage(llvm::GlobalValue::ExternalLinkage);
        g.setComdat(nullptr);
      }
    // Local symbols nothing refers to any more go; the rest get a name of
    // this chunk.
    for (bool changed = true; changed;) {
      changed = false;
      std::vector<llvm::GlobalValue *> dead;
      for (llvm::GlobalValue &gv : m->global_values()) {
        gv.removeDeadConstantUsers();
        if (gv.hasLocalLinkage() && gv.use_empty()) dead.push_back(&gv);
      }
      for (llvm::GlobalValue *gv : dead) {
        if (auto *g = llvm::dyn_cast<llvm::GlobalVariable>(gv)) g->setInitializer(nullptr);
        gv->eraseFromParent();
        changed = true;
      }
    }
    for (llvm::GlobalValue &gv : m->global_values())
      if (gv.hasLocalLinkage()) gv.setName("hybridc_rt_v2." + name + "." + gv.getName().str());
    auto *go = llvm::cast<llvm::GlobalObject>(m->getNamedValue(name));
    go->setLinkage(llvm::GlobalValue::LinkOnceODRLinkage);
    go->setVisibility(llvm::GlobalValue::DefaultVisibility);
    go->setComdat(m->getOrInsertComdat(name));
    // One copy per program: its address is what every object refers to.
    if (llvm::isa<llvm::GlobalVariable>(go))
      go->setUnnamedAddr(llvm::GlobalValue::UnnamedAddr::None);

    Chunk chunk;
    chunk.name = name;
    for (llvm::GlobalValue &gv : m->global_values()) {
      gv.removeDeadConstantUsers();
      if (gv.isDeclaration() && runtimeNames.count(gv.getName().str()) && !gv.use_empty())
        chunk.deps.push_back(gv.getName().str());
    }
    std::string verify;
    llvm::raw_string_ostream vos(verify);
    if (llvm::verifyModule(*m, &vos)) die("invalid chunk " + name + ": " + verify);

    llvm::SmallString<0> text;
    llvm::raw_svector_ostream os(text);
    llvm::legacy::PassManager pm;
    if (tm->addPassesToEmitFile(pm, os, nullptr, llvm::CodeGenFileType::AssemblyFile))
      die("cannot emit assembly for " + tripleName);
    pm.run(*m);
    chunk.assembly = cleanAssembly(std::string(text.begin(), text.end()),
                                   "hybridc_rt" + std::to_string(k) + "_");
    chunks.push_back(std::move(chunk));
  }
  return chunks;
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 6 || (argc - 2) % 4 != 0)
    die("usage: hybridc-runtime-asm OUT.cpp ARCH BITCODE TRIPLE CPU [ARCH BITCODE TRIPLE CPU ...]");
  LLVMInitializeX86TargetInfo();
  LLVMInitializeX86Target();
  LLVMInitializeX86TargetMC();
  LLVMInitializeX86AsmPrinter();
  LLVMInitializeAArch64TargetInfo();
  LLVMInitializeAArch64Target();
  LLVMInitializeAArch64TargetMC();
  LLVMInitializeAArch64AsmPrinter();

  std::string out = "// Generated by hybridc-runtime-asm (lib/Runtime/RuntimeAsmGen.cpp) from "
                    "runtime.c; do not edit.\n#include \"RuntimeAsm.h\"\n\nnamespace "
                    "hybridc::runtime {\nnamespace {\n";
  std::string lookup;
  for (int i = 2; i < argc; i += 4) {
    std::string arch = argv[i];
    std::vector<Chunk> chunks = compileArch(argv[i + 1], argv[i + 2], argv[i + 3]);
    for (size_t k = 0; k < chunks.size(); ++k) {
      out += "const char *const kDeps_" + arch + "_" + std::to_string(k) + "[] = {";
      for (const std::string &d : chunks[k].deps) out += cString(d) + ", ";
      out += "nullptr};\n";
    }
    out += "const Symbol kSymbols_" + arch + "[] = {\n";
    for (size_t k = 0; k < chunks.size(); ++k)
      out += "  {" + cString(chunks[k].name) + ",\n    " + cString(chunks[k].assembly) +
             ",\n    kDeps_" + arch + "_" + std::to_string(k) + "},\n";
    out += "};\n";
    lookup += "  if (arch == \"" + arch + "\") return {kSymbols_" + arch + ", sizeof(kSymbols_" +
              arch + ") / sizeof(Symbol)};\n";
  }
  out += "} // namespace\n\nRuntime runtimeFor(std::string_view arch) {\n" + lookup +
         "  return {};\n}\n\n} // namespace hybridc::runtime\n";

  std::string tmp = std::string(argv[1]) + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary);
    f << out;
    if (!f) die("cannot write " + tmp);
  }
  if (std::rename(tmp.c_str(), argv[1]) != 0) die(std::string("cannot write ") + argv[1]);
  return 0;
}
