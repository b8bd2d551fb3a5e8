// Text -> query::Program. The only public header of the grammar layer: no Boost here.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "query/ast.hpp"
#include "query/diagnostic.hpp"

namespace writ::grammar {

// Limits that keep hostile input from exhausting the stack (documented in docs/language.md).
inline constexpr std::size_t max_nesting_depth = 256;  // parentheses, braces, unary minus

struct ParseResult {
  query::Program program;                     // every statement that parsed
  std::vector<query::FactRows> facts;          // with compact facts: the plain facts, by predicate
  std::vector<query::Diagnostic> diagnostics;  // all syntax errors of the text, in order
  // Memory ran out while parsing: the diagnostics end with an error saying so, and the
  // program holds what was read before. A caller with a boundary of its own for running out
  // of memory (the knowledge base: exit status 3, nothing added) takes it there.
  bool out_of_memory = false;
};

struct ParseOptions {
  std::uint32_t first_line = 1;
  // Plain facts (`edge(1, 2).`) go to ParseResult::facts as rows of values, except the first
  // of each predicate, which is also a Rule (FactRows::representative). For a store's bulk
  // loads: a Rule per fact costs about 1 KB and most of the time of a load.
  bool compact_facts = false;
};

// Parses a whole text: facts, rules (strict `:-` and defeasible `:~`), defeaters, claims,
// templates, preferences, `#source` declarations, and queries (`?- goal.` or `goal?`).
// After a syntax error the parser skips to the end of that statement and goes on, so one
// pass reports every bad statement. Never throws on any input (memory running out sets
// ParseResult::out_of_memory). A UTF-8 byte order mark at the start is skipped.
// `first_line` is the line number of the text's first line, for a text cut from a longer
// input (the REPL reads a script statement by statement).
ParseResult parse_program(std::string_view text, query::SourceId source, std::uint32_t first_line = 1);
ParseResult parse_program(std::string_view text, query::SourceId source, const ParseOptions& options);

struct GoalResult {
  std::optional<query::Query> query;          // set when there are no errors
  std::vector<query::Diagnostic> diagnostics;
};

// Parses a goal as written after `?-` (the final `.` or `?` is optional), as in `writ -q`,
// with the same optional `[party]` and `could`/`does` before it. Throws only std::bad_alloc.
GoalResult parse_goal(std::string_view text, query::SourceId source);

// For the REPL's continuation lines (like sqlite3_complete): true when `text` ends a
// statement, i.e. its last token outside strings and comments is a `.` or `?` that ends a
// statement (even inside an open bracket, which no later input could close), and false
// when more input is needed (an open string or comment, or no final `.`). Text of only
// blanks and comments is complete (there is nothing to wait for).
bool is_complete(std::string_view text);

}  // namespace writ::grammar
