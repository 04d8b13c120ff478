//===- HeaderTest.cpp - The generated C header ----------------------------===//
//
// emitHeader output must be valid C99 and C++ under -Wall -Werror -pedantic,
// two headers must be includable together, and the prototypes must follow
// CONTRACT §4 (the end-to-end tests in CodeGenTest.cpp also include the
// header in every harness, so a prototype that disagrees with the object
// is caught there).
//
//===----------------------------------------------------------------------===//
#include "CodeGenTestUtil.h"

using namespace cgtest;

namespace {

std::vector<LoweredFunc> sampleKernels() {
  const char *types[] = {"bool",   "int8",   "int16",  "int32",   "int64",   "uint8",
                         "uint16", "uint32", "uint64", "float16", "float32", "float64"};
  std::vector<Arg> args;
  for (const char *t : types) args.push_back(scalarArg(std::string("s_") + t, *DType::parse(t)));
  Expr n = var("n");
  args.push_back(scalarArg("n", DType::i32()));
  Buffer a = stridedInput("a", DType::f32(), {n, 4});
  Buffer h = buffer("h", *DType::parse("float16"), {n}, BufferNode::Input);
  Buffer m = buffer("mask", DType::boolean(), {4}, BufferNode::Input);
  Buffer o = buffer("out", DType::f64(), {n}, BufferNode::Output);
  Buffer kw = buffer("int", DType::i32(), {2}, BufferNode::Output); // a C keyword
  args.push_back(inArg(a));
  args.push_back(inArg(h));
  args.push_back(inArg(m));
  args.push_back(outArg(o));
  args.push_back(outArg(kw));
  LoweredFunc big = kernel("everything", args, Block::make({}));
  big.signatureComment =
      "a: float32[n, 4] strided, h: float16[n] -> out: float64[n], int: int32[2]";
  LoweredFunc none = kernel("nothing", {}, Block::make({}));
  return {big, none};
}

} // namespace

TEST_CASE("header: prototypes follow the C ABI", "[header]") {
  std::string h = emitHeader(sampleKernels(), "SAMPLE_H");
  INFO(h);
  for (const char *s :
       {"#ifndef SAMPLE_H", "#include <stdint.h>", "extern \"C\" {", "#ifndef HYBRIDC_RUNTIME_API",
        "typedef void (*hybridc_error_handler_t)(const char *kernel, int32_t code, const char "
        "*message);",
        "void hybridc_set_error_handler(hybridc_error_handler_t handler);",
        "void hybridc_set_num_threads(int32_t n);",
        "int32_t everything(uint8_t s_bool, int8_t s_int8, int16_t s_int16, int32_t s_int32, "
        "int64_t s_int64, "
        "uint8_t s_uint8, uint16_t s_uint16, uint32_t s_uint32, uint64_t s_uint64, uint16_t "
        "s_float16, "
        "float s_float32, double s_float64, int32_t n, const float *a, int64_t a_stride0, int64_t "
        "a_stride1, "
        "const uint16_t *h, const uint8_t *mask, double *out, int32_t *int_);",
        "int32_t nothing(void);", "/* a: float32[n, 4] strided, h: float16[n]",
        " * a_stride0, a_stride1: element strides of a\n", "/* nothing\n",
        "returns 0 on success, 1 assert failed, 2 bad argument, 3 out of memory"})
    CHECK(h.find(s) != std::string::npos);
  CHECK(h.find("/tmp") == std::string::npos);
  CHECK(emitHeader(sampleKernels(), "SAMPLE_H") == h);
  std::vector<std::string> names = headerParamNames(sampleKernels()[0]);
  CHECK(names.back() == "int_");
}

TEST_CASE("header: compiles as C99 and C++ with -Wall -Werror -pedantic", "[header]") {
  TempDir dir;
  std::vector<LoweredFunc> ks = sampleKernels();
  dir.write("one.h", emitHeader({ks[0]}, "ONE_H"));
  dir.write("two.h", emitHeader({ks[1]}, "TWO_H"));
  // Both headers together (the runtime API is declared once), and one
  // header twice (the include guard).
  dir.write("use.c", "#include \"one.h\"\n#include \"two.h\"\n#include \"one.h\"\n"
                     "int use(void) { hybridc_set_num_threads(0); return nothing(); }\n");
  std::string out;
  int rc = run("cc -std=c99 -Wall -Wextra -Werror -pedantic -fsyntax-only " + dir.file("use.c") +
                   " 2>&1",
               out);
  INFO(out);
  CHECK(rc == 0);
  rc =
      run("c++ -x c++ -Wall -Wextra -Werror -pedantic -fsyntax-only " + dir.file("use.c") + " 2>&1",
          out);
  INFO(out);
  CHECK(rc == 0);
  rc = run("c++ -x c++ -std=c++11 -Wall -Wextra -Werror -pedantic -fsyntax-only " +
               dir.file("use.c") + " 2>&1",
           out);
  INFO(out);
  CHECK(rc == 0);
}

TEST_CASE("header: matches the object (all scalar types, strides, keyword names)", "[header]") {
  std::vector<LoweredFunc> ks = sampleKernels();
  const char *harness = R"(
#include <stdio.h>
#include "k.h"
int main(void) {
  float a[8] = {0}; uint16_t h[2] = {0}; uint8_t m[4] = {0}; double out[2]; int32_t kw[2];
  int r1 = everything(1, 2, 3, 4, 5, 6, 7, 8, 9, 0x3c00, 1.5f, 2.5, 2, a, 4, 1, h, m, out, kw);
  int r2 = nothing();
  int r3 = everything(1, 2, 3, 4, 5, 6, 7, 8, 9, 0x3c00, 1.5f, 2.5, 2, a, 4, 1, h, NULL, out, kw);
  printf("%d %d %d\n", r1, r2, r3);
  return 0;
}
)";
  for (const std::string &target : e2eTargets()) {
    INFO("target " << target);
    RunResult r = runKernels(ks, harness, target);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out == "0 0 2\n");
    CHECK(r.err == "hybridc: everything: argument 'mask' is null\n");
  }
}
