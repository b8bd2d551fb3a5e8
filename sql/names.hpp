// Names in the generated SQL: identifiers, and the tables that hold each relation.
//
// A relation's table is named after its predicate and arity, `edge_2`; the strong negation
// `-p/1` is `"-p_1"`. The arity suffix keeps every name distinct (the last `_digits` of a
// table name is the arity, and predicate names cannot start with `-`), and keeps the names
// apart from writ's own tables (`writ_...`, whose names do not end in digits) and from the
// work tables of an evaluation (`edge_2__delta`, `edge_2__new`). A name longer than
// PostgreSQL's 63 bytes keeps a prefix and a hash of the whole.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "query/analysis/predicate.hpp"

namespace writ::sql {

inline constexpr std::size_t max_identifier_bytes = 63;  // PostgreSQL's NAMEDATALEN - 1

// `name` as an SQL identifier: as it is when it reads back the same unquoted (lower case
// letters, digits and `_`, not a reserved word), else double-quoted.
std::string identifier(std::string_view name);

// The unquoted name of the table of `p` (see above); `suffix` names a work table of it.
std::string relation_table(const query::PredicateId& p, std::string_view suffix = {});

// The column names of a relation of that arity: a1, ..., an. A relation of arity 0 is a
// table with the one boolean column `holds`, with a row when it holds.
std::vector<std::string> relation_columns(std::uint32_t arity);

// Hands out aliases within one statement, each distinct, from readable stems: `path`,
// `path_2`, ... (a stem that is taken gets the next free number).
class Aliases {
 public:
  std::string take(std::string_view stem);

 private:
  std::vector<std::string> taken_;
};

}  // namespace writ::sql
