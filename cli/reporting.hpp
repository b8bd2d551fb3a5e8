// Messages to standard error: the kb's diagnostics and the command's own errors.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "exit_status.hpp"
#include "writ/knowledge_base.hpp"

namespace writ::cli {

// Writes the rendered diagnostics (gcc-style, with source line and caret) to stderr.
void print_diagnostics(const kb::KnowledgeBase& kb, const std::vector<kb::Diagnostic>& diagnostics);

// Drops from `diagnostics` those already in `said` (the same message at the same place):
// a question's warning about an undefined predicate also came with the load that held it.
void drop_repeated(std::vector<kb::Diagnostic>& diagnostics, const std::vector<kb::Diagnostic>& said);

// Writes `PREFIX: MESSAGE` and a newline to stderr ("writ: ..." or, in the REPL, "error: ...").
void print_error(std::string_view prefix, std::string_view message);

// The exit status an outcome stands for (Cancelled counts as an error).
ExitStatus status_of(kb::Outcome outcome);

// "cannot open 'x.writ': No such file or directory" for the first file that cannot be
// read, so that the user gets the system's reason before the kb reads anything.
std::optional<std::string> unreadable_file(const std::vector<std::string>& paths);

}  // namespace writ::cli
