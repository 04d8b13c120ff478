//===- CodeGenTestUtil.h - Build kernels by hand, compile, link, run ------===//
//
// Shared by CodeGenTest.cpp and HeaderTest.cpp: small constructors for loop
// IR (buffers, args, loops), a temporary directory, and `runKernels`, which
// compiles lowered functions with generateCode, writes the object and its
// header beside a C harness, links them with the target's C compiler (cc,
// or aarch64-linux-gnu-gcc + qemu-aarch64) and returns what the program
// printed.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "hybridc/CodeGen/CodeGen.h"
#include "hybridc/IR/IR.h"
#include "hybridc/Support/SourceManager.h"
#include "hybridc/Transforms/Passes.h"

#include <catch2/catch.hpp>
#include <initializer_list>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace cgtest {

using namespace hybridc;
using namespace hybridc::ir;

inline Expr i64(int64_t v) { return IntImm::make(DType::i64(), v); }
inline Expr var(const std::string &n, DType t = DType::i32()) { return Var::make(t, n); }
inline Expr f32(double v) { return FloatImm::make(DType::f32(), v); }

/// A dense row-major buffer; strides are int64 exprs (constants when the
/// shape is constant).
inline Buffer buffer(const std::string &name, DType t, std::vector<Expr> shape,
                     BufferNode::Kind kind = BufferNode::Temp) {
  auto b = std::make_shared<BufferNode>();
  b->name = name;
  b->dtype = t;
  b->kind = kind;
  b->shape = shape;
  b->strides.resize(shape.size());
  Expr s = i64(1);
  for (size_t k = shape.size(); k-- > 0;) {
    b->strides[k] = s;
    const int64_t *c = asConstInt(shape[k]);
    const int64_t *cs = asConstInt(s);
    s = c && cs ? i64(*c * *cs) : s * Cast::make(DType::i64(), shape[k]);
  }
  return b;
}

/// A strided input: strides are the run-time parameters "<name>.stride<k>".
inline Buffer stridedInput(const std::string &name, DType t, std::vector<Expr> shape) {
  Buffer b = buffer(name, t, shape, BufferNode::Input);
  b->strided = true;
  for (size_t k = 0; k < shape.size(); ++k)
    b->strides[k] = var(name + ".stride" + std::to_string(k), DType::i64());
  return b;
}

inline Arg inArg(const Buffer &b) { return {Arg::InputBuffer, b->name, b->dtype, b}; }
inline Arg outArg(const Buffer &b) { return {Arg::OutputBuffer, b->name, b->dtype, b}; }
inline Arg scalarArg(const std::string &n, DType t) { return {Arg::Scalar, n, t, nullptr}; }

inline Stmt loop(const std::string &name, Expr extent, Stmt body, ForKind k = ForKind::Serial) {
  return For::make(name, Expr(0), extent, k, body);
}

inline LoweredFunc kernel(const std::string &name, std::vector<Arg> args, Stmt body) {
  LoweredFunc f;
  f.name = name;
  f.sourceName = name;
  f.args = std::move(args);
  f.body = body;
  return f;
}

struct TempDir {
  std::string path;
  TempDir() {
    char tmpl[] = "/tmp/hybridc-cgtest-XXXXXX";
    REQUIRE(mkdtemp(tmpl));
    path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  std::string file(const std::string &name) const { return path + "/" + name; }
  void write(const std::string &name, const std::string &contents) const {
    std::ofstream os(file(name), std::ios::binary);
    os << contents;
  }
};

/// Runs `cmd` with sh; returns the exit status, output in `out`.
inline int run(const std::string &cmd, std::string &out) {
  out.clear();
  FILE *p = popen(cmd.c_str(), "r");
  if (!p) return -1;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int status = pclose(p);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

inline bool haveTool(const std::string &tool) {
  std::string out;
  return run("command -v " + tool + " >/dev/null 2>&1", out) == 0;
}

/// The targets the end-to-end tests run on: the host and AArch64 (under
/// qemu). The set-up script installs the cross tools: missing ones fail.
inline std::vector<std::string> e2eTargets() { return {"host", "aarch64"}; }

struct RunResult {
  int exitCode = 0;
  std::string out, err;
};

/// Compiles `funcs` for `target`, links them with `harness` (which may
/// #include "k.h"), runs the program. `extra` are more C files to compile in.

/// generateCode on hand-built loop IR: flattened and its parallel loops
/// outlined first, as lowerModule's last passes (flatten-storage,
/// lower-parallel) do.
inline std::optional<std::string> generateFlat(std::vector<hybridc::ir::LoweredFunc> funcs,
                                               const std::string &moduleName,
                                               const hybridc::TargetOptions &target,
                                               const hybridc::CodeGenRequest &request,
                                               const hybridc::SourceManager *sm = nullptr) {
  for (auto &f : funcs)
    if (!f.storageFlat) {
      hybridc::ir::flattenStorage(f);
      f.body = hybridc::ir::lowerParallel(f.body);
    }
  return hybridc::generateCode(funcs, moduleName, target, request, sm);
}

inline RunResult runKernels(const std::vector<LoweredFunc> &funcs, const std::string &harness,
                            const std::string &target = "host", int opt = 3,
                            const std::string &mcpu = "") {
  TempDir dir;
  TargetOptions to;
  to.target = target;
  to.mcpu = mcpu;
  to.optLevel = opt;
  std::string object;
  CodeGenRequest req;
  req.object = &object;
  auto err = generateFlat(funcs, "k", to, req);
  INFO("generateCode: " << err.value_or(""));
  REQUIRE(!err);
  dir.write("k.o", object);
  dir.write("k.h", emitHeader(funcs, "K_H"));
  dir.write("main.c", harness);
  bool cross = target == "aarch64";
  if (cross) {
    REQUIRE(haveTool("aarch64-linux-gnu-gcc"));
    REQUIRE(haveTool("qemu-aarch64"));
  }
  std::string cc = cross ? "aarch64-linux-gnu-gcc" : "cc";
  std::string out;
  int rc = run(cc + " -std=c99 -Wall -Werror -O1 -I" + dir.path + " " + dir.file("main.c") + " " +
                   dir.file("k.o") + " -o " + dir.file("t") + " -lm -lpthread 2>&1",
               out);
  INFO("link: " << out);
  REQUIRE(rc == 0);
  std::string runner = cross ? "qemu-aarch64 -L /usr/aarch64-linux-gnu " : "";
  RunResult r;
  r.exitCode = run(runner + dir.file("t") + " 2>" + dir.file("stderr"), r.out);
  std::ifstream es(dir.file("stderr"));
  std::stringstream ss;
  ss << es.rdbuf();
  r.err = ss.str();
  return r;
}

/// Runs `harness` with `funcs` on every e2e target, at each optimisation
/// level of `opts`, and checks that it exits 0 printing exactly `expected`.
inline void expectOutput(const std::vector<LoweredFunc> &funcs, const std::string &harness,
                         const std::string &expected, std::initializer_list<int> opts = {3}) {
  for (const std::string &target : e2eTargets()) {
    INFO("target " << target);
    for (int opt : opts) {
      INFO("-O" << opt);
      RunResult r = runKernels(funcs, harness, target, opt);
      REQUIRE(r.exitCode == 0);
      CHECK(r.out == expected);
    }
  }
}

/// The whitespace-separated numbers in `s`.
inline std::vector<double> numbers(const std::string &s) {
  std::istringstream is(s);
  std::vector<double> v;
  std::string tok;
  while (is >> tok) v.push_back(std::strtod(tok.c_str(), nullptr));
  return v;
}

} // namespace cgtest
