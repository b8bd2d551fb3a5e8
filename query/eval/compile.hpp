// Compiles checked rules and queries into RulePlans (see plan.hpp).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "plan.hpp"
#include "query/analysis/predicate.hpp"

namespace writ::query::eval {

class Compiler {
 public:
  using RelationOf = std::function<RelationId(const PredicateId&)>;
  Compiler(Interner& interner, RelationOf relation_of) : interner_(interner), relation_of_(std::move(relation_of)) {}

  // `delta_literal` is the index in rule.body of the positive atom to read as a delta
  // (it becomes the first step), or -1 to read every relation whole.
  RulePlan compile_rule(const Rule& rule, int delta_literal);
  // A query as a rule whose head is `answers`, with `columns` as its arguments.
  RulePlan compile_query(const Query& query, RelationId answers, const std::vector<std::string>& columns);

 private:
  Interner& interner_;
  RelationOf relation_of_;
};

}  // namespace writ::query::eval
