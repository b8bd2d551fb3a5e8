// The one translation unit that compiles the X3 grammar (it is slow to compile), and the
// plain-C++ entry points the driver calls.
#include "grammar/config.hpp"
#include "grammar/statement_def.hpp"
#include "grammar/syntax_parser.hpp"

namespace writ::grammar::parser {

BOOST_SPIRIT_INSTANTIATE(statement_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(query_statement_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(question_statement_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(goal_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(plain_fact_type, iterator_type, context_type)

namespace {

// Runs a top rule over [first, last); its on_error records the error in the state.
template <typename Rule, typename Attribute>
std::optional<SyntaxError> run(Rule const& rule, const char* text, const char* first,
                               const char* last, Attribute& out) {
  ParseState state;
  state.text = text;
  const char* position = first;
  const bool ok = x3::phrase_parse(position, last, x3::with<state_tag>(std::ref(state))[rule],
                                   skipper_type{}, out);
  if (state.error) return state.error;
  if (!ok || position != last) {
    // Only reachable if a top rule could fail without an expectation failure.
    return SyntaxError{static_cast<std::size_t>(skip_blank(position, last) - text),
                       "expected the end of the statement"};
  }
  return std::nullopt;
}

}  // namespace
}  // namespace writ::grammar::parser

namespace writ::grammar {

parser::statement_type const& statement() { return parser::statement; }
parser::query_statement_type const& query_statement() { return parser::query_statement; }
parser::question_statement_type const& question_statement() { return parser::question_statement; }
parser::goal_type const& goal() { return parser::goal; }
parser::plain_fact_type const& plain_fact() { return parser::plain_fact; }

std::optional<SyntaxError> parse_statement_syntax(const char* text, const char* first,
                                                  const char* last, syntax::Statement& out) {
  return parser::run(statement(), text, first, last, out);
}

std::optional<SyntaxError> parse_query_syntax(const char* text, const char* first,
                                              const char* last, bool question, syntax::Goal& out) {
  if (question) return parser::run(question_statement(), text, first, last, out);
  return parser::run(query_statement(), text, first, last, out);
}

bool parse_plain_fact_syntax(const char* text, const char* first, const char* last, syntax::PlainFact& out) {
  return !parser::run(plain_fact(), text, first, last, out);
}

std::optional<SyntaxError> parse_goal_syntax(const char* text, const char* first,
                                             const char* last, syntax::Goal& out) {
  return parser::run(goal(), text, first, last, out);
}

}  // namespace writ::grammar
