//===- Options.cpp - The hybridc command line (CLI11) ---------------------===//
//
// Declares every option of CONTRACT §3 that is implemented so far and maps
// CLI11's outcomes onto hybridc's exit codes: --help and --version print to
// the output stream and exit 0; any usage error prints CLI11's message to the
// error stream and exits 2. This is the only translation unit that includes
// CLI11 (a heavy header).
//
//===----------------------------------------------------------------------===//
#include "Options.h"

#include <CLI/CLI.hpp>

#include <ostream>

namespace hybridc::driver {

std::optional<int> parseOptions(const std::vector<std::string> &args, Options &opts,
                                std::ostream &out, std::ostream &err) {
  CLI::App app{"hybridc: ahead-of-time compiler for TVM hybrid script kernels", "hybridc"};
  app.set_version_flag("--version",
                       std::string("hybridc ") + HYBRIDC_VERSION + "\nLLVM " + HYBRIDC_LLVM_VERSION,
                       "Print the hybridc and LLVM versions and exit");

  app.add_option("file", opts.input, "The .hy source file")->required()->type_name("FILE.hy");
  app.add_option("-s,--schedule", opts.schedule, "Schedule file (JSON)")->type_name("SCHED.json");
  app.add_flag("--syntax-only", opts.syntaxOnly, "Parse and check only; write nothing");
  std::string color = "auto";
  app.add_option("--color", color, "Color diagnostics: auto (only on a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}).description(""))
      ->type_name("auto|always|never");
  app.add_flag("-v,--verbose", opts.verbose, "Print each stage and its time to stderr");
  // Developer views; not shown by --help.
  app.add_flag("--dump-ast", opts.dumpAst, "Print the (checked) syntax tree to stdout")->group("");
  app.add_flag("--debug-ice", opts.debugIce, "Fail with an internal compiler error (tests)")
      ->group("");

  std::vector<const char *> argv;
  for (const std::string &a : args) argv.push_back(a.c_str());
  if (argv.empty()) argv.push_back("hybridc");
  try {
    app.parse((int)argv.size(), argv.data());
  } catch (const CLI::ParseError &e) {
    int code = app.exit(e, out, err);
    return code == 0 ? 0 : 2;
  }
  opts.color = color == "always"  ? ColorMode::Always
               : color == "never" ? ColorMode::Never
                                  : ColorMode::Auto;
  return std::nullopt;
}

} // namespace hybridc::driver
