// Colour on a terminal: statuses in answers, `error:` / `warning:` / `hint:` in messages.
// Off when the stream is not a terminal, when $NO_COLOR is set to anything but the empty
// string (https://no-color.org), or when $TERM is "dumb".
#pragma once

#include <string>
#include <string_view>

#include "writ/knowledge_base.hpp"

namespace writ::cli {

// Whether colour suits the terminal at file descriptor `fd` (1 or 2), as above.
bool colour_suits(int fd);

// A status's colour is kb::status_sgr: the map's palette (kb::status_colour) on xterm's 256
// colours, so a status looks the same on the terminal as in the map.
inline constexpr std::string_view colour_reset = "\x1b[0m";

// Rendered diagnostics with their severities coloured, as gcc does: `error:` bold red,
// `warning:` bold magenta, `note:` bold cyan, and the caret line green.
std::string coloured_diagnostics(std::string_view text);

// A REPL message prefix (`error`, `hint`, ...) coloured.
std::string coloured_prefix(std::string_view prefix);

}  // namespace writ::cli
