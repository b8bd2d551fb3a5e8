// The command line of `writ`: subcommands, their options and arguments.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "answer_format.hpp"
#include "writ/knowledge_base.hpp"

namespace writ::cli {

enum class Command { Repl, Run, Check, Help, Version };

std::optional<Command> parse_command(std::string_view name);  // run, check, repl, help
std::string_view command_name(Command command);

struct Options {
  Command command = Command::Repl;
  std::optional<Command> help_topic;  // Help: the command asked about (none: the overview)
  std::vector<std::string> files;
  std::vector<std::string> queries;  // run: each -q, in order
  Format format = Format::Table;
  kb::Limits limits;
};

// A command line that cannot be run: what is wrong, and whose --help explains it.
struct UsageError {
  std::string message;
  std::optional<Command> command;  // none: the top-level help
};

// `args` excludes the program name. Options may come before, between or after files; `--`
// ends them. Never exits or prints.
std::variant<Options, UsageError> parse_options(const std::vector<std::string_view>& args);

}  // namespace writ::cli
