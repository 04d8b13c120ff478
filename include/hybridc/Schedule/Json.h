//===- Json.h - Strict JSON with a source range on every value ------------===//
//
// Schedule errors must point into the JSON file with a caret, so every value
// keeps its range. A small strict RFC 8259 parser (no comments, no trailing
// commas, duplicate keys reported by the schedule reader).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "hybridc/Support/Diagnostics.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace hybridc::json {

struct Value {
  enum Kind : uint8_t { Null, Bool, Number, String, Array, Object };
  Kind kind = Null;
  SourceRange range;
  bool boolean = false;
  double number = 0;
  bool isInteger = false; // number written without fraction/exponent
  std::string string;
  std::vector<std::unique_ptr<Value>> elements;                        // Array
  std::vector<std::pair<std::string, std::unique_ptr<Value>>> members; // Object, in order
  std::vector<SourceRange> keyRanges;                                  // Object, per member

  const Value *get(const std::string &key) const;
  const char *kindName() const;
};

/// Parses the whole buffer; reports JsonSyntax and returns null on error.
std::unique_ptr<Value> parse(const SourceManager &sm, uint32_t buffer, DiagnosticEngine &diags);

} // namespace hybridc::json
