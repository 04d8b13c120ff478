//===- SourceManager.h - Buffers of .hy and JSON sources ------------------===//
//
// Owns every source buffer the compiler reads (the .hy file, the schedule
// JSON) and maps a SourceLoc (buffer id + byte offset) to file:line:col.
// Locations are plain integers so that AST nodes stay small and cheap.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hybridc {

/// A position in a source buffer. Buffer 0 is "no location".
struct SourceLoc {
  uint32_t buffer = 0;
  uint32_t offset = 0;
  bool isValid() const { return buffer != 0; }
  friend bool operator==(SourceLoc a, SourceLoc b) {
    return a.buffer == b.buffer && a.offset == b.offset;
  }
  friend bool operator<(SourceLoc a, SourceLoc b) {
    return a.buffer != b.buffer ? a.buffer < b.buffer : a.offset < b.offset;
  }
};

/// A half-open range [begin, end) within one buffer.
struct SourceRange {
  SourceLoc begin, end;
  SourceRange() = default;
  SourceRange(SourceLoc b) : begin(b), end(b) {}
  SourceRange(SourceLoc b, SourceLoc e) : begin(b), end(e) {}
  bool isValid() const { return begin.isValid(); }
  /// The smallest range covering both.
  static SourceRange join(SourceRange a, SourceRange b) {
    if (!a.isValid()) return b;
    if (!b.isValid()) return a;
    return {b.begin < a.begin ? b.begin : a.begin, a.end < b.end ? b.end : a.end};
  }
};

/// 1-based line and column (column counts bytes).
struct LineCol {
  unsigned line = 0, col = 0;
};

class SourceManager {
public:
  SourceManager();
  ~SourceManager();
  SourceManager(const SourceManager &) = delete;
  SourceManager &operator=(const SourceManager &) = delete;

  /// Adds a buffer; returns its id (>= 1).
  uint32_t addBuffer(std::string name, std::string contents);
  /// Reads a file into a new buffer; returns 0 and sets `error` on failure.
  uint32_t addFile(const std::string &path, std::string &error);

  std::string_view contents(uint32_t buffer) const;
  const std::string &name(uint32_t buffer) const;
  SourceLoc locAt(uint32_t buffer, uint32_t offset) const { return {buffer, offset}; }
  LineCol lineCol(SourceLoc loc) const;
  /// The text of the line holding `loc`, without its newline.
  std::string_view lineText(SourceLoc loc) const;
  /// The text covered by `r` (within one buffer).
  std::string_view text(SourceRange r) const;

private:
  struct Buffer;
  std::vector<std::unique_ptr<Buffer>> buffers_;
};

} // namespace hybridc
