// What people from other shells type at writ's prompt, and the hint writ answers with
// instead of waiting for the rest of a statement that will never come: `help`, `exit`,
// `quit`, `?` (SWI-Prolog, Python, psql), SQL (`select * from likes;`), psql's `\q`, and
// a dot-command typed while a statement is unfinished.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "writ/knowledge_base.hpp"

namespace writ::cli {

struct InputHint {
  std::string message;         // after "hint: "
  bool run_line = false;       // the line is a dot-command: run it after the hint
};

// The hint for `line`, read while `pending` (the unfinished statement, or empty) waits;
// none when the line is ordinary statement text. `predicates` gives the relations that
// SQL hints name ("ask likes(A, B)?"); it is called only for such a hint.
using PredicateList = std::function<std::vector<kb::PredicateInfo>()>;
std::optional<InputHint> input_hint(std::string_view line, std::string_view pending, const PredicateList& predicates);

// True for a line that asks to see the unfinished statement: `;` (the end of an SQL
// statement, which writ does not use there).
bool asks_for_pending(std::string_view line, std::string_view pending);

// The unfinished statement shown in a message: its lines joined, shortened to ~60 bytes.
std::string pending_excerpt(std::string_view pending);

}  // namespace writ::cli
