// The documentation of `writ`'s command line and REPL, written once (help_text.cpp) and
// rendered three ways: `writ --help` / `writ help COMMAND`, the REPL's `.help`, and the
// man page (`writ help --man`, kept as docs/writ.1). See help_text.cpp for how to add to it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "options.hpp"

namespace writ::cli {

// Texts are plain: a single line break is a space (the renderers fill lines to the
// width), an empty line starts a paragraph, a line starting with two blanks is kept as
// it is (an example), and `...` marks what is typed literally (bold in the man page).

// An option, a dot-command or an item of a list: what is written, and what it does.
struct HelpEntry {
  std::string_view term;  // "-q, --query GOAL", ".load FILE...", "table"
  std::string_view text;
};

// A titled part of a help text: a paragraph, a list, or both (paragraph first).
struct HelpSection {
  std::string_view heading;  // "Formats", "Exit status"
  std::string_view text;
  std::vector<HelpEntry> entries;
};

struct CommandHelp {
  Command command;
  std::vector<std::string_view> usage;  // "writ run [FILE...] [-q QUERY]... [OPTIONS]"
  std::vector<HelpEntry> overview;      // its line(s) in `writ --help`: short usage, summary
  std::string_view text;                // what it does
  std::vector<HelpSection> sections = {};  // formats, examples...: before the options
  std::vector<HelpEntry> options = {};
  std::string_view exit_status = {};       // empty: the overview's
};

// Every command, in the order `writ --help` lists them.
const std::vector<CommandHelp>& command_helps();
// The documentation of `command`, or null (Version has none).
const CommandHelp* command_help(Command command);
// The REPL's statements and dot-commands, grouped as `.help` shows them.
const std::vector<HelpSection>& repl_help_sections();
// The dot-command names documented there (".load", ".quit", ...), sorted, for completion.
std::vector<std::string> documented_dot_commands();

// `writ --help` (no topic) or `writ help COMMAND` / `writ COMMAND --help`.
std::string help_text(std::optional<Command> topic);
// The REPL's `.help`.
std::string repl_help_text();
// The man page, in roff (`writ help --man`; docs/writ.1 holds a copy).
std::string man_page();

// The parts of the man page and the overview that are not a command's.
struct ManualText {
  std::vector<HelpEntry> usage;  // the overview's `Usage:` lines: how writ is called, and what for
  std::string_view name_line;    // after `writ - `
  std::string_view description;  // the man page's DESCRIPTION and the overview's lead
  std::vector<HelpEntry> options;  // those of writ itself (-h, -V)
  std::vector<HelpEntry> environment;
  std::vector<HelpEntry> files;
  std::vector<HelpEntry> exit_status;
  std::string_view example;      // verbatim
  std::string_view see_also;
};
const ManualText& manual_text();

}  // namespace writ::cli
