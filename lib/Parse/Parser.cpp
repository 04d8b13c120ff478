// Placeholder: replaced by the parser implementation.
#include "hybridc/Parse/Parser.h"
namespace hybridc {
std::unique_ptr<ast::Module> parseModule(const SourceManager &, uint32_t buffer, DiagnosticEngine &) {
  auto m = std::make_unique<ast::Module>();
  m->buffer = buffer;
  return m;
}
} // namespace hybridc
