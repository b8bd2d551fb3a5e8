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
  enum class Kind { Scan, Negation, Filter, Assign, Aggregate };
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
  Location location;
};

struct RulePlan {
  std::vector<Step> steps;
  RelationId head = 0;
  std::vector<Expr> head_args;
  std::uint32_t registers = 0;
  const Rule* rule = nullptr;  // null for a query
};

}  // namespace writ::query::eval
