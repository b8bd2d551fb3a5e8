// The command line of `writ`: subcommands, their options and arguments.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "answer_format.hpp"
#include "writ/knowledge_base.hpp"

namespace writ::cli {

enum class ExplainFormat { Text, Json, Dot, Svg };

enum class Command {
  Repl, Run, Check, Load, Retract, Log, Explain, WhyNot, Import, Export, Materialize, Serve, Sources, Compile, Help, Version };

// run, check, repl, load, retract, log, explain, whynot, import, export, materialize, serve, sources,
// compile, help
std::optional<Command> parse_command(std::string_view name);
std::string_view command_name(Command command);

struct Options {
  Command command = Command::Repl;
  std::optional<Command> help_topic;  // Help: the command asked about (none: the overview)
  bool man_page = false;                // Help: --man, the manual in roff
  std::vector<std::string> files;       // retract: the statements to remove ("-": stdin)
  std::vector<std::string> queries;     // run: each -q, in order
  std::vector<std::string> assumptions; // run, explain: each --assume (what if), in order
  Format format = Format::Table;
  bool format_given = false;            // --format was on the command line
  ExplainFormat explain_format = ExplainFormat::Text;  // explain: --format text|json|dot|svg; whynot: text|json
  std::optional<int> depth;             // explain: --depth N (argument steps); unset: the format's default
  bool depth_all = false;               // explain: --depth all
  kb::Limits limits;
  std::optional<std::string> db;        // --db FILE, or `writ FILE.db`: the store
  std::optional<std::uint64_t> as_of;   // --as-of N: the store after transaction N
  std::optional<bool> header;           // import: --header / --no-header (unset: decide)
  std::optional<char> delimiter;        // import: --delimiter C (unset: by the extension)
  std::optional<std::string> host;      // serve: --host ADDRESS (unset: 127.0.0.1)
  int port = 8080;                      // serve: --port N (0: any free port)
  bool coverage = false;                // sources: --coverage
  bool stats = false;                   // run: --stats, what the run cost (on stderr)
  bool sql = false;                     // compile: --sql, the target
  std::optional<std::string> postgres;  // --postgres CONNINFO: a PostgreSQL database instead of a store
  std::string schema = "writ";          // --schema NAME: the PostgreSQL schema (with --postgres, compile)
  bool schema_given = false;
};

// True when `writ ARG` means the REPL on the store ARG, as `sqlite3 case.db` does: ARG ends
// in ".db", or names an existing file that starts with SQLite's header. Reads the file.
bool names_a_store(std::string_view arg);

// True when `writ ARG` (ARG not a command) means the REPL on the file ARG: ARG has a dot
// or a slash in it (case.writ, ./rules), or names an existing file.
bool names_a_file(std::string_view arg);

// A command line that cannot be run: what is wrong, and whose --help explains it.
struct UsageError {
  std::string message;
  std::optional<Command> command;  // none: the top-level help
};

// `args` excludes the program name. Options may come before, between or after files; `--`
// ends them. Never exits or prints.
std::variant<Options, UsageError> parse_options(const std::vector<std::string_view>& args);

}  // namespace writ::cli
