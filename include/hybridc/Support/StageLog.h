//===- StageLog.h - The compile's one log of stages and their times -------===//
//
// Every stage of a compile (read, parse, schedule, sema, lower, and inside
// code generation llvm-ir, optimize, link-runtime, emit) and every loop pass
// of every def report here; -v prints the stages, --time-passes the passes,
// both on stderr as
//
//   hybridc: parse        0.303 ms
//   hybridc:   pass simplify (blur)  0.023 ms
//
// indented by nesting, each line printed when its stage ends (so a stage's
// parts come before it). docs/architecture.md lists the stages.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <chrono>
#include <iomanip>
#include <ostream>
#include <string>

namespace hybridc {

class StageLog {
public:
  StageLog() = default;
  StageLog(std::ostream *out, bool stages, bool passes)
      : out_(out), stages_(stages), passes_(passes) {}
  /// A log that reports nothing: the default of every `const StageLog *`.
  static const StageLog &disabled() {
    static const StageLog none;
    return none;
  }

  /// Times a scope; reports when it ends, if its kind is enabled.
  class Timer {
  public:
    Timer(const StageLog *log, std::string name, bool enabled)
        : log_(enabled ? log : nullptr), name_(std::move(name)),
          start_(std::chrono::steady_clock::now()) {
      if (log_) ++log_->depth_;
    }
    Timer(const Timer &) = delete;
    Timer &operator=(const Timer &) = delete;
    ~Timer() {
      if (!log_) return;
      --log_->depth_;
      double ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_)
              .count();
      std::string label = std::string(2 * log_->depth_, ' ') + name_;
      std::ios_base::fmtflags flags = log_->out_->flags();
      *log_->out_ << "hybridc: " << std::left << std::setw(12) << label << ' ' << std::fixed
                  << std::setprecision(3) << ms << " ms\n";
      log_->out_->flags(flags);
    }

  private:
    const StageLog *log_;
    std::string name_;
    std::chrono::steady_clock::time_point start_;
  };

  /// A stage of the compile (-v).
  Timer stage(std::string name) const { return Timer(this, std::move(name), out_ && stages_); }
  /// One loop pass on one def (--time-passes).
  Timer pass(const std::string &name, const std::string &def) const {
    return Timer(this, "pass " + name + " (" + def + ")", out_ && passes_);
  }

private:
  std::ostream *out_ = nullptr;
  bool stages_ = false, passes_ = false;
  mutable int depth_ = 0;
};

} // namespace hybridc
