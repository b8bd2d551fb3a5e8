// KnowledgeBase::is_complete: the REPL's "is this statement complete?" question, answered
// by the grammar (the cli cannot include the grammar itself).
#include "grammar/parse.hpp"
#include "writ/knowledge_base.hpp"

namespace writ::kb {

bool KnowledgeBase::is_complete(std::string_view text) { return grammar::is_complete(text); }

}  // namespace writ::kb
