// Sources' documents: reading the file a `#source` names (`file: "article.txt"`) when the
// declaration is loaded, and describing each source with the places its citations quote
// (KnowledgeBase::sources()). Internal to kb/.
#pragma once

#include <map>
#include <span>
#include <string>
#include <vector>

#include "query/ast.hpp"
#include "query/diagnostic.hpp"
#include "writ/knowledge_base.hpp"

namespace writ::kb {

// The documents one load has read, by path: read once, though a load's texts may be parsed
// twice and two sources may name the same file.
using DocumentCache = std::map<std::string, query::Document>;

// Reads the document of each declaration that has a `file` attribute, relative to the file
// that declares it (`sources` names it; a name in <angle brackets>, such as <repl>, is
// relative to the working directory), adds its text to `sources` and sets the
// declaration's document. A `file` that is not a string, or a document that cannot be read
// or is not UTF-8 text, is an error at the attribute's value, in `out`.
void read_documents(std::span<query::SourceDeclaration> declarations, query::SourceSet& sources, DocumentCache& cache,
                    std::vector<query::Diagnostic>& out);

// Each source `program` declares, in the order declared, with its citations (`sources`
// names the places).
std::vector<SourceInfo> describe_sources(const query::Program& program, const query::SourceSet& sources);

}  // namespace writ::kb
