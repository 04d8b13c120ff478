//===- SupportTest.cpp - SourceManager, diagnostics, dtypes ---------------===//
#include "hybridc/Support/DType.h"
#include "hybridc/Support/Diagnostics.h"

#include <catch2/catch.hpp>
#include <sstream>

using namespace hybridc;

TEST_CASE("promotion follows TVM's BinaryOpMatchTypes", "[support]") {
  auto p = [](const char *a, const char *b) {
    return promote(*DType::parse(a), *DType::parse(b)).str();
  };
  CHECK(p("int32", "float32") == "float32");
  CHECK(p("float64", "int64") == "float64");
  CHECK(p("float16", "float32") == "float32");
  CHECK(p("int8", "int32") == "int32");
  CHECK(p("uint8", "uint16") == "uint16");
  CHECK(p("int32", "uint32") == "uint32");
  CHECK(p("int64", "uint32") == "int64");
  CHECK(p("uint64", "int32") == "uint64");
  CHECK(p("bool", "int32") == "int32");
}

TEST_CASE("diagnostics render with a caret and sort by location", "[support]") {
  SourceManager sm;
  uint32_t b = sm.addBuffer("k.hy", "def f(a):\n    x = y + 1\n");
  DiagnosticEngine diags(sm);
  diags.report(DiagKind::UndeclaredVariable, {sm.locAt(b, 18), sm.locAt(b, 19)}, {"y"});
  diags.report(DiagKind::UndeclaredVariable, {sm.locAt(b, 6), sm.locAt(b, 7)}, {"a"});
  std::ostringstream os;
  diags.render(os, false);
  CHECK(os.str() == "k.hy:1:7: error: undeclared variable 'a' [UndeclaredVariable]\n"
                    "    def f(a):\n"
                    "          ^\n"
                    "k.hy:2:9: error: undeclared variable 'y' [UndeclaredVariable]\n"
                    "        x = y + 1\n"
                    "            ^\n"
                    "2 errors generated.\n");
}
