//===- SourceManager.cpp - Buffers and line tables ------------------------===//
#include "hybridc/Support/SourceManager.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace hybridc {

struct SourceManager::Buffer {
  std::string name, text;
  std::vector<uint32_t> lineStarts; // offsets of the first byte of each line
};

SourceManager::SourceManager() = default;
SourceManager::~SourceManager() = default;

uint32_t SourceManager::addBuffer(std::string name, std::string contents) {
  auto b = std::make_unique<Buffer>();
  b->name = std::move(name);
  b->text = std::move(contents);
  b->lineStarts.push_back(0);
  for (uint32_t i = 0; i < b->text.size(); ++i)
    if (b->text[i] == '\n') b->lineStarts.push_back(i + 1);
  buffers_.push_back(std::move(b));
  return (uint32_t)buffers_.size();
}

uint32_t SourceManager::addFile(const std::string &path, std::string &error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::strerror(errno);
    return 0;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    error = "read error";
    return 0;
  }
  return addBuffer(path, ss.str());
}

std::string_view SourceManager::contents(uint32_t buffer) const {
  return buffers_.at(buffer - 1)->text;
}
const std::string &SourceManager::name(uint32_t buffer) const {
  return buffers_.at(buffer - 1)->name;
}

LineCol SourceManager::lineCol(SourceLoc loc) const {
  if (!loc.isValid()) return {};
  const Buffer &b = *buffers_.at(loc.buffer - 1);
  auto it = std::upper_bound(b.lineStarts.begin(), b.lineStarts.end(), loc.offset);
  unsigned line = (unsigned)(it - b.lineStarts.begin());
  return {line, loc.offset - b.lineStarts[line - 1] + 1};
}

std::string_view SourceManager::lineText(SourceLoc loc) const {
  if (!loc.isValid()) return {};
  const Buffer &b = *buffers_.at(loc.buffer - 1);
  unsigned line = lineCol(loc).line;
  uint32_t start = b.lineStarts[line - 1];
  uint32_t end = line < b.lineStarts.size() ? b.lineStarts[line] - 1 : (uint32_t)b.text.size();
  std::string_view sv(b.text);
  sv = sv.substr(start, end - start);
  if (!sv.empty() && sv.back() == '\r') sv.remove_suffix(1);
  return sv;
}

std::string_view SourceManager::text(SourceRange r) const {
  if (!r.isValid()) return {};
  std::string_view sv = contents(r.begin.buffer);
  uint32_t b = std::min<uint32_t>(r.begin.offset, sv.size());
  uint32_t e = std::min<uint32_t>(std::max(r.end.offset, r.begin.offset), sv.size());
  return sv.substr(b, e - b);
}

} // namespace hybridc
