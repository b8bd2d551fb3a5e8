// The grammar's top rules, as calc9 and rexpr declare theirs: one per statement form.
// Their definitions are in statement_def.hpp, compiled once in statement.cpp.
#pragma once

#include <vector>

#include <boost/spirit/home/x3/nonterminal/rule.hpp>

#include "grammar/ast.hpp"
#include "grammar/error_handler.hpp"

namespace writ::grammar::parser {

namespace x3 = boost::spirit::x3;

// The IDs of the top rules report errors (see error_handler.hpp).
struct statement_class : report_error {};
struct query_statement_class : report_error {};
struct question_statement_class : report_error {};
struct goal_class : report_error {};
struct plain_fact_class : fail_quietly {};  // the full grammar then reads the statement

using statement_type = x3::rule<statement_class, syntax::Statement>;
using query_statement_type = x3::rule<query_statement_class, syntax::Goal>;
using question_statement_type = x3::rule<question_statement_class, syntax::Goal>;
using goal_type = x3::rule<goal_class, syntax::Goal>;
using plain_fact_type = x3::rule<plain_fact_class, syntax::PlainFact>;

BOOST_SPIRIT_DECLARE(statement_type, query_statement_type, question_statement_type, goal_type, plain_fact_type)

}  // namespace writ::grammar::parser

namespace writ::grammar {

// Any statement but a query: a fact, a rule (strict or defeasible), a defeater, a claim
// (each with an optional label and citation), a template, a preference or a source.
parser::statement_type const& statement();
// `?- [party] could l1, ..., ln.` (the party and the modality are optional)
parser::query_statement_type const& query_statement();
// `[party] could l1, ..., ln?`
parser::question_statement_type const& question_statement();
// `[?-] [party] could l1, ..., ln [.|?]` and nothing else.
parser::goal_type const& goal();
// A fact whose arguments are constants: `[-]name[(c1, ..., cn)].` with each ci an integer
// (with an optional '-'), a string or a symbol. The same tokens as statement(); it fails on
// anything else (a label, a citation, a term, a variable) without reporting it, and
// statement() then reads the text. A bulk load of facts takes this path.
parser::plain_fact_type const& plain_fact();

}  // namespace writ::grammar
