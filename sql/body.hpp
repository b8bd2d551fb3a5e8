// A rule's or a query's body as the FROM and WHERE of a SELECT (internal to sql/).
//
// Positive atoms are the FROM list (each joined ON the variables it shares with the atoms
// before it); comparisons, arithmetic arguments and `not` are WHERE conditions; `X = expr`
// with X bound nowhere else names the expression. Aggregates need the bindings of the rest
// of the body, so a body with aggregates is a chain of CTEs: `body` holds the bindings of
// the atoms, each aggregate is a GROUP BY over the set of its element tuples per value of
// the variables it shares with the body (its *inputs*), LEFT JOINed to the bindings so far,
// and the conditions that need its value come after it.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "names.hpp"
#include "program.hpp"

namespace writ::sql::detail {

// What a body compiles against.
struct Env {
  std::string schema;  // identifier
  PlaceOf place_of;
  std::vector<Site>* sites = nullptr;
  // The qualified table of a relation, or its delta; nullopt when the program has no such
  // relation (an undefined predicate in a query: it holds nothing).
  std::function<std::optional<std::string>(const query::PredicateId&, bool delta)> table;

  std::string place(const query::Location& at) const;
};

struct Body {
  std::string with;                         // "WITH ...\n", or empty
  std::string from;                         // "FROM ...", or empty (one row)
  std::vector<std::string> where;           // conditions, ANDed
  std::map<std::string, std::string> vars;  // variable -> its expression in the SELECT list
};

// Compiles `body`; the positive atom at `delta_literal` (or none, -1) reads its relation's
// delta. `outside` are the variables of the rule used outside its aggregates (the head,
// non-aggregate literals, aggregate bounds): an aggregate's inputs.
Body compile_body(Env& env, Aliases& aliases, const std::vector<query::Literal>& body, int delta_literal,
                  const std::set<std::string>& outside);

// The SQL expression of a term whose variables `vars` binds.
std::string expression(Env& env, const query::Term& term, const std::map<std::string, std::string>& vars);
// Whether the expression of `term` may be NULL (undefined arithmetic): it has arithmetic.
bool may_be_null(const query::Term& term);

// Variables used outside aggregates (see compile_body).
std::set<std::string> outside_aggregates(const std::vector<query::Literal>& body, const query::Atom* head);

// "WHERE a\n  AND b" (empty without conditions).
std::string where_clause(const std::vector<std::string>& conditions);

}  // namespace writ::sql::detail
