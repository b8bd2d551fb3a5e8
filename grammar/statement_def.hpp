// The grammar of writ, in X3. Included by statement.cpp only.
//
// Error messages come from here: `a > b` throws when b fails, and the handler reports
// "expected " + the name of b, so every parser after a `>` is a rule named for what the
// user should have written at that point ("')' or ','", "a term"). `>>` is used only
// where the parser must backtrack: a body literal may start as an atom and turn out to be
// a comparison (`a < b`), which costs at most one re-parse of that literal, never more,
// since the alternatives inside an atom or a term do not backtrack.
//
// The statements, in outline ([x] optional, {x} repeated, "..." literal text):
//   statement  = source | issue | preference | [label] clause
//   label      = name ":"                        (a ':' not followed by '-' or '~')
//   clause     = name "claims" atom [weight] [citation] "."
//              | name "denies" atom [weight] [citation] "."
//              | "blocks" atom ":~" body [weight] [citation] "."
//              | atom ":-" body [weight] [citation] "."
//              | atom ":~" body [weight] [citation] "."
//              | atom [weight] [citation] "."
//              | atom "means" string "."        (a template: no label)
//   weight     = "weight" number                 (0 to 1, e.g. 0.8)
//   citation   = "@" name [string]
//   preference = name ">" name "."
//   source     = "#source" name "{" [attribute {"," attribute}] "}" "."
//   attribute  = name ":" (symbol | string | date | ["-"] (integer | duration | money))
//   issue      = "#issue" atom "{" [attribute {"," attribute}] "}" "."
//   literal    = ["not"] [status] atom | comparison | aggregate
//   status     = "established" | "accepted" | "contested" | "rejected" | "does" | "could"
//                                                (a status test: only before an atom)
//   query      = "?-" goal "." | goal "?"
//   goal       = ["[" name "]"] [("could" | "does")] body   (the word only before a literal)
// where `name` is a lowercase symbol.
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
using query::Modality;
using query::RuleKind;
using syntax::ClauseForm;
using syntax::LeafKind;

// ---- tokens ----

auto const ident_char = char_("A-Za-z0-9_");
auto const digit = char_('0', '9');
auto const arithmetic_operator = char_("+*/\\-");
auto const lower_name = lexeme[char_('a', 'z') >> *ident_char];

// A word that is a keyword only where the grammar looks for it: `not` before an atom,
// `blocks` before a defeater's head, `claims`/`denies` after a claimant, `means` after a
// template's atom, `could`/`does` before a query's goal. Elsewhere it is a name.
inline auto keyword(const char* word) { return lexeme[lit(word) >> !ident_char]; }
auto const keyword_not = keyword("not");
auto const keyword_claims = keyword("claims");
auto const keyword_denies = keyword("denies");
auto const keyword_means = keyword("means");
auto const keyword_source = keyword("#source");
auto const keyword_issue = keyword("#issue");
auto const keyword_weight = keyword("weight");
// `blocks` begins a defeater only when an atom follows: `blocks :- q.` is a rule for blocks.
auto const keyword_blocks = keyword("blocks") >> &(lit('-') | char_('a', 'z'));
// `label:` but not `head :- ...` or `head :~ ...`.
auto const label_ahead = lower_name >> lexeme[lit(':') >> !char_("-~")];
// `could`/`does` are a modality only before a literal: `?- could.` and `?- could, p.` ask
// about an atom named could, and so does `?- could(X).`.
auto const literal_start = char_("a-zA-Z0-9_#\"$-") | lit("\u20ac") | lit("\u00a3");

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

// A status test is a word before an atom (`contested p(X)`, `not accepted -p(X)`); the
// same word followed by anything else is a name (`accepted(X)`, `accepted, p`).
struct StatusTests : x3::symbols<query::StatusTest> {
  StatusTests() {
    add("established", query::StatusTest::Established)("accepted", query::StatusTest::Accepted)(
        "contested", query::StatusTest::Contested)("rejected", query::StatusTest::Rejected)(
        "does", query::StatusTest::Does)("could", query::StatusTest::Could);
  }
} const status_word;
auto const status_ahead = lexeme[status_word >> !ident_char] >> (lit('-') | &char_('a', 'z'));

struct Modalities : x3::symbols<Modality> {
  Modalities() { add("could", Modality::Could)("does", Modality::Does); }
} const modality_word;

// ---- rule IDs: every rule records its node's position ----

#define WRIT_RULE(name, attribute, description)  \
  struct name##_class : annotate_position {};   \
  x3::rule<name##_class, attribute> const name = description;
// A rule that passes its attribute through without recording a position, so that the
// node keeps the position its inner rule gave it (a citation at its '@', not at the '.').
#define WRIT_PLAIN_RULE(name, attribute, description) \
  struct name##_class {};                             \
  x3::rule<name##_class, attribute> const name = description;

WRIT_RULE(integer, syntax::Leaf, "an integer")
WRIT_RULE(date, syntax::Leaf, "a date")
WRIT_RULE(duration, syntax::Leaf, "a duration")
WRIT_RULE(money, syntax::Leaf, "an amount of money")
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

WRIT_PLAIN_RULE(status_test, query::StatusTest, "a status")
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
WRIT_RULE(rule_tail, syntax::Tail, "'.' or ':-' after the head")
WRIT_RULE(end_of_statement, x3::unused_type, "',' or '.'")
WRIT_RULE(end_of_question, x3::unused_type, "',' or '?'")
WRIT_RULE(end_of_goal, x3::unused_type, "',' or the end of the goal")
WRIT_RULE(nothing_more, x3::unused_type, "the end of the goal")

WRIT_RULE(citation, syntax::Citation, "a citation")
WRIT_RULE(citation_source, syntax::Leaf, "a source name after '@'")
WRIT_PLAIN_RULE(cited_end, syntax::Citation, "a citation")
WRIT_RULE(end_of_citation, x3::unused_type, "'.' after the citation")
WRIT_PLAIN_RULE(body_end, syntax::Citation, "',' or '.'")

WRIT_PLAIN_RULE(optional_weight, syntax::Leaf, "'weight'")
WRIT_RULE(weight_value, syntax::Leaf, "a weight from 0 to 1 after 'weight'")
WRIT_RULE(strict_tail, syntax::RuleTail, "':-'")
WRIT_RULE(defeasible_tail, syntax::RuleTail, "':~'")
WRIT_RULE(fact_tail, syntax::RuleTail, "'.'")
WRIT_PLAIN_RULE(template_tail, syntax::Leaf, "'means'")
WRIT_RULE(template_text, syntax::Leaf, "a string after 'means'")
WRIT_RULE(end_of_template, x3::unused_type, "'.' after the template")
WRIT_RULE(defeater_tail, syntax::RuleTail, "':~' (a defeater always has a body)")
WRIT_RULE(claim_tail, syntax::RuleTail, "'@' or '.' after the claim")

WRIT_RULE(label, syntax::Leaf, "a label")
WRIT_RULE(claimant, syntax::Leaf, "a party's name")
WRIT_RULE(claimed_atom, syntax::Atom, "an atom after 'claims'")
WRIT_RULE(denied_atom, syntax::Atom, "an atom after 'denies'")
WRIT_RULE(blocked_atom, syntax::Atom, "an atom after 'blocks'")
WRIT_RULE(claim_clause, syntax::Clause, "a claim")
WRIT_RULE(denial_clause, syntax::Clause, "a claim")
WRIT_RULE(defeater_clause, syntax::Clause, "a defeater")
WRIT_RULE(plain_clause, syntax::Clause, "a rule")
WRIT_RULE(clause, syntax::Clause, "a rule")
WRIT_RULE(rule_statement, syntax::Rule, "a rule")

WRIT_RULE(stronger_label, syntax::Leaf, "a rule's label")
WRIT_RULE(weaker_label, syntax::Leaf, "a rule's label after '>'")
WRIT_RULE(end_of_preference, x3::unused_type, "'.' after the preference")
WRIT_RULE(preference, syntax::Preference, "a preference")

WRIT_RULE(source_name, syntax::Leaf, "a source name after '#source'")
WRIT_RULE(open_attributes, x3::unused_type, "'{' after the source's name")
WRIT_RULE(source_attributes, std::vector<syntax::SourceAttribute>,
          "an attribute (name: value) or '}'")
WRIT_RULE(source_attribute, syntax::SourceAttribute, "an attribute (name: value)")
WRIT_RULE(attribute_key, syntax::Leaf, "an attribute (name: value)")
WRIT_RULE(attribute_colon, x3::unused_type, "':' after the attribute's name")
WRIT_RULE(attribute_value, syntax::Leaf, "a constant (a symbol, a string, an integer, a date, a duration or money)")
WRIT_RULE(close_attributes, x3::unused_type, "',' or '}'")
WRIT_RULE(end_of_source, x3::unused_type, "'.' after the source")
WRIT_RULE(source, syntax::Source, "a source")

WRIT_RULE(issue_atom, syntax::Atom, "an atom after '#issue'")
WRIT_RULE(open_issue, x3::unused_type, "'{' after the issue's atom")
WRIT_RULE(end_of_issue, x3::unused_type, "'.' after the issue")
WRIT_RULE(issue, syntax::Issue, "an issue")

WRIT_PLAIN_RULE(perspective, syntax::Leaf, "'['")
WRIT_RULE(party, syntax::Leaf, "a party's name")
WRIT_RULE(close_perspective, x3::unused_type, "']'")
WRIT_PLAIN_RULE(modality, Modality, "'could' or 'does'")

WRIT_RULE(fact_argument, syntax::FactArgument, "a constant")

#undef WRIT_RULE
#undef WRIT_PLAIN_RULE

statement_type const statement = "a statement";
query_statement_type const query_statement = "a query";
question_statement_type const question_statement = "a query";
goal_type const goal = "a goal";
plain_fact_type const plain_fact = "a fact";

// ---- terms ----
// A term is read flat, `x1 op x2 op x3 ...`; lowering applies precedence (unary minus,
// then * / \, then + -, left associative). One level instead of one per precedence saves
// a node per operand, which matters for 10 MB inputs. A chain of operators is a deep tree
// after lowering, so its length counts as nesting.

auto const integer_def =
    attr(LeafKind::Integer) >>
    lexeme[raw[+digit % '_'] >> reject(lit('_'), "'_' in an integer may only stand between digits") >>
           reject(lit('.') >> digit, "numbers with decimals are not supported (amounts of money have them: $12.50)")];
// Dates, durations and money are matched by their shape here and read (checked, decoded)
// by lowering with query/literals.hpp. A date is exactly YYYY-MM-DD: `2026-3-1` is
// arithmetic. A '.' between digits never ends a statement (see scanner.cpp), so an amount's
// decimals stay inside it.
auto const date_def = attr(LeafKind::Date) >>
                      lexeme[raw[x3::repeat(4)[digit] >> '-' >> x3::repeat(2)[digit] >> '-' >> x3::repeat(2)[digit]] >>
                             !ident_char];
auto const duration_unit = lit("mo") | lit('y') | lit('w') | lit('d');
auto const duration_def =
    attr(LeafKind::Duration) >> lexeme[raw[+((+digit % '_') >> duration_unit)] >> !ident_char];
auto const currency_sign = lit('$') | lit("\u20ac") | lit("\u00a3");
auto const currency_code = x3::repeat(3)[char_('A', 'Z')] >> +char_(" \t") >> &digit;
auto const money_def = attr(LeafKind::Money) >>
                       lexeme[raw[(currency_sign | currency_code) >> (+digit % '_') >> -('.' >> +digit)] >> !ident_char];
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
auto const primary_def = date | duration | money | integer | string | variable | symbol | parenthesized;
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

// The status word alone; the atom's own '-' is left to the atom.
auto const status_test_def = (&status_ahead >> lexeme[status_word >> !ident_char]) | attr(query::StatusTest::None);
auto const negated_atom_def = (keyword_not >> attr(true)) > status_test > atom_after_not;
// An atom followed by an operator is the start of a comparison (`a < b`, `a + 1 = X`).
auto const positive_atom_def = attr(false) >> status_test >> atom >> !(compare_operator | arithmetic_operator);
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

// Clauses: the statements that conclude something, each with an optional label before
// it and an optional citation before its '.'. The alternatives are tried in order; each
// but the last fails without consuming input unless its first words are unambiguous
// (`party claims`, `blocks atom`), so the plain rule's errors are the default.
auto const label_def = &label_ahead >> attr(LeafKind::Symbol) >> raw[lower_name] >> lit(':');
auto const rule_statement_def = -label >> clause;
auto const clause_def = claim_clause | denial_clause | defeater_clause | plain_clause;

auto const claimant_def = !keyword_not >> attr(LeafKind::Symbol) >> raw[lower_name];
// Looked ahead first: a failed alternative would leave its claimant appended to the
// attribute (X3 does not roll back a string that raw[] filled). The parentheses around the
// sequence are where C++ puts them anyway (>> binds tighter than >); clang warns without them.
auto const claim_clause_def = (&(claimant >> keyword_claims) >> attr(ClauseForm::Claims) >>
                               (claimant >> keyword_claims)) > claimed_atom > claim_tail;
auto const denial_clause_def = (&(claimant >> keyword_denies) >> attr(ClauseForm::Denies) >>
                                (claimant >> keyword_denies)) > denied_atom > claim_tail;
auto const claimed_atom_def = atom;
auto const denied_atom_def = atom;
auto const claim_tail_def =
    attr(RuleKind::Claim) >> attr(std::vector<syntax::Literal>()) >>
    reject(lit(":-") | lit(":~"), "a claim has no body: write the reasons as rules") >> optional_weight >> body_end;

auto const defeater_clause_def = attr(ClauseForm::Defeater) >> attr(syntax::Leaf()) >>
                                 keyword_blocks > blocked_atom > defeater_tail;
auto const blocked_atom_def = atom;
auto const defeater_tail_def = (lit(":~") >> attr(RuleKind::Defeater)) > body > optional_weight > body_end;

auto const plain_clause_def =
    attr(ClauseForm::Plain) >> attr(syntax::Leaf()) >>
    reject(keyword_not, "a head cannot be negated with 'not' (strong negation is written -p)") >>
    reject(lit(":-"), "a rule needs a head: constraints (':- body.') are not supported") >>
    reject(lit('['), "a perspective ('[party]') belongs to a query: write '?- [party] goal.'") >
    head > rule_tail;
auto const rule_tail_def = strict_tail | defeasible_tail | template_tail | fact_tail;
// `weight 0.8` before the citation; lowering checks the number and the kind of clause.
auto const weight_value_def = attr(LeafKind::Integer) >> lexeme[raw[+digit >> -('.' >> +digit)] >> !ident_char];
auto const optional_weight_def = (keyword_weight > weight_value) | attr(syntax::Leaf());
auto const strict_tail_def = (lit(":-") >> attr(RuleKind::Strict)) > body > optional_weight > body_end;
auto const defeasible_tail_def = (lit(":~") >> attr(RuleKind::Defeasible)) > body > optional_weight > body_end;
auto const fact_tail_def = &(lit('@') | lit('.') | keyword_weight) >> attr(RuleKind::Strict) >>
                           attr(std::vector<syntax::Literal>()) >> optional_weight >> body_end;
auto const template_tail_def = keyword_means > template_text > end_of_template;
auto const template_text_def = string;
auto const end_of_template_def = lit('.');

// `@ source "quote"` ends a clause: after it only the '.' may follow.
auto const citation_def = lit('@') > citation_source > -string;
auto const citation_source_def = attr(LeafKind::Symbol) >> raw[lower_name];
auto const cited_end_def = citation > end_of_citation;
auto const end_of_citation_def = lit('.');
auto const body_end_def = cited_end | (attr(syntax::Citation()) >> lit('.'));

// `stronger > weaker.`: two labels (`>=` is no preference).
auto const preference_def =
    (stronger_label >> (lit('>') >> !lit('='))) > weaker_label > end_of_preference;
auto const stronger_label_def = attr(LeafKind::Symbol) >> raw[lower_name];
auto const weaker_label_def = attr(LeafKind::Symbol) >> raw[lower_name];
auto const end_of_preference_def = lit('.');

// `#source name { key: value, ... }.` A value is a constant; only an integer may have a
// minus sign.
auto const source_def = keyword_source > source_name > open_attributes > source_attributes >
                        close_attributes > end_of_source;
auto const source_name_def = attr(LeafKind::Symbol) >> raw[lower_name];
auto const open_attributes_def = lit('{');
auto const source_attributes_def =
    &lit('}') |
    (source_attribute >
     x3::repeat(std::size_t{0}, max_list_length - 1)[lit(',') > source_attribute] >
     reject(lit(','), too_many("attributes")));
auto const source_attribute_def =
    attribute_key > attribute_colon > matches[lit('-') >> &(digit | currency_sign)] > attribute_value;
auto const attribute_key_def = attr(LeafKind::Symbol) >> raw[lower_name];
auto const attribute_colon_def = lit(':');
auto const attribute_value_def = date | duration | money | integer | string | symbol;
auto const close_attributes_def = lit('}');
auto const end_of_source_def = lit('.');

// `#issue atom { standard: ..., burden: ... }.`: the attributes as a source's.
auto const issue_def = keyword_issue > issue_atom > open_issue > source_attributes > close_attributes > end_of_issue;
auto const issue_atom_def = atom;
auto const open_issue_def = lit('{');
auto const end_of_issue_def = lit('.');

auto const statement_def = source | issue | preference | rule_statement;

// The fast path for facts: only `>>`, so it fails quietly on anything it does not take (a
// term such as `1 + 2` fails at the lookahead after its first constant).
auto const fact_argument_def = matches[lit('-') >> &(digit | currency_sign | char_('A', 'Z'))] >>
                               (date | duration | money | integer | string | symbol) >> &(lit(',') | lit(')'));
auto const plain_fact_def =
    matches[lit('-')] >> predicate >> -(lit('(') >> (fact_argument % ',') >> lit(')')) >> lit('.');

// Queries: `[party]` and `could`/`does` before the goal.
auto const perspective_def = lit('[') > party > close_perspective;
auto const party_def = attr(LeafKind::Symbol) >> raw[lower_name];
auto const close_perspective_def = lit(']');
auto const modality_def =
    &(lexeme[modality_word >> !ident_char] >> literal_start) >> lexeme[modality_word];

auto const end_of_statement_def = lit('.');
auto const end_of_question_def = lit('?');
auto const query_statement_def = lit("?-") > -perspective > -modality > body > end_of_statement;
auto const question_statement_def = eps > -perspective > -modality > body > end_of_question;
auto const goal_def = -lit("?-") > -perspective > -modality > body > end_of_goal;
auto const end_of_goal_def = ((lit('.') | lit('?')) > nothing_more) | eoi;
auto const nothing_more_def = eoi;

BOOST_SPIRIT_DEFINE(integer, date, duration, money, string, symbol, variable, term, operation, unary, negative, primary, parenthesized, predicate, atom,
                    head, atom_after_not, arguments, close_arguments, negated_atom, positive_atom,
                    comparison_operator, comparison, comparison_rhs, lone_aggregate,
                    condition_comparison, condition_rhs, aggregate, aggregate_elements,
                    aggregate_element, element_terms, element_condition, condition,
                    condition_literal, close_aggregate, aggregate_bound_operator, aggregate_first,
                    literal, body, rule_tail, end_of_statement, end_of_question, end_of_goal,
                    nothing_more, query_statement, question_statement, goal)
BOOST_SPIRIT_DEFINE(citation, citation_source, cited_end, end_of_citation, body_end, strict_tail,
                    defeasible_tail, fact_tail, template_tail, template_text, end_of_template,
                    defeater_tail, claim_tail, label, claimant, claimed_atom, denied_atom,
                    blocked_atom, claim_clause, denial_clause, defeater_clause, plain_clause,
                    clause, rule_statement, stronger_label, weaker_label, end_of_preference,
                    preference, source_name, open_attributes, source_attributes, source_attribute,
                    attribute_key, attribute_colon, attribute_value, close_attributes,
                    end_of_source, source, perspective, party, close_perspective, modality,
                    statement, fact_argument, plain_fact, status_test, optional_weight, weight_value, issue_atom,
                    open_issue, end_of_issue, issue)

}  // namespace writ::grammar::parser
