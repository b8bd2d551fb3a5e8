// Goal-directed evaluation: the magic-set rewriting of a program for one question.
//
// A question with constants (`sg(5, Y)`) needs only the facts those constants lead to,
// not the whole fixpoint (same generation over 32,767 nodes is 358M tuples; the question
// needs a few thousand). Each derived predicate the question reaches with some arguments
// bound gets an adorned copy (`sg@bf`: first argument bound, second free) whose rules are
// guarded by a "magic" relation holding the bound values actually asked for
// (`@magic@sg@bf`); magic rules pass the bindings down the rule bodies, left to right in
// an order that takes bound atoms first (sideways information passing). Bottom-up
// evaluation of the rewritten program derives exactly the adorned facts the question can
// use, so its answers are those of the whole fixpoint (Bancilhon, Maier, Sagiv, Ullman,
// "Magic sets and other strange ways to implement logic programs", PODS 1986; Beeri and
// Ramakrishnan, "On the power of magic", 1991).
//
// Kept simple where simple is safe:
//  - A predicate reached only with free arguments, through `not` or an aggregate, or with
//    facts of its own besides rules, is evaluated whole, with its own rules (negation and
//    aggregates then read complete relations, so the rewritten program stays stratified).
//  - Bindings pass only through plain variables and constants, never through arithmetic:
//    magic relations then hold only values of the program's relations and the question's
//    constants, and stay finite whenever the fixpoint is.
//  - The answers, and the diagnostics, are those of the whole evaluation: a rule that can
//    warn or fail at run time (arithmetic, `#sum`/`#min`/`#max`, ordering comparisons
//    where the program has dates, durations or money) is evaluated whole, with every rule
//    it depends on, whether the question reaches it or not.
//  - Only strict programs: statuses come from the argument layer's own grounding.
#pragma once

#include <optional>
#include <set>
#include <vector>

#include "query/analysis/predicate.hpp"
#include "query/ast.hpp"

namespace writ::query::eval {

struct GoalProgram {
  // The adorned rules and the magic rules (names with '@', which no written predicate has).
  std::vector<Rule> rules;
  // The predicates evaluated as written, with all their facts and rules (those read whole
  // and the predicates defined by facts alone that the rules above read).
  std::set<PredicateId> whole;
  // The question over the adorned predicates; its answer columns are the question's.
  Query query;
};

// The rewriting of checked `program` (anonymous variables named) for checked `query`, or
// nullopt when it would not help: the program has defeasible rules, claims or preferences,
// or no constant of the question reaches a derived predicate.
std::optional<GoalProgram> magic_sets(const Program& program, const Query& query);

}  // namespace writ::query::eval
