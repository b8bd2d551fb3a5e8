// Status tests and aggregates over argued conclusions (docs/language.md, "Status tests").
//
// A conclusion of defeasible rules or claims may stay contested, so the set of them is not
// known, and an aggregate over it has no meaning; a status test (`accepted p(X)`) asks
// about the labelling once it is complete, so the set of conclusions with a status is
// known and can be aggregated. That needs the labelling of p before any rule with the test
// is argued: status tests are stratified, in *levels*. A predicate's level is the highest,
// over its rules' body atoms, of the atom's level (plus one through a status test); p and
// -p (and what blocks p) share a level, since they attack each other. A cycle through a
// status test has no level: an error.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "predicate.hpp"
#include "query/ast.hpp"
#include "query/diagnostic.hpp"

namespace writ::query {

// Whether a conjunction (aggregate conditions included) has a status test.
bool has_status_test(const std::vector<Literal>& body);
bool has_status_test(const Program& program);

// The level of each predicate (by its positive name: `p` for p and -p), and the highest.
struct StatusLevels {
  std::map<PredicateId, int> level;
  int highest = 0;
  int of(const PredicateId& p) const;  // 0 for a predicate no rule concludes
};

// The levels of a program whose status tests are stratified (check_status_tests passed).
StatusLevels status_levels(const Program& program);

// The predicates whose conclusions may stay contested, whatever the perspective: those
// that defeasible rules, defeaters or claims conclude (both p and -p), and those that
// depend on them through atoms without a status test.
std::set<PredicateId> undecided_predicates(const Program& program);

// Status tests in a program without arguments, where every conclusion is established:
// `established`, `does` and `could` become the atom itself, and `accepted`, `contested`
// and `rejected` an atom that nothing concludes (status predicates, status_layers.cpp).
void resolve_status_tests_without_arguments(std::vector<Literal>& body);

// The positive predicate of an atom's: p for -p.
PredicateId positive_of(const PredicateId& p);

}  // namespace writ::query
