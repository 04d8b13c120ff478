// Placeholder: replaced by the real driver.
#include "hybridc/Driver/Driver.h"
#include <ostream>
namespace hybridc {
int Driver::run(int argc, const char *const *argv) {
  return run(std::vector<std::string>(argv, argv + argc));
}
int Driver::run(const std::vector<std::string> &) { err_ << "hybridc: not implemented\n"; return 2; }
} // namespace hybridc
