//===- InternalError.cpp - The compiler-bug channel -----------------------===//
#include "hybridc/Support/InternalError.h"

namespace hybridc {

void internalError(const std::string &msg, const char *file, int line) {
  throw InternalError(msg, file, line);
}

} // namespace hybridc
