//===- Options.cpp - The hybridc command line (CLI11) ---------------------===//
//
// Declares every option of docs/contract.md §3 that is implemented so far and maps
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

  // Code generation and listings.
  app.add_option("-o", opts.output, "Object file (default: <stem>.o in the current directory)")
      ->type_name("FILE");
  app.add_option("--target", opts.target,
                 "host (default), x86_64, aarch64, cuda, or an LLVM triple")
      ->type_name("T");
  app.add_option("--mcpu", opts.mcpu, "CPU to tune and select instructions for (as llc; 'native')")
      ->type_name("CPU");
  app.add_option("--mattr", opts.mattr, "Target features, e.g. +avx2,-fma")->type_name("+f,-g");
  app.add_option("--cuda-arch", opts.cudaArch, "cuda target: the GPU architecture (default sm_80)")
      ->type_name("sm_NN");
  app.add_option("--host-target", opts.hostTarget,
                 "cuda target: the CPU of the launching code (host, x86_64, aarch64; default host)")
      ->type_name("T");
  app.add_option("-O", opts.optLevel, "Optimisation level 0-3 (default 3)")
      ->check(CLI::Range(0, 3).description(""))
      ->type_name("N");
  app.add_flag("-g", opts.debugInfo, "DWARF line info mapping machine code to .hy lines");
  app.add_option("--vector-tails", opts.vectorTails,
                 "Symbolic vector tails and per-lane ifs: masked (predicated vectors), split "
                 "(tails as 8+4+2+1 lanes), auto (default: masked with AVX-512)")
      ->check(CLI::IsMember({"auto", "masked", "split"}).description(""))
      ->type_name("auto|masked|split");
  // --emit-X[=FILE|-]: the value lands in `text`, then in the Options field.
  struct Emit {
    const char *names, *help, *type;
    std::optional<std::string> *dest;
    std::string text;
    CLI::Option *opt = nullptr;
  } emits[] = {
      {"--emit-header",
       "C header (default: <stem>.h beside the object)",
       "[=FILE]",
       &opts.emitHeader,
       {}},
      {"--emit-lowered",
       "The scheduled loop nest (default: <stem>.lowered; '-' = stdout)",
       "[=FILE|-]",
       &opts.emitLowered,
       {}},
      {"--emit-ir,--emit-llvm",
       "Optimised LLVM IR (default: <stem>.ll; '-' = stdout)",
       "[=FILE|-]",
       &opts.emitIR,
       {}},
      {"--emit-asm", "Assembly (default: <stem>.s; '-' = stdout)", "[=FILE|-]", &opts.emitAsm, {}},
      {"--emit-ptx",
       "cuda target: the device code as PTX (default: <stem>.ptx; '-' = stdout)",
       "[=FILE|-]",
       &opts.emitPTX,
       {}},
  };
  for (Emit &e : emits) e.opt = app.add_option(e.names, e.text, e.help)->type_name(e.type);
  app.add_option("--function", opts.functions, "Export only this def (repeatable)")
      ->type_name("NAME");
  app.add_option("--symbol-prefix", opts.symbolPrefix, "Prefix every exported symbol")
      ->type_name("P");
  app.add_option(
         "--print-after", opts.printAfter,
         "Print the loop IR after this pass to stderr (repeatable, or a comma-separated list)")
      ->type_name("PASS")
      ->delimiter(',');
  bool printAll = false;
  app.add_flag("--print-after-all", printAll, "Print the loop IR after every pass to stderr");
  app.add_flag("--time-passes", opts.timePasses, "Print the time of each pass to stderr");
  app.add_flag("--verify-each", opts.verifyEach, "Verify the loop IR after every pass")->group("");
  // gcc's -MD/-MF/-MT are not CLI11 names (one dash, two letters): the
  // arguments are rewritten to these hidden long names before parsing, and
  // the footer documents the spelling users type.
  app.add_flag("--MD", opts.makeDepfile, "")->group("");
  app.add_option("--MF", opts.depfile, "")->group("");
  app.add_option("--MT", opts.depTarget, "")->group("");
  app.footer("Make depfile:\n"
             "  -MD                         Write a Make depfile listing the .hy and schedule\n"
             "                              files (default: the object path with .o replaced\n"
             "                              by .d)\n"
             "  -MF FILE                    Write the depfile to FILE (implies -MD)\n"
             "  -MT TARGET                  The depfile rule's target (default: the object)\n");

  // `--emit-X` without '=FILE' means the default path. CLI11 would take the
  // next argument as its value, so such flags get an explicit marker first.
  static const char *kEmit[] = {"--emit-header", "--emit-lowered", "--emit-ir",
                                "--emit-llvm",   "--emit-asm",     "--emit-ptx"};
  static const std::string kDefault = "\x01"
                                      "default";
  std::vector<std::string> rewritten;
  for (size_t k = 0; k < args.size(); ++k) {
    const std::string &a = args[k];
    bool bare = false;
    for (const char *e : kEmit) bare |= a == e;
    if (k > 0 && bare) {
      rewritten.push_back(a + "=" + kDefault);
    } else if (k > 0 && a == "-MD") {
      rewritten.push_back("--MD");
    } else if (k > 0 && (a == "-MF" || a == "-MT")) {
      if (k + 1 == args.size()) { // CLI11 cannot name a hidden option
        err << a << ": 1 required " << (a == "-MF" ? "FILE" : "TARGET")
            << " missing\nRun with --help for more information.\n";
        return 2;
      }
      rewritten.push_back("-" + a);
    } else if (k > 0 && a.size() > 3 && (a.rfind("-MF", 0) == 0 || a.rfind("-MT", 0) == 0)) {
      rewritten.push_back("-" + a.substr(0, 3) + "=" + a.substr(3)); // -MFfile, as gcc
    } else {
      rewritten.push_back(a);
    }
  }

  std::vector<const char *> argv;
  for (const std::string &a : rewritten) argv.push_back(a.c_str());
  if (argv.empty()) argv.push_back("hybridc");
  try {
    app.parse((int)argv.size(), argv.data());
  } catch (const CLI::ParseError &e) {
    int code = app.exit(e, out, err);
    return code == 0 ? 0 : 2;
  }
  for (Emit &e : emits)
    if (e.opt->count()) *e.dest = e.text == kDefault ? std::string() : e.text;
  if (printAll) opts.printAfter.push_back("all");
  if (!opts.depfile.empty()) opts.makeDepfile = true;
  opts.color = color == "always"  ? ColorMode::Always
               : color == "never" ? ColorMode::Never
                                  : ColorMode::Auto;
  return std::nullopt;
}

std::optional<int> parseRunOptions(const std::vector<std::string> &args, Options &opts,
                                   std::ostream &out, std::ostream &err) {
  CLI::App app{
      "hybridc run: execute a def of a .hy file on tensors from .npy files (software emulation)",
      "hybridc run"};
  opts.run = true;
  app.add_option("file", opts.input, "The .hy source file")->required()->type_name("FILE.hy");
  app.add_option("-s,--schedule", opts.schedule, "Schedule file (JSON)")->type_name("SCHED.json");
  app.add_option("--function", opts.functions, "The def to run (needed when the file has several)")
      ->type_name("NAME")
      ->expected(1);
  app.add_option("--arg", opts.runArgs,
                 "A parameter's value: a number (scalars), a .npy file, or zeros|ones|rand "
                 "(tensors, shaped by the annotation); repeatable")
      ->type_name("NAME=VALUE");
  app.add_option("--out", opts.runOuts,
                 "Write an output (or a written input) to a .npy file; repeatable")
      ->type_name("NAME=FILE.npy");
  app.add_flag("--scheduled", opts.runScheduled, "Run the scheduled loop nest (needs -s)");
  app.add_option("--vector-tails", opts.vectorTails,
                 "With --scheduled: the vector tails as compiled with masked or split "
                 "(auto: split)")
      ->check(CLI::IsMember({"auto", "masked", "split"}).description(""))
      ->type_name("auto|masked|split");
  app.add_flag("--strict", opts.runStrict,
               "Report reads of output/allocate elements never written");
  app.add_option("--max-steps", opts.runMaxSteps,
                 "Stop with an error after N loop iterations in all (default: no limit)")
      ->type_name("N");
  app.add_option("--seed", opts.runSeed, "Seed of the 'rand' arguments (default 0)")
      ->type_name("N");
  std::string color = "auto";
  app.add_option("--color", color, "Color diagnostics: auto (only on a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}).description(""))
      ->type_name("auto|always|never");
  app.add_flag("-v,--verbose", opts.verbose, "Print each stage and its time to stderr");
  app.footer("Without --out, each output is summarised on stdout (shape, dtype, min/max/mean,\n"
             "first values). Exit status: 0, 1 (an error in the source, the arguments, or\n"
             "during the run: out-of-bounds access, failed assert, ...), 2 (usage).");

  std::vector<const char *> argv;
  argv.push_back("hybridc run");
  for (size_t k = 2; k < args.size(); ++k) argv.push_back(args[k].c_str());
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
