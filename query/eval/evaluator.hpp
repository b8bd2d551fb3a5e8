// Bottom-up evaluation: the fixpoint of a checked program, and answers to queries on it.
//
// Components of the predicate dependency graph are evaluated in order (stratified
// negation and aggregation: a component only negates or aggregates over earlier ones).
// A recursive component is evaluated semi-naively: after a first round over whole
// relations, each round joins only the rows the previous round added (the delta) with
// the whole of the other relations, until a round adds nothing.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "datum.hpp"
#include "magic_sets.hpp"
#include "plan.hpp"
#include "query/analysis/predicate.hpp"
#include "query/ast.hpp"
#include "query/diagnostic.hpp"
#include "relation.hpp"

namespace writ::query::eval {

struct Limits {
  std::optional<std::chrono::steady_clock::time_point> deadline;
  std::uint64_t max_facts = std::numeric_limits<std::uint64_t>::max();
  const std::atomic<bool>* cancel = nullptr;  // polled; set it from another thread or a signal handler
  // Bytes the evaluation may hold: its relations and their indexes, the sets an aggregate
  // gathers, the interned values (Evaluator::memory()). Checked as it grows, with the
  // other limits; a relation that doubles its storage may pass it by that much first.
  std::uint64_t max_memory = std::numeric_limits<std::uint64_t>::max();
};

enum class Status {
  Ok,
  Error,         // a runtime error (integer overflow); see diagnostics()
  Timeout,       // Limits::deadline passed
  TooManyFacts,  // Limits::max_facts exceeded
  TooMuchMemory,  // Limits::max_memory exceeded
  Cancelled,     // *Limits::cancel became true
};

// Why an evaluation under `limits` stops: what the evaluator says, and anything else that
// answers under the same limits (a knowledge base reading a stored table) says the same.
Diagnostic too_many_facts(const Limits& limits);
Diagnostic too_much_memory(const Limits& limits);
// A number of bytes as people read it: "64 MiB", "1.5 GiB", "512 bytes".
std::string byte_size_text(std::uint64_t bytes);
// Cancelled, or past the deadline: the status and why; nothing while the call may go on.
std::optional<std::pair<Status, Diagnostic>> interrupted(const Limits& limits);

struct QueryAnswers {
  Status status = Status::Ok;
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;  // distinct, sorted by value order
};

class Evaluator {
 public:
  Evaluator();
  ~Evaluator();
  Evaluator(const Evaluator&) = delete;
  Evaluator& operator=(const Evaluator&) = delete;

  // Computes the fixpoint of `program`, which must have passed check_program() and had
  // name_anonymous_variables() applied; it must outlive the Evaluator. Starts afresh.
  // The built-in relations (query/builtins.hpp) are those of `described`'s statements and
  // sources, by default `program`'s own (the argumentation layer evaluates a rewritten
  // program, but its built-ins describe the program as written).
  // With `only`, just the rules and facts that conclude its predicates (reached_predicates()
  // of a question: what it depends on, when another rule of the program fails).
  Status evaluate(const Program& program, const Limits& limits, const Program* described = nullptr,
                  const std::set<PredicateId>* only = nullptr);
  // Computes only what `query` needs when its constants reach derived predicates (the
  // magic-set rewriting of magic_sets.hpp); then answer goal_query(), not `query`, which
  // reads the rewritten relations (the answers, their columns and order are `query`'s).
  // The fixpoint is that of the rewritten program: answer no other question on it.
  // Nothing is done, and nullopt returned, when the rewriting does not apply.
  std::optional<Status> evaluate_goal(const Program& program, const Query& query, const Limits& limits,
                                      const Program* described = nullptr);
  const Query& goal_query() const;
  // Called once with the answers' column names when they are ready (after anything that
  // can fail), then once per answer in sorted order; a row is valid during the call only.
  using ColumnsVisitor = std::function<void(const std::vector<std::string>&)>;
  using RowVisitor = std::function<void(const std::vector<Value>&)>;

  // Answers a checked query on the fixpoint, row by row: no answer is kept as Values, so
  // a million answers cost the relation they live in and 4 bytes each for the order.
  Status answer_each(const Query& query, const Limits& limits, const ColumnsVisitor& on_columns,
                     const RowVisitor& visit);
  // The same, collected.
  QueryAnswers answer(const Query& query, const Limits& limits);
  // The tuples of one relation, sorted; empty when the predicate has none.
  std::vector<std::vector<Value>> rows(const PredicateId& predicate) const;
  void each_row(const PredicateId& predicate, const RowVisitor& visit) const;
  // Whether the fixpoint holds this tuple.
  bool contains(const PredicateId& predicate, const std::vector<Value>& tuple) const;

  // Runtime diagnostics of the last call: errors, limits, warnings about undefined
  // arithmetic (division by zero, arithmetic on a symbol), which drop the rule instance
  // as in clingo.
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  std::uint64_t fact_count() const { return facts_; }
  // Bytes held by the relations, their indexes and the interned values.
  std::size_t memory() const;

 private:
  class Run;
  Status evaluate_rules(const std::vector<const Rule*>& rules, const std::vector<const FactRows*>& facts,
                        const Program& described, const Limits& limits);
  RelationId relation_of(const PredicateId& p);
  // Visits the rows of `rel` in value order, as the columns `columns` (positions in the
  // tuple), skipping none: the caller ensures the rows are distinct on those columns.
  void visit_sorted(const Relation& rel, const std::vector<std::uint32_t>& columns, const RowVisitor& visit) const;

  Interner interner_;
  std::vector<std::unique_ptr<Relation>> relations_;
  std::map<PredicateId, RelationId> relation_ids_;
  std::vector<Diagnostic> diagnostics_;
  std::uint64_t facts_ = 0;
  std::unique_ptr<GoalProgram> goal_;  // the rules of the last evaluate_goal()
};

}  // namespace writ::query::eval
