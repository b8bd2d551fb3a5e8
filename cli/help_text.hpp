// The help texts of `writ`, its subcommands and the REPL's dot-commands.
#pragma once

#include <optional>
#include <string_view>

#include "options.hpp"

namespace writ::cli {

// `writ --help` (no topic) or `writ help COMMAND` / `writ COMMAND --help`.
std::string_view help_text(std::optional<Command> topic);
// The REPL's `.help`.
std::string_view repl_help_text();

}  // namespace writ::cli
