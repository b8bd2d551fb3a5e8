// The sources of a knowledge base as the page shows them: each source with its attributes,
// its document's text when it names one (`file: "article.txt"`), and every quote that cites
// it, placed in the text (where kb::KnowledgeBase::sources() found it), with the statements
// that cite it.
#pragma once

#include <string>
#include <vector>

#include "writ/knowledge_base.hpp"

namespace writ::serve {

struct SourcesReply {
  kb::Outcome outcome = kb::Outcome::Ok;
  std::vector<kb::Diagnostic> diagnostics;  // when the knowledge base could not answer
  std::string json;                         // /api/sources (docs/serve.md)
};

// Reads the sources from `kb` (a reader): the declared ones in the order declared, then
// those only cited (no #source: a warning when loaded), by name.
SourcesReply sources_json(kb::KnowledgeBase& kb);

}  // namespace writ::serve
