// A checked program compiled to SQL statements that evaluate it inside PostgreSQL.
//
// Each relation is a table (names.hpp) of encoded values (values.hpp). The components of the
// predicate dependency graph are evaluated in order, as the native evaluator does
// (query/eval/evaluator.hpp), each rule one INSERT ... SELECT:
//   - a component without recursion: each rule inserts, once, the head tuples its body
//     gives that the table does not hold yet (`WHERE NOT EXISTS`);
//   - a recursive component, semi-naively: a first round of every rule over the whole
//     relations inserts into the `__new` work table of its head; then, until a round adds
//     nothing, the new rows join their relations and become the `__delta` tables, and each
//     rule runs once per body atom of the component, that atom reading the delta, the others
//     the whole relations, inserting what neither the relation nor `__new` holds.
// Negation is NOT EXISTS, aggregates are GROUP BY over the set of element tuples, per
// binding of the variables they share with the rest of the body (body.cpp). No statement is
// recursive (no WITH RECURSIVE): the rounds are driven from outside, by a DO block in a
// script (script.hpp) or by a client that runs the statements (kb/postgres).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "query/analysis/predicate.hpp"
#include "query/ast.hpp"

namespace writ::sql {

// "FILE:LINE:COL" of a place in the program, for comments and for the errors SQL raises.
using PlaceOf = std::function<std::string(const query::Location&)>;

// The qualified table of a relation (`suffix` empty) or of its work tables ("__delta",
// "__new").
using TableOf = std::function<std::string(const query::PredicateId&, std::string_view suffix)>;

struct Options {
  std::string schema = "writ";  // as written; quoted in the SQL where needed
  PlaceOf place_of;             // unset: places are "line:column"
  TableOf table_of;             // unset: SCHEMA.relation_table(p, suffix) (names.hpp)
};

// An arithmetic operation (or a #sum) that may overflow: the place its SQL passes to the
// error it raises (runtime.hpp), and the location that place stands for.
struct Site {
  std::string place;
  query::Location location;
};

struct Relation {
  query::PredicateId predicate;
  std::string table;  // qualified: writ.edge_2
  std::string delta;  // qualified work tables of a recursive relation (else empty)
  std::string fresh;  // `__new`
  std::vector<std::string> columns;
};

// One SQL statement (no final ';') with the comment that says where it comes from.
struct Statement {
  std::string comment;  // lines each starting with "-- ", or empty
  std::string sql;
  // A semi-naive round's statement: the relation whose delta it reads (index into
  // CompiledProgram::relations); it derives nothing when that delta is empty.
  std::optional<std::size_t> reads_delta;
};

struct Stratum {
  std::vector<std::size_t> relations;  // its members, indexes into CompiledProgram::relations
  bool recursive = false;
  std::vector<Statement> first;   // every rule over whole relations
  std::vector<Statement> rounds;  // recursive: the rules reading one delta each
};

struct CompiledProgram {
  std::string schema;  // as an SQL identifier
  std::vector<Relation> relations;
  std::map<query::PredicateId, std::size_t> relation_of;
  std::vector<Stratum> strata;  // in evaluation order; components without rules are left out
  std::vector<Site> sites;

  // The site with this place, or null.
  const Site* site(std::string_view place) const;
};

// Compiles the strict rules of a program that passed check_program() (anonymous variables
// named); facts are not statements here (see for_each_fact). Throws std::logic_error on a
// program the checks would have refused.
CompiledProgram compile_program(const query::Program& program, const Options& options);

// The facts of a program, as the evaluator sees them: its strict facts, its rows of facts
// (Program::facts) and its built-in relations (query/builtins.hpp). `visit` gets the
// predicate and `arity` values; duplicates are possible.
void for_each_fact(const query::Program& program,
                   const std::function<void(const query::PredicateId&, const query::Value* values)>& visit);

// The answers of a checked query over the compiled program's tables: a SELECT of one
// column per answer column (query::answer_columns), each an encoded value, distinct and in
// value order. Adds its arithmetic to `program.sites`. A query with no columns selects one
// row (`true`) when it holds.
std::string compile_query(CompiledProgram& program, const query::Query& query, const Options& options);

// The statements that move a recursive relation's new rows into it and make them the next
// delta: the insert into the relation first (its row count is what the round added).
std::vector<std::string> advance_statements(const Relation& relation);

}  // namespace writ::sql
