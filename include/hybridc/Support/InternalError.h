//===- InternalError.h - The compiler-bug channel -------------------------===//
//
// A broken invariant inside hybridc is not the user's fault: HY_ASSERT throws
// InternalError, the driver catches it, prints
//   hybridc: internal compiler error in <phase>: <message>
// and exits with status 70. Never a signal, never a user diagnostic.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <stdexcept>
#include <string>

namespace hybridc {

class InternalError : public std::runtime_error {
public:
  InternalError(std::string msg, const char *file, int line)
      : std::runtime_error(std::move(msg)), file(file), line(line) {}
  const char *file;
  int line;
};

[[noreturn]] void internalError(const std::string &msg, const char *file, int line);

} // namespace hybridc

#define HY_ASSERT(cond, msg)                                                                       \
  do {                                                                                             \
    if (!(cond))                                                                                   \
      ::hybridc::internalError(std::string("assertion '" #cond "' failed: ") + (msg), __FILE__,    \
                               __LINE__);                                                          \
  } while (0)
#define HY_UNREACHABLE(msg) ::hybridc::internalError((msg), __FILE__, __LINE__)
