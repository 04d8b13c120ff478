//===- Driver.h - The hybridc command line and its phases -----------------===//
//
// Driver::run parses the command line (CLI11, docs/contract.md §3), reads the inputs
// into a SourceManager, runs parse -> check -> lower -> codegen (docs/architecture.md), and
// writes the requested outputs. It owns no global state: tests construct a
// Driver with string streams and call run().
//
// Exit codes: 0 success, 1 user error (diagnostics printed), 2 usage error,
// 70 internal compiler error.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace hybridc {

class Driver {
public:
  Driver(std::ostream &out, std::ostream &err) : out_(out), err_(err) {}
  int run(int argc, const char *const *argv);
  int run(const std::vector<std::string> &args); // args[0] is the program name

private:
  std::ostream &out_;
  std::ostream &err_;
};

} // namespace hybridc
