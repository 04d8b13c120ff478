//===- ScheduleTest.cpp - JSON parser and schedule schema -----------------===//
//
// The JSON parser keeps a range for every value and key and reports the
// first syntax error at the offending character; readSchedule() fills the
// ScheduleFile and reports every schema violation at the offending key or
// value.
//
//===----------------------------------------------------------------------===//
#include "hybridc/Schedule/Schedule.h"
#include "hybridc/Schedule/Json.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

using namespace hybridc;

namespace {

struct Read {
  SourceManager sm;
  DiagnosticEngine diags{sm};
  uint32_t buffer = 0;
  std::optional<ScheduleFile> file;

  explicit Read(const std::string &text) {
    buffer = sm.addBuffer("s.json", text);
    file = readSchedule(sm, buffer, diags);
  }
  /// "line:col: message [Kind]" of every diagnostic, in report order.
  std::vector<std::string> errors() const {
    std::vector<std::string> out;
    for (const Diagnostic &d : diags.diagnostics()) {
      LineCol lc = sm.lineCol(d.range.begin);
      out.push_back(std::to_string(lc.line) + ":" + std::to_string(lc.col) + ": " + d.message +
                    " [" + diagInfo(d.kind).name + "]");
    }
    return out;
  }
  std::string first() const {
    auto e = errors();
    return e.empty() ? std::string("<no error>") : e.front();
  }
  std::string text(SourceRange r) const { return std::string(sm.text(r)); }
};

} // namespace

//===--- JSON syntax ------------------------------------------------------===//

TEST_CASE("JSON values keep their ranges", "[schedule]") {
  SourceManager sm;
  DiagnosticEngine diags(sm);
  uint32_t b = sm.addBuffer(
      "x.json", "{ \"a\": [1, -2.5e3, true, null],\n  \"b\": {\"c\": \"\\u00e9\\n\"} }");
  auto v = json::parse(sm, b, diags);
  REQUIRE(v);
  CHECK(!diags.hasErrors());
  REQUIRE(v->kind == json::Value::Object);
  REQUIRE(v->members.size() == 2);
  CHECK(sm.text(v->keyRanges[0]) == "\"a\"");
  const json::Value *a = v->get("a");
  REQUIRE(a);
  CHECK(sm.text(a->range) == "[1, -2.5e3, true, null]");
  REQUIRE(a->elements.size() == 4);
  CHECK(a->elements[0]->isInteger);
  CHECK(a->elements[0]->number == 1);
  CHECK(!a->elements[1]->isInteger);
  CHECK(a->elements[1]->number == -2500);
  CHECK(sm.text(a->elements[1]->range) == "-2.5e3");
  CHECK(a->elements[2]->kind == json::Value::Bool);
  CHECK(a->elements[2]->boolean);
  CHECK(a->elements[3]->kind == json::Value::Null);
  const json::Value *c = v->get("b")->get("c");
  REQUIRE(c);
  CHECK(c->string == "\xc3\xa9\n");
  CHECK(sm.text(c->range) == "\"\\u00e9\\n\"");
  LineCol lc = sm.lineCol(v->keyRanges[1].begin);
  CHECK(lc.line == 2);
  CHECK(lc.col == 3);
  CHECK(std::string(c->kindName()) == "string");
  CHECK(v->get("zzz") == nullptr);
}

TEST_CASE("JSON syntax errors point at the offending character", "[schedule]") {
  auto err = [](const std::string &text) { return Read(text).first(); };
  CHECK(err("") == "1:1: invalid JSON: the file is empty; expected a JSON object [JsonSyntax]");
  CHECK(err("{\"f\": {} \"g\": {}}") ==
        "1:10: invalid JSON: expected ',' or '}' after object member, found '\"' [JsonSyntax]");
  CHECK(err("{\"f\": {},}") == "1:9: invalid JSON: trailing comma before '}' [JsonSyntax]");
  CHECK(err("[1, 2,]") == "1:6: invalid JSON: trailing comma before ']' [JsonSyntax]");
  CHECK(err("[1 2]") ==
        "1:4: invalid JSON: expected ',' or ']' after array element, found '2' [JsonSyntax]");
  CHECK(err("{\"f\n\": 1}") == "1:2: invalid JSON: unterminated string [JsonSyntax]");
  CHECK(err("{\"f\"") ==
        "1:5: invalid JSON: expected ':' after object key, found end of file [JsonSyntax]");
  CHECK(err("{\"f\" 1}") ==
        "1:6: invalid JSON: expected ':' after object key, found '1' [JsonSyntax]");
  CHECK(err("{f: 1}") == "1:2: invalid JSON: expected a string key, found 'f' [JsonSyntax]");
  CHECK(err("{'f': 1}") == "1:2: invalid JSON: strings must use double quotes [JsonSyntax]");
  CHECK(err("{\"a\": NaN}") == "1:7: invalid JSON: expected a value, found 'NaN' [JsonSyntax]");
  CHECK(err("{\"a\": False}") ==
        "1:7: invalid JSON: 'False' is Python; JSON spells it 'false' [JsonSyntax]");
  CHECK(err("{\"a\": 01}") ==
        "1:7: invalid JSON: leading zeros are not allowed in numbers [JsonSyntax]");
  CHECK(err("{\"a\": 1.}") ==
        "1:7: invalid JSON: expected a digit after '.' in a number [JsonSyntax]");
  CHECK(err("{\"a\": 12abc}") == "1:7: invalid JSON: invalid number '12abc' [JsonSyntax]");
  CHECK(err("{\"a\": \"\\x\"}") ==
        "1:8: invalid JSON: invalid escape '\\x' in a string [JsonSyntax]");
  CHECK(err("{\"a\": \"\\u12\"}") ==
        "1:8: invalid JSON: '\\u' must be followed by four hex digits [JsonSyntax]");
  CHECK(err("{\"a\": \"\\ud800\"}") ==
        "1:8: invalid JSON: unpaired UTF-16 surrogate in '\\u' escape [JsonSyntax]");
  CHECK(err("{\"a\": \"x\ty\"}") ==
        "1:9: invalid JSON: control character byte 0x09 in a string; escape it [JsonSyntax]");
  CHECK(err("{}\n// c") == "2:1: invalid JSON: comments are not allowed in JSON [JsonSyntax]");
  CHECK(err("{} {}") ==
        "1:4: invalid JSON: unexpected '{' after the end of the top-level value [JsonSyntax]");
  CHECK(err("{\"a\": [") == "1:8: invalid JSON: expected a value, found end of file [JsonSyntax]");
}

TEST_CASE("JSON: only the first syntax error is reported", "[schedule]") {
  Read r("{\"a\": 1,, \"b\": ]}");
  CHECK(r.errors().size() == 1);
  CHECK(!r.file);
}

TEST_CASE("JSON: deep nesting is an error, not a stack overflow", "[schedule]") {
  Read r(std::string(100000, '[') + std::string(100000, ']'));
  CHECK(r.first() == "1:258: invalid JSON: nesting is too deep [JsonSyntax]");
}

TEST_CASE("JSON: truncated documents never crash", "[schedule]") {
  std::string doc =
      R"({"f": {"args": {"a": {"shape": [4, "n"], "dtype": "float32", "strides": true},
  "c": {"const": [[1, 2], [3, 4]], "dtype": "int32"}},
  "schedule": [{"op": "split", "loop": "i", "factor": 4, "outer": "io", "inner": "ii"},
               {"op": "bind", "loop": "io", "thread": "blockIdx.x"}, "\u00e9\"x"]}})";
  for (size_t n = 0; n < doc.size(); ++n) {
    Read r(doc.substr(0, n));
    CHECK(r.diags.hasErrors());
    CHECK(!r.file);
  }
}

//===--- Schedule schema ----------------------------------------------------===//

TEST_CASE("a complete schedule is read into a ScheduleFile", "[schedule]") {
  Read r(R"({
  "f": {
    "args": {
      "a": {"shape": [100, "n"], "dtype": "float32"},
      "b": {"shape": ["n", "m"], "dtype": "float16", "strides": true},
      "c": {"const": [[1, 2, 3], [4, 5, 6]], "dtype": "int32"},
      "n": {"dtype": "int64"}
    },
    "schedule": [
      {"op": "split", "loop": "j", "factor": 4},
      {"op": "split", "loop": "i", "nparts": 8, "outer": "io", "inner": "ii"},
      {"op": "fuse", "loops": ["i", "j.outer"], "name": "ij"},
      {"op": "reorder", "loops": ["j.outer", "i", "j.inner"]},
      {"op": "tile", "loops": ["i", "j"], "factors": [32, 16]},
      {"op": "unroll", "loop": "j.inner"},
      {"op": "vectorize", "loop": "j.inner"},
      {"op": "parallel", "loop": "i"},
      {"op": "bind", "loop": "i", "thread": "blockIdx.x"}
    ]
  },
  "g": {}
})");
  INFO(r.first());
  REQUIRE(r.file);
  CHECK(!r.diags.hasErrors());
  REQUIRE(r.file->defs.size() == 2);
  const DefSchedule *f = r.file->find("f");
  REQUIRE(f);
  CHECK(r.text(f->keyRange) == "\"f\"");
  CHECK(r.file->find("g") != nullptr);
  CHECK(r.file->find("h") == nullptr);

  REQUIRE(f->args.size() == 4);
  const ArgDesc &a = f->args.at("a");
  CHECK(r.text(a.keyRange) == "\"a\"");
  CHECK(a.hasShape);
  REQUIRE(a.shape.size() == 2);
  CHECK(a.shape[0].constant == 100);
  CHECK(a.shape[1].param == "n");
  CHECK(!a.shape[1].constant);
  CHECK(r.text(a.shape[1].range) == "\"n\"");
  CHECK(a.dtype == DType::f32());
  CHECK(r.text(a.dtypeRange) == "\"float32\"");
  CHECK(!a.strided);
  CHECK(!a.hasConst);
  CHECK(f->args.at("b").strided);
  CHECK(r.text(f->args.at("b").stridesRange) == "true");
  const ArgDesc &c = f->args.at("c");
  CHECK(c.hasConst);
  CHECK(!c.hasShape);
  CHECK(c.constShape == std::vector<int64_t>{2, 3});
  CHECK(c.constValues == std::vector<double>{1, 2, 3, 4, 5, 6});
  CHECK(r.text(c.constRange) == "[[1, 2, 3], [4, 5, 6]]");
  const ArgDesc &n = f->args.at("n");
  CHECK(!n.hasShape);
  CHECK(n.dtype == DType::i64());

  REQUIRE(f->ops.size() == 9);
  CHECK(f->ops[0].kind == ScheduleOp::Split);
  CHECK(f->ops[0].loop == "j");
  CHECK(r.text(f->ops[0].loopRange) == "\"j\"");
  CHECK(f->ops[0].factor == 4);
  CHECK(!f->ops[0].nparts);
  CHECK(r.text(f->ops[0].factorRange) == "4");
  CHECK(f->ops[1].nparts == 8);
  CHECK(!f->ops[1].factor);
  CHECK(f->ops[1].outer == "io");
  CHECK(f->ops[1].inner == "ii");
  CHECK(f->ops[2].kind == ScheduleOp::Fuse);
  CHECK(f->ops[2].loops == std::vector<std::string>{"i", "j.outer"});
  CHECK(r.text(f->ops[2].loopRanges[1]) == "\"j.outer\"");
  CHECK(f->ops[2].name == "ij");
  CHECK(f->ops[3].kind == ScheduleOp::Reorder);
  CHECK(f->ops[3].loops.size() == 3);
  CHECK(f->ops[4].kind == ScheduleOp::Tile);
  CHECK(f->ops[4].factors == std::vector<int64_t>{32, 16});
  CHECK(f->ops[5].kind == ScheduleOp::Unroll);
  CHECK(f->ops[6].kind == ScheduleOp::Vectorize);
  CHECK(f->ops[7].kind == ScheduleOp::Parallel);
  CHECK(f->ops[8].kind == ScheduleOp::Bind);
  CHECK(f->ops[8].thread == "blockIdx.x");
  CHECK(r.text(f->ops[8].threadRange) == "\"blockIdx.x\"");
  CHECK(r.text(f->ops[8].range) == R"({"op": "bind", "loop": "i", "thread": "blockIdx.x"})");
}

TEST_CASE("schedule schema errors point at the key or value", "[schedule]") {
  auto err = [](const std::string &text) { return Read(text).first(); };
  CHECK(err("[]") == "1:1: the schedule file must be a JSON object mapping def names to their "
                     "schedules, got an array [ScheduleValueType]");
  CHECK(err(R"({"f": 3})") == "1:7: the entry of def 'f' must be an object with \"args\" or "
                              "\"schedule\", got 3 [ScheduleValueType]");
  CHECK(err(R"({"f": {"sched": []}})") == "1:8: unknown key 'sched' in the entry of def 'f'; "
                                          "expected \"args\" or \"schedule\" [ScheduleUnknownKey]");
  CHECK(err(R"({"f": {"schedule": {}}})") ==
        "1:20: \"schedule\" of def 'f' must be an array of ops, got an object [ScheduleValueType]");
  CHECK(err(R"({"f": {"args": []}})") ==
        "1:16: \"args\" of def 'f' must be an object mapping parameter names to descriptions, "
        "got an array [ScheduleValueType]");
  CHECK(err(R"({"f": {"schedule": [3]}})") ==
        "1:21: a schedule entry must be an object such as {\"op\": \"split\", \"loop\": \"i\", "
        "\"factor\": 4}, got 3 [ScheduleValueType]");
}

TEST_CASE("schedule ops: op names, required keys, value kinds", "[schedule]") {
  auto op = [](const std::string &o) {
    return Read("{\"f\": {\"schedule\": [" + o + "]}}").first();
  };
  // The op object starts at column 21.
  CHECK(op(R"({"loop": "i"})") ==
        "1:21: a schedule entry needs \"op\" (one of split, fuse, reorder, tile, "
        "unroll, vectorize, parallel, bind, rfactor, cache_read, cache_write, compute_inline, "
        "compute_at or stream) "
        "[ScheduleMissingKey]");
  CHECK(op(R"({"op": "spilt", "loop": "i"})") ==
        "1:28: unknown schedule op 'spilt'; expected one of split, fuse, reorder, tile, "
        "unroll, vectorize, parallel, bind, rfactor, cache_read, cache_write, compute_inline, "
        "compute_at or stream "
        "[ScheduleUnknownOp]");
  CHECK(op(R"({"op": 1})") == "1:28: \"op\" must be a string, got 1 [ScheduleValueType]");
  CHECK(op(R"({"op": "stream"})") == "1:21: 'stream' op needs \"buffer\" [ScheduleMissingKey]");
  CHECK(op(R"({"op": "stream", "buffer": "c", "loop": "i"})") ==
        "1:53: unknown key 'loop' in this 'stream' op; expected \"op\" or \"buffer\" "
        "[ScheduleUnknownKey]");
  CHECK(op(R"({"op": "split", "loop": "i"})") ==
        "1:21: 'split' op needs \"factor\" or \"nparts\" [ScheduleMissingKey]");
  CHECK(op(R"({"op": "split", "factor": 2})") ==
        "1:21: 'split' op needs \"loop\" [ScheduleMissingKey]");
  CHECK(op(R"({"op": "split", "loop": "i", "factor": 2, "nparts": 2})") ==
        "1:63: 'split' takes \"factor\" or \"nparts\", not both [ScheduleExclusiveKeys]");
  CHECK(op(R"({"op": "split", "loop": "i", "factor": 0})") ==
        "1:60: \"factor\" must be a positive integer, got 0 [ScheduleValueType]");
  CHECK(op(R"({"op": "split", "loop": "i", "factor": 2.0})") ==
        "1:60: \"factor\" must be a positive integer, got 2.0 [ScheduleValueType]");
  CHECK(op(R"({"op": "split", "loop": "i", "factor": "4"})") ==
        "1:60: \"factor\" must be a positive integer, got \"4\" [ScheduleValueType]");
  CHECK(op(R"({"op": "split", "loop": 3, "factor": 4})") ==
        "1:45: \"loop\" must be a string, got 3 [ScheduleValueType]");
  CHECK(op(R"({"op": "split", "loop": "", "factor": 4})") ==
        "1:45: \"loop\" must not be empty [ScheduleEmptyValue]");
  CHECK(op(R"({"op": "split", "loop": "i", "factor": 4, "by": 2})") ==
        "1:63: unknown key 'by' in this 'split' op; expected \"op\", \"loop\", \"factor\", "
        "\"nparts\", \"outer\" or \"inner\" [ScheduleUnknownKey]");
  CHECK(op(R"({"op": "unroll", "loop": "i", "loop": "j"})") ==
        "1:51: duplicate key 'loop' in this 'unroll' op [ScheduleDuplicateKey]");
  CHECK(
      op(R"({"op": "fuse", "loops": []})") ==
      "1:45: \"loops\" must be a non-empty array of loop names, got an array [ScheduleValueType]");
  CHECK(op(R"({"op": "reorder", "loops": "i"})") ==
        "1:48: \"loops\" must be a non-empty array of loop names, got \"i\" [ScheduleValueType]");
  CHECK(op(R"({"op": "reorder", "loops": ["i", 2]})") ==
        "1:54: a loop name must be a string, got 2 [ScheduleValueType]");
  CHECK(op(R"({"op": "reorder", "loops": ["i", "j", "i"]})") ==
        "1:59: loop 'i' is listed twice [ScheduleLoopListedTwice]");
  CHECK(op(R"({"op": "tile", "loops": ["i", "j"]})") ==
        "1:21: 'tile' op needs \"factors\" [ScheduleMissingKey]");
  CHECK(op(R"({"op": "tile", "loops": ["i", "j"], "factors": [4]})") ==
        "1:68: 'tile' needs one factor per loop: 2 loops but 1 factor [ScheduleTileFactors]");
  CHECK(op(R"({"op": "tile", "loops": ["i", "j"], "factors": [4, -1]})") ==
        "1:72: a tile factor must be a positive integer, got -1 [ScheduleValueType]");
  CHECK(op(R"({"op": "bind", "loop": "i"})") ==
        "1:21: 'bind' op needs \"thread\" [ScheduleMissingKey]");
  CHECK(op(R"({"op": "bind", "loop": "i", "thread": "threadIdx.q"})") ==
        "1:59: unknown thread tag 'threadIdx.q'; expected blockIdx.x, blockIdx.y, blockIdx.z, "
        "threadIdx.x, threadIdx.y or threadIdx.z [ScheduleUnknownThreadTag]");
  CHECK(op(R"({"op": "parallel", "loop": "i", "factor": 2})") ==
        "1:53: unknown key 'factor' in this 'parallel' op; expected \"op\" or \"loop\" "
        "[ScheduleUnknownKey]");
}

TEST_CASE("schedule args: shapes, dtypes, strides, constants", "[schedule]") {
  auto arg = [](const std::string &a) {
    return Read("{\"f\": {\"args\": {\"a\": " + a + "}}}").first();
  };
  // The description object starts at column 22.
  CHECK(arg("[4]") == "1:22: the description of parameter 'a' must be an object with \"shape\", "
                      "\"dtype\", \"strides\" or \"const\", got an array [ScheduleValueType]");
  CHECK(arg(R"({"shape": [4], "type": "float32"})") ==
        "1:37: unknown key 'type' in the description of parameter 'a'; expected \"shape\", "
        "\"dtype\", \"strides\" or \"const\" [ScheduleUnknownKey]");
  CHECK(arg(R"({"dtype": "float"})") ==
        "1:32: unknown dtype 'float'; expected one of bool, int8, int16, int32, int64, uint8, "
        "uint16, uint32, uint64, float16, float32, float64 [ScheduleUnknownDType]");
  CHECK(arg(R"({"dtype": 32})") == "1:32: \"dtype\" must be a string, got 32 [ScheduleValueType]");
  CHECK(arg(R"({"shape": 4, "dtype": "int8"})") ==
        "1:32: \"shape\" must be an array of positive integers and parameter names, got 4 "
        "[ScheduleValueType]");
  CHECK(arg(R"({"shape": [], "dtype": "int8"})") ==
        "1:32: \"shape\" must not be empty (describe a scalar by its \"dtype\" "
        "alone) [ScheduleEmptyValue]");
  CHECK(arg(R"({"shape": [4, 0], "dtype": "int8"})") ==
        "1:36: a \"shape\" dimension must be a positive integer, got 0 [ScheduleValueType]");
  CHECK(arg(R"({"shape": [4, "2n"], "dtype": "int8"})") ==
        "1:36: shape entry \"2n\" is not a parameter name [ScheduleShapeName]");
  CHECK(arg(R"({"shape": [true], "dtype": "int8"})") ==
        "1:33: a \"shape\" dimension must be a positive integer or a parameter name, got true "
        "[ScheduleValueType]");
  CHECK(arg(R"({"shape": [4], "dtype": "int8", "strides": 1})") ==
        "1:65: \"strides\" must be true or false, got 1 [ScheduleValueType]");
  CHECK(arg(R"({"shape": [4], "const": [1, 2, 3, 4]})") ==
        "1:37: conflicting descriptions of parameter 'a': it has both \"shape\" and \"const\"; a "
        "constant's shape comes from its value [ScheduleArgConflict]");
  CHECK(arg(R"({"const": [1], "strides": true})") ==
        "1:37: conflicting descriptions of parameter 'a': \"strides\" cannot describe a constant "
        "[ScheduleArgConflict]");
  CHECK(arg(R"({"const": "3"})") ==
        "1:32: \"const\" must be a number or an array of numbers (possibly "
        "nested), got \"3\" [ScheduleValueType]");
  CHECK(arg(R"({"const": 3})") == "<no error>");  // a compile-time scalar
  CHECK(arg(R"({"const": []})") == "<no error>"); // a 1-D constant of length 0
  CHECK(arg(R"({"const": [[]]})") ==
        "1:33: \"const\" arrays may be empty only at the top level ([]), "
        "not [[]] [ScheduleConstShape]");
  CHECK(arg(R"({"const": [[1, 2], [3]]})") ==
        "1:41: \"const\" must be rectangular: this array has 1 element, the first one at this "
        "depth has 2 elements [ScheduleConstShape]");
  CHECK(arg(R"({"const": [[1, 2], 3]})") == "1:41: \"const\" must be rectangular: expected an "
                                            "array of 2 elements here, got 3 [ScheduleConstShape]");
  CHECK(arg(R"({"const": [1, [2]]})") ==
        "1:36: \"const\" elements must be numbers, got an array [ScheduleValueType]");
  CHECK(arg(R"({"const": [1, "x"]})") ==
        "1:36: \"const\" elements must be numbers, got \"x\" [ScheduleValueType]");
  CHECK(arg(R"({"const": [1, 2.5], "dtype": "int32"})") ==
        "1:36: \"const\" value 2.5 is not an integer, but the dtype is int32 [ScheduleConstValue]");
  CHECK(arg(R"({"const": [1, 256], "dtype": "uint8"})") ==
        "1:36: \"const\" value 256 does not fit in uint8 [ScheduleConstValue]");
  CHECK(arg(R"({"const": [-1], "dtype": "uint8"})") ==
        "1:33: \"const\" value -1 does not fit in uint8 [ScheduleConstValue]");
  CHECK(arg(R"({"const": [2], "dtype": "bool"})") ==
        "1:33: \"const\" value 2 is not 0 or 1, as bool needs [ScheduleConstValue]");
  CHECK(Read(R"({"f": {"args": {"a": {"const": [-128, 127.0], "dtype": "int8"}}}})")
            .errors()
            .empty());
  CHECK(Read(R"({"f": {"args": {"a": {"const": [0.5], "dtype": "float16"}}}})").errors().empty());
}

TEST_CASE("duplicate keys are errors with a note at the first", "[schedule]") {
  Read r(R"({"f": {"args": {"a": {"dtype": "int32"}, "a": {"dtype": "int8"}}}, "f": {}})");
  auto e = r.errors();
  REQUIRE(e.size() == 2);
  CHECK(e[0] == "1:42: duplicate key 'a' in the \"args\" of def 'f' [ScheduleDuplicateKey]");
  CHECK(e[1] == "1:68: duplicate key 'f' in the schedule file [ScheduleDuplicateKey]");
  REQUIRE(r.diags.diagnostics()[0].notes.size() == 1);
  const Diagnostic &note = r.diags.diagnostics()[0].notes[0];
  CHECK(note.message == "'a' first appears here");
  CHECK(r.sm.lineCol(note.range.begin).col == 17);
  CHECK(!r.file);
}

TEST_CASE("several schema errors are reported in one run", "[schedule]") {
  Read r(R"({"f": {"schedule": [{"op": "split", "loop": "i", "factor": 0},
                      {"op": "vectorise", "loop": "j"}],
        "args": {"a": {"dtype": "f32"}}}})");
  auto e = r.errors(); // in report order: "args" are read before "schedule"
  std::sort(e.begin(), e.end());
  REQUIRE(e.size() == 3);
  CHECK(e[0].rfind("1:60:", 0) == 0);
  CHECK(e[1].rfind("2:30: unknown schedule op 'vectorise'", 0) == 0);
  CHECK(e[2].rfind("3:33: unknown dtype 'f32'", 0) == 0);
}

TEST_CASE("schedule reader: mutated documents never crash", "[schedule]") {
  const std::string doc = R"({"f": {"args": {"a": {"shape": [4, "n"], "dtype": "float32"},
  "c": {"const": [[1, 2], [3, 4]], "dtype": "int32", "strides": false}},
  "schedule": [{"op": "tile", "loops": ["i", "j"], "factors": [8, 8]},
               {"op": "split", "loop": "i", "nparts": 4, "outer": "io"},
               {"op": "bind", "loop": "io", "thread": "blockIdx.x"}]}})";
  const char alphabet[] = "{}[],:\"\\0123456789-+.eEtruefalsnl \n\x01\xff";
  uint32_t seed = 12345;
  auto next = [&seed]() { return seed = seed * 1664525u + 1013904223u; };
  for (int n = 0; n < 3000; ++n) {
    std::string m = doc;
    for (int k = 0, edits = 1 + (int)(next() % 4); k < edits; ++k) {
      size_t pos = next() % m.size();
      char c = alphabet[next() % (sizeof(alphabet) - 1)];
      switch (next() % 3) {
      case 0: m[pos] = c; break;
      case 1: m.insert(m.begin() + (long)pos, c); break;
      default: m.erase(pos, 1 + next() % 8); break;
      }
    }
    Read r(m);
    // Either a schedule or at least one error, never both and never neither.
    CHECK(r.file.has_value() != r.diags.hasErrors());
  }
}
