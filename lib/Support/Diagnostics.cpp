//===- Diagnostics.cpp - Formatting and rendering diagnostics -------------===//
#include "hybridc/Support/Diagnostics.h"

#include <algorithm>
#include <ostream>
#include <sstream>

namespace hybridc {

static const DiagInfo kInfos[] = {
#define HY_DIAG(Kind, Sev, Format) {#Kind, Severity::Sev, Format},
#include "hybridc/Support/Diagnostics.def"
};

const DiagInfo &diagInfo(DiagKind k) { return kInfos[(unsigned)k]; }

std::string formatDiag(const char *fmt, const std::vector<std::string> &args) {
  std::string out;
  for (const char *p = fmt; *p; ++p) {
    if (*p == '{' && p[1] >= '0' && p[1] <= '9' && p[2] == '}') {
      size_t i = (size_t)(p[1] - '0');
      out += i < args.size() ? args[i] : std::string("<?>");
      p += 2;
    } else {
      out += *p;
    }
  }
  return out;
}

DiagnosticEngine::Builder DiagnosticEngine::report(DiagKind k, SourceRange r,
                                                   std::vector<std::string> args) {
  const DiagInfo &info = diagInfo(k);
  diags_.push_back({k, r, formatDiag(info.format, args), {}});
  if (info.severity == Severity::Error) ++errors_;
  return Builder(*this, diags_.size() - 1);
}

DiagnosticEngine::Builder &DiagnosticEngine::Builder::note(DiagKind k, SourceRange r,
                                                           std::vector<std::string> args) {
  engine_.diags_[index_].notes.push_back({k, r, formatDiag(diagInfo(k).format, args), {}});
  return *this;
}

namespace {
const char *kBold = "\033[1m", *kRed = "\033[1;31m", *kMagenta = "\033[1;35m",
           *kCyan = "\033[1;36m", *kGreen = "\033[1;32m", *kReset = "\033[0m";

void formatOne(std::ostream &os, const SourceManager &sm, const Diagnostic &d, bool color) {
  const DiagInfo &info = diagInfo(d.kind);
  if (color) os << kBold;
  if (d.range.isValid()) {
    LineCol lc = sm.lineCol(d.range.begin);
    os << sm.name(d.range.begin.buffer) << ':' << lc.line << ':' << lc.col << ": ";
  } else {
    os << "hybridc: ";
  }
  const char *label = info.severity == Severity::Error     ? "error"
                      : info.severity == Severity::Warning ? "warning"
                                                           : "note";
  const char *labelColor = info.severity == Severity::Error     ? kRed
                           : info.severity == Severity::Warning ? kMagenta
                                                                : kCyan;
  if (color) os << labelColor;
  os << label << ": ";
  if (color) os << kReset << kBold;
  os << d.message << " [" << info.name << "]";
  if (color) os << kReset;
  os << '\n';
  if (!d.range.isValid()) return;

  // The source line, then a caret under the start and ~ under the rest of
  // the range (clipped to that line). Tabs are kept so columns line up.
  std::string_view line = sm.lineText(d.range.begin);
  os << "    " << line << '\n';
  LineCol lc = sm.lineCol(d.range.begin);
  std::string marker;
  for (unsigned i = 1; i < lc.col && i - 1 < line.size(); ++i)
    marker += line[i - 1] == '\t' ? '\t' : ' ';
  marker += '^';
  if (d.range.end.isValid() && d.range.end.buffer == d.range.begin.buffer) {
    LineCol le = sm.lineCol(d.range.end);
    unsigned endCol = le.line == lc.line ? le.col : (unsigned)line.size() + 1;
    for (unsigned c = lc.col + 1; c < endCol; ++c) marker += '~';
  }
  os << "    ";
  if (color) os << kGreen;
  os << marker;
  if (color) os << kReset;
  os << '\n';
}
} // namespace

std::string DiagnosticEngine::format(const Diagnostic &d, bool color) const {
  std::ostringstream os;
  formatOne(os, sm_, d, color);
  for (const Diagnostic &n : d.notes) formatOne(os, sm_, n, color);
  return os.str();
}

void DiagnosticEngine::render(std::ostream &os, bool color) const {
  std::vector<const Diagnostic *> sorted;
  for (const Diagnostic &d : diags_) sorted.push_back(&d);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic *a, const Diagnostic *b) {
    return a->range.begin < b->range.begin;
  });
  for (const Diagnostic *d : sorted) os << format(*d, color);
  if (errors_) os << errors_ << (errors_ == 1 ? " error" : " errors") << " generated.\n";
}

} // namespace hybridc
