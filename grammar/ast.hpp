// The syntax tree X3 parses into: close to the text, private to the grammar layer, and
// lowered to query's AST by lower.cpp (X3 cannot fill std::variant or query's structs).
//
// Nodes that a diagnostic or a Location may point at derive from x3::position_tagged.
// The grammar stores byte offsets into the text in id_first/id_last directly (instead of
// ids into an x3::position_cache), so no side table is needed; texts are limited to
// INT32_MAX bytes by the driver.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <boost/spirit/home/x3/support/ast/position_tagged.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>

#include "query/ast.hpp"

namespace writ::grammar::syntax {

namespace x3 = boost::spirit::x3;

// ---- terms ----

enum class LeafKind : std::uint8_t { Integer, String, Symbol, Variable, Date, Duration, Money };

// A token term, kept as written: digits with separators, a string with its quotes and
// escapes, a date, a duration or an amount of money as matched (query/literals.hpp).
// Checking and decoding happen in lowering, which knows where each byte is.
struct Leaf : x3::position_tagged {
  LeafKind kind = LeafKind::Integer;
  std::string text;
};

struct Signed;
struct Expression;

struct Operand : x3::variant<Leaf, x3::forward_ast<Signed>, x3::forward_ast<Expression>> {
  using base_type::base_type;
  using base_type::operator=;
};

// Unary minus (`sign` is always '-').
struct Signed : x3::position_tagged {
  char sign = '-';
  Operand operand;
};

// A binary operator and its right operand: one of + - * / and \ (modulo).
struct Operation : x3::position_tagged {
  char op = '+';
  Operand operand;
};

// first op1 x1 op2 x2 ...: one precedence level, left associative.
struct Expression : x3::position_tagged {
  Operand first;
  std::vector<Operation> rest;
};

// ---- atoms and literals ----

struct Atom : x3::position_tagged {
  bool strong_negation = false;
  std::string predicate;
  std::vector<Expression> args;
};

// `atom` or `not atom`, with an optional status test (`not accepted atom`).
struct AtomLiteral : x3::position_tagged {
  bool negated = false;
  query::StatusTest status = query::StatusTest::None;
  Atom atom;
};

struct Aggregate;

struct ComparisonRhs : x3::variant<Expression, x3::forward_ast<Aggregate>> {
  using base_type::base_type;
  using base_type::operator=;
};

// `lhs op rhs`; with an aggregate on the right it is a bound aggregate `N = #count{...}`.
struct Comparison : x3::position_tagged {
  Expression lhs;
  query::CompareOp op = query::CompareOp::Eq;
  ComparisonRhs rhs;
};

// A literal of an aggregate's condition: no aggregates inside aggregates.
struct ConditionLiteral : x3::variant<AtomLiteral, x3::forward_ast<Comparison>> {
  using base_type::base_type;
  using base_type::operator=;
};

struct AggregateElement : x3::position_tagged {
  std::vector<Expression> terms;
  std::vector<ConditionLiteral> condition;
};

struct Aggregate : x3::position_tagged {
  query::AggregateFunction function = query::AggregateFunction::Count;
  std::vector<AggregateElement> elements;
};

// `#count{...} op bound`, the aggregate written first.
struct AggregateFirst : x3::position_tagged {
  Aggregate aggregate;
  query::CompareOp op = query::CompareOp::Eq;
  Expression bound;
};

struct Literal : x3::variant<AtomLiteral, Comparison, AggregateFirst> {
  using base_type::base_type;
  using base_type::operator=;
};

// ---- statements ----

// `@ source "quote"`, positioned at the '@'. A Leaf whose text is empty was not written:
// no citation (source) or no quote.
struct Citation : x3::position_tagged {
  Leaf source;
  Leaf quote;
};

// What follows a rule's head: `:- body`, `:~ body` or nothing (a fact), then the citation
// and the '.'. `kind` is Strict or Defeasible here; the clause's form says the rest.
struct RuleTail : x3::position_tagged {
  query::RuleKind kind = query::RuleKind::Strict;
  std::vector<Literal> body;
  Leaf weight;  // the number after `weight`; empty text when none was written
  Citation citation;
};

// A rule's tail, or the string of a template's `means "text".`
struct Tail : x3::variant<RuleTail, Leaf> {
  using base_type::base_type;
  using base_type::operator=;
};

// How a clause begins: with its head (a rule, a fact or a template), with `blocks`, or
// with `party claims` / `party denies`.
enum class ClauseForm : std::uint8_t { Plain, Defeater, Claims, Denies };

struct Clause : x3::position_tagged {
  ClauseForm form = ClauseForm::Plain;
  Leaf claimant;  // Claims and Denies only
  Atom head;
  Tail tail;
};

// A clause with its optional `label:` (a Leaf with empty text when there is none).
struct Rule : x3::position_tagged {
  Leaf label;
  Clause clause;
};

// `stronger > weaker.`
struct Preference : x3::position_tagged {
  Leaf stronger;
  Leaf weaker;
};

// `key: value` in a `#source`; `negative` is a '-' before an integer value.
struct SourceAttribute : x3::position_tagged {
  Leaf key;
  bool negative = false;
  Leaf value;
};

// `#source name { key: value, ... }.`
struct Source : x3::position_tagged {
  Leaf name;
  std::vector<SourceAttribute> attributes;
};

// `#issue atom { key: value, ... }.`
struct Issue : x3::position_tagged {
  Atom pattern;
  std::vector<SourceAttribute> attributes;
};

// Any statement that is not a query.
struct Statement : x3::variant<Rule, Preference, Source, Issue> {
  using base_type::base_type;
  using base_type::operator=;
};

// A fact whose arguments are all constants, `-p(1, a, "s").`, as the fast path of a bulk
// load reads it (see plain_fact in statement.hpp). `negative` marks a '-' before an integer.
struct FactArgument : x3::position_tagged {
  bool negative = false;
  Leaf value;
};
struct PlainFact : x3::position_tagged {
  bool strong_negation = false;
  std::string predicate;
  std::vector<FactArgument> args;
};

// A query's goal with its optional `[party]` and `could`/`does` (Any when absent).
struct Goal : x3::position_tagged {
  Leaf perspective;
  query::Modality modality = query::Modality::Any;
  std::vector<Literal> body;
};

}  // namespace writ::grammar::syntax
