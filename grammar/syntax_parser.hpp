// The entry points of the X3 grammar, callable without including X3: each parses one
// statement (as cut by the scanner) or one goal into the syntax tree.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "grammar/ast.hpp"

namespace writ::grammar {

// The most items of one list: arguments of an atom, literals of a body or a condition,
// elements of an aggregate, terms of an element. Far above any sensible program, it makes
// a runaway line (10 MB of `p(1,1,1,...`) fail early instead of building a huge tree.
inline constexpr std::size_t max_list_length = 10'000;

// Where the grammar failed and why, as a byte offset into the whole text.
struct SyntaxError {
  std::size_t offset = 0;
  std::string message;
};

// All parse from `first` to `last` (a slice of the text that starts at `text`; node
// positions are offsets from `text`). Each either fills `out` or returns the first error.
// They throw only std::bad_alloc.

// Any statement that is not a query (see statement() in statement.hpp).
std::optional<SyntaxError> parse_statement_syntax(const char* text, const char* first,
                                                  const char* last, syntax::Statement& out);

// `?- goal.` (question == false) or `goal?` (question == true).
std::optional<SyntaxError> parse_query_syntax(const char* text, const char* first,
                                              const char* last, bool question, syntax::Goal& out);

// A fact whose arguments are constants (see plain_fact() in statement.hpp): true when the
// whole slice is one, false (quietly) otherwise.
bool parse_plain_fact_syntax(const char* text, const char* first, const char* last, syntax::PlainFact& out);

// A goal, optionally preceded by `?-` and followed by `.` or `?`, then the end of input.
std::optional<SyntaxError> parse_goal_syntax(const char* text, const char* first,
                                             const char* last, syntax::Goal& out);

}  // namespace writ::grammar
