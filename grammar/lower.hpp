// Lowering: the syntax tree to query's AST. Also the checks that need the exact bytes of
// a token: integer range, string escapes and UTF-8, and the depth of operator chains.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "grammar/ast.hpp"
#include "grammar/source_lines.hpp"
#include "query/ast.hpp"
#include "query/diagnostic.hpp"

namespace writ::grammar {

class Lowering {
 public:
  // `text` is the whole text the syntax tree's offsets point into.
  Lowering(std::string_view text, const SourceLines& lines) : text_(text), lines_(lines) {}

  // Each returns false (and appends to errors()) when a node is invalid; the statement
  // is then dropped, but every error in it is reported.

  // Adds the statement to the program's rules, templates, preferences or sources.
  // `end` is the offset one past the statement's final `.`.
  bool statement(const syntax::Statement& in, std::size_t end, query::Program& out);
  bool body(const std::vector<syntax::Literal>& in, std::vector<query::Literal>& out);
  // Appends a plain fact's values to `out`; false when one is invalid (out of range, a bad
  // escape), which the full grammar's path then reports.
  bool fact_values(const syntax::PlainFact& in, std::vector<query::Value>& out);

  // [first, last) offsets of a literal as written, without surrounding blanks.
  std::pair<std::size_t, std::size_t> span(const syntax::Literal& literal) const;
  // Where a node parsed with its position is (a query's perspective).
  query::Location locate(const boost::spirit::x3::position_tagged& node) const;

  std::vector<query::Diagnostic>& errors() { return errors_; }

 private:
  // A lowered operand within a term, with the extent of its text.
  struct Part {
    query::Term term;
    std::size_t depth = 0;      // of the term's tree: 1 for a leaf
    std::size_t first = 0;      // offsets of the operand's text
    std::size_t last = 0;
    std::size_t op_offset = 0;  // of the operator before it
  };
  static const boost::spirit::x3::position_tagged& node_of(const syntax::Operand& in);
  bool combine(Part& left, char op, Part&& right);

  // A term and the depth of its tree (1 for a leaf).
  bool term(const syntax::Expression& in, query::Term& out, std::size_t& depth);
  bool operand(const syntax::Operand& in, query::Term& out, std::size_t& depth);
  bool leaf(const syntax::Leaf& in, bool negated, query::Term& out);
  bool integer(const syntax::Leaf& in, bool negated, query::Term& out);
  // A date, duration or amount of money; `negated` for a '-' before it.
  bool quantity(const syntax::Leaf& in, bool negated, query::Term& out);
  bool string(const syntax::Leaf& in, query::Term& out);
  bool atom(const syntax::Atom& in, query::Atom& out);
  bool literal(const syntax::Literal& in, query::Literal& out);
  bool atom_literal(const syntax::AtomLiteral& in, query::Literal& out);
  bool comparison(const syntax::Comparison& in, query::Literal& out);
  bool aggregate(const syntax::Aggregate& in, query::Literal& out);
  bool condition(const std::vector<syntax::ConditionLiteral>& in, std::vector<query::Literal>& out);

  bool rule(const syntax::Rule& in, std::size_t end, query::Program& out);
  bool template_statement(const syntax::Rule& in, const syntax::Leaf& text, std::size_t end,
                          query::Program& out);
  bool citation(const syntax::Citation& in, std::optional<query::Citation>& out);
  bool source(const syntax::Source& in, std::size_t end, query::Program& out);
  bool issue(const syntax::Issue& in, std::size_t end, query::Program& out);
  // The clause's `weight`, checked against its kind.
  bool weight(const syntax::Leaf& in, query::Rule& out);
  // A decoded string constant's text.
  bool decoded(const syntax::Leaf& in, std::string& out);

  std::size_t start(const boost::spirit::x3::position_tagged& node) const;
  query::Location locate(std::size_t first, std::size_t last) const;
  void error(std::size_t offset, std::size_t length, std::string message);

  std::string_view text_;
  const SourceLines& lines_;
  std::vector<query::Diagnostic> errors_;
};

}  // namespace writ::grammar
