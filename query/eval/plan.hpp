// A rule compiled for evaluation: a sequence of steps over a register file.
//
// Each variable gets a register. A step either enumerates tuples (Scan), tests (Filter,
// Negation), computes (Assign), or evaluates an aggregate; the head is built at the end.
// The order of the steps is the join order, chosen at compile time from which variables
// are bound at each point (see plan.cpp), so that every lookup after the first uses an
// index on the bound columns.
#pragma once

#include <cstdint>
#include <vector>

#include "datum.hpp"
#include "query/ast.hpp"
#include "relation.hpp"

namespace writ::query::eval {

using RelationId = std::uint32_t;

struct Expr {
  enum class Kind { Constant, Register, Arith };
  Kind kind = Kind::Constant;
  Datum constant = 0;
  std::uint32_t reg = 0;
  ArithOp op = ArithOp::Add;
  std::vector<Expr> operands;
  Location location;
};

struct Step;

// One element of an aggregate: the steps that enumerate its condition, and its terms.
struct AggregatePart {
  std::vector<Step> steps;
  std::vector<Expr> terms;
};

struct Step {
  enum class Kind { Scan, Negation, Filter, Assign, Aggregate, Exists };
  Kind kind = Kind::Scan;

  // Scan and Negation: the relation, the columns looked up through an index with the
  // values of `keys` (in column order), the columns that bind fresh registers, and the
  // columns that must equal an earlier column (a variable repeated in one atom).
  RelationId relation = 0;
  bool delta = false;  // Scan only the rows added in the previous round
  ColumnMask key_mask = 0;
  std::vector<Expr> keys;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> binds;          // (column, register)
  std::vector<std::pair<std::uint32_t, std::uint32_t>> equal_columns;  // (column, earlier column)
  std::vector<std::pair<std::uint32_t, Expr>> checks;  // column == expression over bound registers
  // Scan only, set when some columns are dead (anonymous, or binding registers that no
  // later step, aggregate or the head reads), so that rows differing only there give the
  // same continuation (set semantics: it would derive the same facts again):
  //  - first_match: none of the binds is live; the scan is a semi-join and stops at the
  //    first row that matches;
  //  - distinct: the columns that matter (keys, live binds, repeated or checked columns);
  //    a non-delta scan looks its key up in the distinct index (HashIndex) on these.
  bool first_match = false;
  ColumnMask distinct = 0;
  // Negation only: the key's columns whose values were bound before the last scan that
  // precedes this step (the rest change with that scan's rows). When both parts are
  // non-empty, the negation runs as an anti-join: the rows matching the outer columns are
  // gathered once per outer value, and each probe of the inner loop is a lookup in that
  // small set (Evaluator::Run::exists), not in the whole relation.
  ColumnMask outer_mask = 0;
  std::uint32_t arity = 0;  // of the atom

  // Filter: lhs op rhs. Assign: register `reg` = lhs. Aggregate: lhs op #f{parts}, or
  // register `reg` = #f{parts} when `assign`.
  CompareOp op = CompareOp::Eq;
  Expr lhs;
  Expr rhs;
  std::uint32_t reg = 0;
  bool assign = false;
  AggregateFunction function = AggregateFunction::Count;
  std::vector<AggregatePart> parts;
  // The registers bound before the aggregate that its elements read. The aggregated
  // relations are complete (they belong to earlier strata), so the result depends on
  // these values only and is cached by them.
  std::vector<std::uint32_t> inputs;
  // Exists: parts[0].steps are literals of the body that share no variable with the rest
  // nor with the head (`c(Z), d(Z)` in `a(X) :- a(Y), b(X, Y), c(Z), d(Z).`). Whether they
  // hold is worked out once per run of the plan, when first reached, instead of once per
  // binding of the rest (see hoisted_conjunction in compile.cpp).
  // Aggregate: set when the element tuples are the rows that its one scan visits, which
  // are distinct already (every column that tells rows apart is a term), so each row is
  // accumulated as it comes, with no set to remove duplicates (see mark_distinct_elements).
  bool elements_distinct = false;
  Location location;
};

struct RulePlan {
  std::vector<Step> steps;
  RelationId head = 0;
  std::vector<Expr> head_args;
  std::uint32_t registers = 0;
  const Rule* rule = nullptr;  // null for a query
  // No two bindings of the body give the same head tuple: every column a scan visits that
  // can tell its rows apart binds a register the head copies. Into an empty relation the
  // head tuples are then appended without a duplicate check (Relation::append_batch).
  bool head_distinct = false;
};

}  // namespace writ::query::eval
