//===- DriverTest.cpp - The command line, exit codes and streams ----------===//
//
// Drives hybridc::Driver with string streams, as a test harness or an
// embedding tool would: --version/--help, usage errors (exit 2), a missing
// input (exit 1, CannotOpenFile), a valid kernel (exit 0, silent), JSON
// schedule errors that point into the JSON file.
//
//===----------------------------------------------------------------------===//
#include "hybridc/Driver/Driver.h"

#include <catch2/catch.hpp>

#include <cctype>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

using namespace hybridc;

namespace {

struct Result {
  int status;
  std::string out, err;
};

Result runDriver(std::vector<std::string> args) {
  args.insert(args.begin(), "hybridc");
  std::ostringstream out, err;
  int status = Driver(out, err).run(args);
  return {status, out.str(), err.str()};
}

/// A file in the temporary directory, removed at the end of the test.
class TempFile {
public:
  TempFile(const std::string &suffix, const std::string &contents) {
    static int counter = 0;
    path_ = "/tmp/hybridc-drivertest-" + std::to_string(getpid()) + "-" +
            std::to_string(counter++) + suffix;
    std::ofstream(path_, std::ios::binary) << contents;
  }
  ~TempFile() { std::remove(path_.c_str()); }
  const std::string &path() const { return path_; }

private:
  std::string path_;
};

const char *kValidKernel = R"(def add_one(a: float32[16]):
    b = output_tensor((16,), 'float32')
    for i in range(16):
        b[i] = a[i] + 1.0
    return b
)";

} // namespace

TEST_CASE("driver: --version prints hybridc and LLVM versions", "[driver]") {
  Result r = runDriver({"--version"});
  CHECK(r.status == 0);
  REQUIRE(r.out.rfind("hybridc ", 0) == 0);
  CHECK(std::isdigit((unsigned char)r.out[8]));
  CHECK(r.out.find("\nLLVM 19.") != std::string::npos);
  CHECK(r.err.empty());
}

TEST_CASE("driver: --help lists the options and exits 0", "[driver]") {
  Result r = runDriver({"--help"});
  CHECK(r.status == 0);
  CHECK(r.out.find("Usage:") != std::string::npos);
  CHECK(r.out.find("--syntax-only") != std::string::npos);
  CHECK(r.out.find("--schedule") != std::string::npos);
  CHECK(r.out.find("--color") != std::string::npos);
  CHECK(r.out.find("--dump-ast") == std::string::npos); // hidden developer option
}

TEST_CASE("usage errors exit 2 with a message", "[driver]") {
  SECTION("no input") {
    Result r = runDriver({});
    CHECK(r.status == 2);
    CHECK(r.err.find("required") != std::string::npos);
  }
  SECTION("unknown option") {
    Result r = runDriver({"--no-such-option", "k.hy"});
    CHECK(r.status == 2);
    CHECK(r.err.find("--no-such-option") != std::string::npos);
  }
  SECTION("bad --color value") {
    Result r = runDriver({"--color=sometimes", "k.hy"});
    CHECK(r.status == 2);
    CHECK(r.err.find("--color") != std::string::npos);
  }
  SECTION("-s without a file") {
    Result r = runDriver({"k.hy", "-s"});
    CHECK(r.status == 2);
  }
}

TEST_CASE("a missing input is a user error, exit 1", "[driver]") {
  Result r = runDriver({"--syntax-only", "/nonexistent/dir/k.hy"});
  CHECK(r.status == 1);
  CHECK(r.err.find("hybridc: error: cannot open '/nonexistent/dir/k.hy'") == 0);
  CHECK(r.err.find("[CannotOpenFile]") != std::string::npos);
  CHECK(r.out.empty());
}

TEST_CASE("a directory is not an input file", "[driver]") {
  Result r = runDriver({"--syntax-only", "/tmp"});
  CHECK(r.status == 1);
  CHECK(r.err.find("hybridc: error: cannot open '/tmp': is a directory") == 0);
}

TEST_CASE("a missing schedule file is a user error, exit 1", "[driver]") {
  TempFile k(".hy", kValidKernel);
  Result r = runDriver({"--syntax-only", k.path(), "-s", "/nonexistent/s.json"});
  CHECK(r.status == 1);
  CHECK(r.err.find("cannot open '/nonexistent/s.json'") != std::string::npos);
}

TEST_CASE("a valid kernel passes --syntax-only silently", "[driver]") {
  TempFile k(".hy", kValidKernel);
  Result r = runDriver({"--syntax-only", k.path()});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out.empty());

  SECTION("with a valid schedule") {
    TempFile s(".json",
               R"({"add_one": {"schedule": [{"op": "split", "loop": "i", "factor": 4}]}})");
    Result r2 = runDriver({"--syntax-only", k.path(), "-s", s.path()});
    CHECK(r2.status == 0);
    CHECK(r2.err.empty());
  }
  SECTION("--color=never and -v") {
    Result r2 = runDriver({"--syntax-only", "--color=never", "-v", k.path()});
    CHECK(r2.status == 0);
    CHECK(r2.err.find("hybridc: parse") != std::string::npos);
    CHECK(r2.err.find("hybridc: sema") != std::string::npos);
  }
}

TEST_CASE("schedule JSON errors point into the JSON file", "[driver]") {
  TempFile k(".hy", kValidKernel);
  TempFile s(".json", "{\n  \"add_one\": {\"schedule\": [}\n}\n");
  Result r = runDriver({"--syntax-only", k.path(), "-s", s.path()});
  CHECK(r.status == 1);
  CHECK(r.err.find(s.path() + ":2:28: error: invalid JSON") == 0);
  CHECK(r.err.find("[JsonSyntax]") != std::string::npos);
  CHECK(r.err.find("1 error generated.") != std::string::npos);
}

TEST_CASE("driver: --color=always colors diagnostics, never does not", "[driver]") {
  Result a = runDriver({"--color=always", "/nonexistent/k.hy"});
  CHECK(a.err.find("\033[") != std::string::npos);
  Result n = runDriver({"--color=never", "/nonexistent/k.hy"});
  CHECK(n.err.find("\033[") == std::string::npos);
  Result au = runDriver({"/nonexistent/k.hy"}); // auto: a string stream is no terminal
  CHECK(au.err.find("\033[") == std::string::npos);
}

TEST_CASE("an internal error exits 70 with the phase, never a crash", "[driver]") {
  TempFile k(".hy", kValidKernel);
  Result r = runDriver({"--syntax-only", "--debug-ice", k.path()});
  CHECK(r.status == 70);
  CHECK(r.err.rfind("hybridc: internal compiler error in debug-ice: ", 0) == 0);
  CHECK(r.err.find("raised on request by --debug-ice") != std::string::npos);
  CHECK(r.err.find("Please report this bug.\n") != std::string::npos);
}
