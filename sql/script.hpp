// A whole program as one self-contained PostgreSQL script (`writ compile --sql`): in one
// transaction, the schema with its value domain and functions (runtime.hpp), a table per
// relation, the facts, the evaluation (program.hpp; each recursive component a DO block that
// repeats its rounds until one adds nothing), and the program's queries as SELECTs that show
// the values as writ writes them, in writ's order.
//
//   writ compile --sql rules.writ facts.writ > program.sql
//   psql -v ON_ERROR_STOP=1 -f program.sql
#pragma once

#include <string>
#include <vector>

#include "program.hpp"

namespace writ::sql {

struct ScriptOptions {
  Options options;
  std::vector<std::string> inputs;  // the files compiled, named in the script's heading
};

std::string script(const query::Program& program, const ScriptOptions& options);

// The CREATE TABLE statements of the compiled program's relations (and their work tables,
// UNLOGGED), without the final ';'.
std::vector<std::string> table_statements(const CompiledProgram& program);

}  // namespace writ::sql
