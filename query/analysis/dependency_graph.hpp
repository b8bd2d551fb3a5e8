// The predicate dependency graph and its strongly connected components, in the order
// they must be evaluated (every component after the components it depends on).
#pragma once

#include <map>
#include <set>
#include <vector>

#include "predicate.hpp"
#include "query/ast.hpp"

namespace writ::query {

struct Dependency {
  std::uint32_t to = 0;        // the body predicate (index into DependencyGraph::predicates)
  bool negative = false;       // through `not` or an aggregate
  const Rule* rule = nullptr;  // the rule that makes it
  const Literal* literal = nullptr;
};

struct DependencyGraph {
  std::vector<PredicateId> predicates;                 // every predicate of the program
  std::map<PredicateId, std::uint32_t> index;          // predicate -> its index
  std::vector<std::vector<Dependency>> edges;          // head -> body dependencies
  std::vector<std::vector<std::uint32_t>> components;  // SCCs, dependencies first
  std::vector<std::uint32_t> component_of;             // predicate -> its component

  bool recursive(std::uint32_t component) const;
};

// With `strict_only`, only the dependencies made by strict rules (and facts): negation
// through defeasible rules is the argumentation layer's to decide (it gives such cycles
// the grounded, well-founded reading), so only strict cycles must be stratified.
DependencyGraph build_dependency_graph(const Program& program, bool strict_only = false);
// The same over the rules given, in that order (a program rewritten for a question: some
// rules as written, some new).
DependencyGraph build_dependency_graph(const std::vector<const Rule*>& rules, bool strict_only = false);

// The predicates a conjunction depends on: those its atoms name (in aggregates too), and
// those the rules concluding them depend on, in both polarities (a conclusion is attacked
// by its contrary's arguments). A question's answers come from these alone, so an error
// in evaluating any other rule is not the question's.
std::set<PredicateId> reached_predicates(const Program& program, const std::vector<Literal>& body);

}  // namespace writ::query
