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
struct rule_statement_class : report_error {};
struct query_statement_class : report_error {};
struct question_statement_class : report_error {};
struct goal_class : report_error {};

using rule_statement_type = x3::rule<rule_statement_class, syntax::Rule>;
using query_statement_type = x3::rule<query_statement_class, std::vector<syntax::Literal>>;
using question_statement_type = x3::rule<question_statement_class, std::vector<syntax::Literal>>;
using goal_type = x3::rule<goal_class, std::vector<syntax::Literal>>;

BOOST_SPIRIT_DECLARE(rule_statement_type, query_statement_type, question_statement_type, goal_type)

}  // namespace writ::grammar::parser

namespace writ::grammar {

// `head.` or `head :- l1, ..., ln.`
parser::rule_statement_type const& rule_statement();
// `?- l1, ..., ln.`
parser::query_statement_type const& query_statement();
// `l1, ..., ln?`
parser::question_statement_type const& question_statement();
// `[?-] l1, ..., ln [.|?]` and nothing else.
parser::goal_type const& goal();

}  // namespace writ::grammar
