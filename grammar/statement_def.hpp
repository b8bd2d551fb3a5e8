// The grammar of writ, in X3. Included by statement.cpp only.
//
// Error messages come from here: `a > b` throws when b fails, and the handler reports
// "expected " + the name of b, so every parser after a `>` is a rule named for what the
// user should have written at that point ("')' or ','", "a term"). `>>` is used only
// where the parser must backtrack: a body literal may start as an atom and turn out to be
// a comparison (`a < b`), which costs at most one re-parse of that literal, never more,
// since the alternatives inside an atom or a term do not backtrack.
#pragma once

#include <boost/spirit/home/x3.hpp>

#include "grammar/ast.hpp"
#include "grammar/ast_adapted.hpp"
#include "grammar/directives.hpp"
#include "grammar/error_handler.hpp"
#include "grammar/statement.hpp"

namespace writ::grammar::parser {

namespace x3 = boost::spirit::x3;
using x3::attr;
using x3::char_;
using x3::eoi;
using x3::eps;
using x3::lexeme;
using x3::lit;
using x3::matches;
using x3::raw;

using query::AggregateFunction;
using query::CompareOp;
using syntax::LeafKind;

// ---- tokens ----

auto const ident_char = char_("A-Za-z0-9_");
auto const digit = char_('0', '9');
auto const keyword_not = lexeme[lit("not") >> !ident_char];
auto const arithmetic_operator = char_("+*/\\-");

struct CompareOperators : x3::symbols<CompareOp> {
  CompareOperators() {
    add("=", CompareOp::Eq)("!=", CompareOp::Ne)("<", CompareOp::Lt)("<=", CompareOp::Le)(
        ">", CompareOp::Gt)(">=", CompareOp::Ge);
  }
} const compare_operator;

struct AggregateFunctions : x3::symbols<AggregateFunction> {
  AggregateFunctions() {
    add("#count", AggregateFunction::Count)("#sum", AggregateFunction::Sum)(
        "#min", AggregateFunction::Min)("#max", AggregateFunction::Max);
  }
} const aggregate_function;

// ---- rule IDs: every rule records its node's position ----

#define WRIT_RULE(name, attribute, description)  \
  struct name##_class : annotate_position {};   \
  x3::rule<name##_class, attribute> const name = description;

WRIT_RULE(integer, syntax::Leaf, "an integer")
WRIT_RULE(string, syntax::Leaf, "a string")
WRIT_RULE(symbol, syntax::Leaf, "a constant")
WRIT_RULE(variable, syntax::Leaf, "a variable")

WRIT_RULE(term, syntax::Expression, "a term")
WRIT_RULE(operation, syntax::Operation, "an operator")
WRIT_RULE(unary, syntax::Operand, "a term")
WRIT_RULE(negative, syntax::Signed, "a term")
WRIT_RULE(primary, syntax::Operand, "a term")
WRIT_RULE(parenthesized, syntax::Expression, "a term")

WRIT_RULE(predicate, std::string, "an atom (a predicate name)")
WRIT_RULE(atom, syntax::Atom, "an atom (a predicate name)")
WRIT_RULE(head, syntax::Atom, "an atom (a predicate name)")
WRIT_RULE(atom_after_not, syntax::Atom, "an atom after 'not'")
WRIT_RULE(arguments, std::vector<syntax::Expression>, "'('")
WRIT_RULE(close_arguments, x3::unused_type, "')' or ','")

WRIT_RULE(negated_atom, syntax::AtomLiteral, "a literal")
WRIT_RULE(positive_atom, syntax::AtomLiteral, "a literal")
WRIT_RULE(comparison_operator, CompareOp, "a comparison operator (=, !=, <, <=, >, >=)")
WRIT_RULE(comparison, syntax::Comparison, "a literal")
WRIT_RULE(comparison_rhs, syntax::ComparisonRhs, "a term or an aggregate")
WRIT_RULE(lone_aggregate, syntax::Aggregate, "an aggregate")
WRIT_RULE(condition_comparison, syntax::Comparison, "a literal")
WRIT_RULE(condition_rhs, syntax::ComparisonRhs, "a term")

WRIT_RULE(aggregate, syntax::Aggregate, "an aggregate (#count, #sum, #min or #max)")
WRIT_RULE(aggregate_elements, std::vector<syntax::AggregateElement>, "a term or '}'")
WRIT_RULE(aggregate_element, syntax::AggregateElement, "a term")
WRIT_RULE(element_terms, std::vector<syntax::Expression>, "a term")
WRIT_RULE(element_condition, std::vector<syntax::ConditionLiteral>, "',', ':', ';' or '}'")
WRIT_RULE(condition, std::vector<syntax::ConditionLiteral>, "a literal (an atom or a comparison)")
WRIT_RULE(condition_literal, syntax::ConditionLiteral, "a literal (an atom or a comparison)")
WRIT_RULE(close_aggregate, x3::unused_type, "',', ';' or '}'")
WRIT_RULE(aggregate_bound_operator, CompareOp,
          "a comparison operator and a bound after the aggregate")
WRIT_RULE(aggregate_first, syntax::AggregateFirst, "a literal")

WRIT_RULE(literal, syntax::Literal, "a literal (an atom, a comparison or an aggregate)")
WRIT_RULE(body, std::vector<syntax::Literal>, "a literal (an atom, a comparison or an aggregate)")
WRIT_RULE(rule_tail, std::vector<syntax::Literal>, "'.' or ':-' after the head")
WRIT_RULE(end_of_statement, x3::unused_type, "',' or '.'")
WRIT_RULE(end_of_question, x3::unused_type, "',' or '?'")
WRIT_RULE(end_of_goal, x3::unused_type, "',' or the end of the goal")
WRIT_RULE(nothing_more, x3::unused_type, "the end of the goal")

#undef WRIT_RULE

rule_statement_type const rule_statement = "a rule";
query_statement_type const query_statement = "a query";
question_statement_type const question_statement = "a query";
goal_type const goal = "a goal";

// ---- terms ----
// A term is read flat, `x1 op x2 op x3 ...`; lowering applies precedence (unary minus,
// then * / \, then + -, left associative). One level instead of one per precedence saves
// a node per operand, which matters for 10 MB inputs. A chain of operators is a deep tree
// after lowering, so its length counts as nesting.

auto const integer_def = attr(LeafKind::Integer) >>
                         lexeme[raw[+digit % '_'] >>
                                reject(lit('_'), "'_' in an integer may only stand between digits")];
auto const string_def =
    attr(LeafKind::String) >>
    raw[lexeme['"' >> *(('\\' >> (char_ - '\n')) | (char_ - char_("\"\\\n"))) >> '"']];
auto const symbol_def =
    attr(LeafKind::Symbol) >> raw[lexeme[char_('a', 'z') >> *ident_char]] >>
    reject(lit('('), "function terms are not supported: a constant cannot be followed by '('");
auto const variable_def = attr(LeafKind::Variable) >> raw[lexeme[char_("A-Z_") >> *ident_char]];

auto const term_def = unary >> x3::repeat(std::size_t{0}, max_nesting_depth - 1)[operation] >>
                      reject(arithmetic_operator, nesting_message());
auto const operation_def = arithmetic_operator > unary;
auto const unary_def = negative | primary;
auto const negative_def = nest('-')[attr('-') > unary];
auto const primary_def = integer | string | variable | symbol | parenthesized;
auto const parenthesized_def = nest('(')[x3::expect[term] > lit(')')];

// ---- atoms and literals ----

// `not` is a keyword, so `not not p` and `not.` are errors rather than atoms named not.
auto const predicate_def = raw[!keyword_not >> lexeme[char_('a', 'z') >> *ident_char]];
auto const atom_def = matches[lit('-')] >> predicate >> -arguments;
auto const head_def = atom;
auto const atom_after_not_def = atom;
auto const arguments_def = lit('(') > term > x3::repeat(std::size_t{0}, max_list_length - 1)[lit(',') > term] >
                           reject(lit(','), too_many("arguments")) > close_arguments;
auto const close_arguments_def = lit(')');

auto const negated_atom_def = keyword_not >> attr(true) > atom_after_not;
// An atom followed by an operator is the start of a comparison (`a < b`, `a + 1 = X`).
auto const positive_atom_def = attr(false) >> atom >> !(compare_operator | arithmetic_operator);
auto const comparison_operator_def = compare_operator;
auto const comparison_def = term > comparison_operator > comparison_rhs;
auto const comparison_rhs_def = lone_aggregate | term;
auto const lone_aggregate_def = aggregate >> reject(compare_operator, "an aggregate takes only one bound");
auto const condition_comparison_def = term > comparison_operator > condition_rhs;
auto const condition_rhs_def = term;

auto const aggregate_def = lexeme[aggregate_function >> !ident_char] > lit('{') >
                           aggregate_elements > close_aggregate;
auto const aggregate_elements_def =
    &lit('}') | (aggregate_element > x3::repeat(std::size_t{0}, max_list_length - 1)[lit(';') > aggregate_element] >
                 reject(lit(';'), too_many("aggregate elements")));
auto const aggregate_element_def = element_terms > element_condition;
auto const element_terms_def = term > x3::repeat(std::size_t{0}, max_list_length - 1)[lit(',') > term] >
                               reject(lit(','), too_many("terms in an aggregate element"));
auto const element_condition_def = (lit(':') > condition) | &(lit(';') | lit('}'));
auto const condition_def =
    condition_literal > x3::repeat(std::size_t{0}, max_list_length - 1)[lit(',') > condition_literal] >
    reject(lit(','), too_many("literals in a condition"));
auto const condition_literal_def = negated_atom | positive_atom | condition_comparison;
auto const close_aggregate_def = lit('}');
auto const aggregate_bound_operator_def = compare_operator;
auto const aggregate_first_def = &lit('#') > aggregate > aggregate_bound_operator > term;

auto const literal_def = negated_atom | aggregate_first | positive_atom | comparison;
auto const body_def = literal > x3::repeat(std::size_t{0}, max_list_length - 1)[lit(',') > literal] >
                      reject(lit(','), too_many("literals in a body"));

// ---- statements ----

auto const rule_statement_def =
    reject(keyword_not, "a head cannot be negated with 'not' (strong negation is written -p)") >
    reject(lit(":-"), "a rule needs a head: constraints (':- body.') are not supported") > head >
    rule_tail;
auto const rule_tail_def = (lit(":-") > body > end_of_statement) | lit('.');
auto const end_of_statement_def = lit('.');
auto const end_of_question_def = lit('?');
auto const query_statement_def = lit("?-") > body > end_of_statement;
auto const question_statement_def = eps > body > end_of_question;
auto const goal_def = -lit("?-") > body > end_of_goal;
auto const end_of_goal_def = ((lit('.') | lit('?')) > nothing_more) | eoi;
auto const nothing_more_def = eoi;

BOOST_SPIRIT_DEFINE(integer, string, symbol, variable, term, operation, unary, negative, primary, parenthesized, predicate, atom,
                    head, atom_after_not, arguments, close_arguments, negated_atom, positive_atom,
                    comparison_operator, comparison, comparison_rhs, lone_aggregate,
                    condition_comparison, condition_rhs, aggregate, aggregate_elements,
                    aggregate_element, element_terms, element_condition, condition,
                    condition_literal, close_aggregate, aggregate_bound_operator, aggregate_first,
                    literal, body, rule_tail, end_of_statement, end_of_question, end_of_goal,
                    nothing_more, rule_statement, query_statement, question_statement, goal)

}  // namespace writ::grammar::parser
