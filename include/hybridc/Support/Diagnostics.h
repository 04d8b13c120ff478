//===- Diagnostics.h - Registered, located, sorted diagnostics ------------===//
//
// Every user-facing error is a kind from Diagnostics.def reported at a source
// range. The engine collects them, and render() prints them sorted by
// location, clang style:
//
//   k.hy:3:9: error: undeclared variable 's' [UndeclaredVariable]
//       b[i] = s
//              ^
//   k.hy:2:5: note: 's' is declared here [NoteDeclaredHere]
//
// Compiler bugs do not go through here: see InternalError.h.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "hybridc/Support/SourceManager.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace hybridc {

enum class DiagKind : unsigned {
#define HY_DIAG(Kind, Severity, Format) Kind,
#include "hybridc/Support/Diagnostics.def"
  NumKinds
};

enum class Severity { Error, Warning, Note };

struct DiagInfo {
  const char *name;
  Severity severity;
  const char *format;
};
const DiagInfo &diagInfo(DiagKind k);

/// Replaces {0}, {1}, ... in `fmt` by `args`.
std::string formatDiag(const char *fmt, const std::vector<std::string> &args);

struct Diagnostic {
  DiagKind kind;
  SourceRange range;
  std::string message;
  std::vector<Diagnostic> notes;
};

enum class ColorMode { Auto, Always, Never };

class DiagnosticEngine {
public:
  explicit DiagnosticEngine(const SourceManager &sm) : sm_(sm) {}

  /// Records a diagnostic; returns it so that notes can be attached:
  ///   diag.report(DiagKind::UseOutsideScope, use, {"s"})
  ///       .note(DiagKind::NoteDeclaredHere, decl, {"s"});
  class Builder {
  public:
    Builder &note(DiagKind k, SourceRange r, std::vector<std::string> args = {});

  private:
    friend class DiagnosticEngine;
    Builder(DiagnosticEngine &e, size_t idx) : engine_(e), index_(idx) {}
    DiagnosticEngine &engine_;
    size_t index_;
  };
  Builder report(DiagKind k, SourceRange r, std::vector<std::string> args = {});

  unsigned errorCount() const { return errors_; }
  bool hasErrors() const { return errors_ != 0; }
  const std::vector<Diagnostic> &diagnostics() const { return diags_; }

  /// Prints every diagnostic sorted by location (stable for equal locations),
  /// then "N error(s) generated." when there were errors.
  void render(std::ostream &os, bool color) const;
  /// Formats one diagnostic (and its notes) without color.
  std::string format(const Diagnostic &d, bool color = false) const;

private:
  const SourceManager &sm_;
  std::vector<Diagnostic> diags_;
  unsigned errors_ = 0;
};

} // namespace hybridc
