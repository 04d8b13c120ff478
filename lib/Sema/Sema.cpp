// Placeholder: replaced by the checker implementation.
#include "hybridc/Sema/Sema.h"
namespace hybridc {
void checkModule(ast::Module &, const ScheduleFile *, DiagnosticEngine &) {}
} // namespace hybridc
