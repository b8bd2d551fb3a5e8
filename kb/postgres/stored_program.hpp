// Between a PostgreSQL schema's `writ_statement` table and the in-memory program: the
// statements a load adds, as text with their places, and the program those texts make
// again.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "kb/postgres/session.hpp"
#include "query/ast.hpp"
#include "query/diagnostic.hpp"

namespace writ::kb::postgres {

// Where a load's statements start in each of the program's lists.
struct FirstNew {
  std::size_t rules = 0;
  std::size_t preferences = 0;
  std::size_t sources = 0;
  std::size_t templates = 0;
  std::size_t issues = 0;
};

// The statements of a load that are kept as text (all but its plain facts: `is_row[i]` for
// rule first.rules + i), with their sources' names, in the order written.
std::vector<StoredStatement> statements_of_load(const query::SourceSet& sources, const query::Program& program,
                                                const FirstNew& first, const std::vector<bool>& is_row);

// Adds a text to the knowledge base's sources and returns its id.
using AddSource = std::function<query::SourceId(std::string name, std::string text)>;

// Parses stored statements back into `program`. The statements of one source of one load
// become one text, each at its line and column (blank lines and spaces between), so that
// diagnostics point where the statement was written. `diagnostics` gets what does not parse.
void read_statements(const std::vector<StoredStatement>& statements, const AddSource& add_source,
                     query::Program& program, std::vector<query::Diagnostic>& diagnostics);

}  // namespace writ::kb::postgres
