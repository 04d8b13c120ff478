//===- DiagnosticCoverageTest.cpp - Every error kind has a golden test ----===//
//
// For every Error kind in Diagnostics.def, some file under test/errors/
// (a fail_*.hy golden or its inputs) must contain "[KindName]", i.e. a CHECK
// line that expects that diagnostic. The failure message lists every kind
// that has none, so a new diagnostic cannot land without a test.
//
//===----------------------------------------------------------------------===//
#include "hybridc/Support/Diagnostics.h"

#include <catch2/catch.hpp>

#include <dirent.h>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <vector>

using namespace hybridc;

namespace {

/// The contents of every regular file under `dir`, recursively.
void readTree(const std::string &dir, std::string &all, unsigned &files) {
  DIR *d = opendir(dir.c_str());
  if (!d) return;
  while (dirent *e = readdir(d)) {
    std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    std::string path = dir + "/" + name;
    struct stat st;
    if (stat(path.c_str(), &st) != 0) continue;
    if (S_ISDIR(st.st_mode)) {
      readTree(path, all, files);
    } else if (S_ISREG(st.st_mode)) {
      std::ifstream in(path, std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      all += ss.str();
      all += '\n';
      ++files;
    }
  }
  closedir(d);
}

} // namespace

TEST_CASE("every error kind has a golden test in test/errors", "[coverage]") {
  std::string all;
  unsigned files = 0;
  readTree(std::string(HYBRIDC_SOURCE_DIR) + "/test/errors", all, files);
  REQUIRE(files > 0);

  std::vector<std::string> missing;
  for (unsigned k = 0; k < (unsigned)DiagKind::NumKinds; ++k) {
    const DiagInfo &info = diagInfo((DiagKind)k);
    if (info.severity != Severity::Error) continue;
    if (all.find("[" + std::string(info.name) + "]") == std::string::npos)
      missing.push_back(info.name);
  }
  std::string list;
  for (const std::string &m : missing) list += "\n  " + m;
  INFO(missing.size() << " error kind(s) have no test/errors golden that expects "
                         "\"[Kind]\":"
                      << list);
  CHECK(missing.empty());
}
