#include "options.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>

namespace writ::cli {

std::optional<Command> parse_command(std::string_view name) {
  if (name == "run") return Command::Run;
  if (name == "check") return Command::Check;
  if (name == "repl") return Command::Repl;
  if (name == "load") return Command::Load;
  if (name == "retract") return Command::Retract;
  if (name == "log") return Command::Log;
  if (name == "explain") return Command::Explain;
  if (name == "whynot") return Command::WhyNot;
  if (name == "import") return Command::Import;
  if (name == "export") return Command::Export;
  if (name == "materialize") return Command::Materialize;
  if (name == "serve") return Command::Serve;
  if (name == "sources") return Command::Sources;
  if (name == "compile") return Command::Compile;
  if (name == "help") return Command::Help;
  return std::nullopt;
}

std::string_view command_name(Command command) {
  switch (command) {
    case Command::Repl: return "repl";
    case Command::Run: return "run";
    case Command::Check: return "check";
    case Command::Load: return "load";
    case Command::Retract: return "retract";
    case Command::Log: return "log";
    case Command::Explain: return "explain";
    case Command::WhyNot: return "whynot";
    case Command::Import: return "import";
    case Command::Export: return "export";
    case Command::Materialize: return "materialize";
    case Command::Serve: return "serve";
    case Command::Sources: return "sources";
    case Command::Compile: return "compile";
    case Command::Help: return "help";
    case Command::Version: return "version";
  }
  return "";
}

namespace {

bool is_help_flag(std::string_view a) { return a == "-h" || a == "--help"; }

std::optional<std::chrono::milliseconds> parse_seconds(std::string_view text) {
  // Decimal seconds ("2", "0.5"); std::from_chars for double is locale-independent.
  double seconds = 0;
  const auto* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, seconds, std::chars_format::fixed);
  if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(seconds) || seconds <= 0 ||
      seconds > 1e9) {
    return std::nullopt;
  }
  const auto ms = static_cast<std::int64_t>(std::ceil(seconds * 1000));
  return std::chrono::milliseconds(ms);
}

std::optional<std::uint64_t> parse_count(std::string_view text) {
  std::uint64_t n = 0;
  const auto* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, n);
  if (text.empty() || ec != std::errc() || ptr != end || n == 0) return std::nullopt;
  return n;
}

// A size in bytes: a positive integer with an optional K, M or G (KiB, MiB, GiB).
std::optional<std::uint64_t> parse_size(std::string_view text) {
  std::uint64_t scale = 1;
  if (!text.empty()) {
    switch (text.back()) {
      case 'K': case 'k': scale = std::uint64_t{1} << 10; break;
      case 'M': case 'm': scale = std::uint64_t{1} << 20; break;
      case 'G': case 'g': scale = std::uint64_t{1} << 30; break;
      default: break;
    }
    if (scale != 1) text.remove_suffix(1);
  }
  const auto n = parse_count(text);
  if (!n || *n > std::numeric_limits<std::uint64_t>::max() / scale) return std::nullopt;
  return *n * scale;
}

// --as-of 0 is the empty store, so zero is allowed here.
std::optional<std::uint64_t> parse_transaction(std::string_view text) {
  std::uint64_t n = 0;
  const auto* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, n);
  if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return n;
}

// Which options each command accepts. Every command but help takes --db; load, retract and
// log need it.
struct Accepts {
  bool queries = false;
  bool assume = false;
  bool format = false;
  bool limits = false;
  bool as_of = false;
  bool db = true;
  bool table_options = false;  // --header, --no-header, --delimiter
  bool listen = false;         // --host, --port
  bool coverage = false;       // --coverage
  bool sql = false;            // --sql
  bool schema = false;         // --schema NAME
  bool postgres = false;       // --postgres CONNINFO (and --schema with it)
};

Accepts accepts(Command c) {
  switch (c) {
    case Command::Run:
      return {.queries = true, .assume = true, .format = true, .limits = true, .as_of = true, .postgres = true};
    case Command::Repl: return {.format = true, .limits = true, .as_of = true, .postgres = true};
    case Command::Check: return {.as_of = true, .postgres = true};
    // load answers the files' queries: in a format, within limits.
    case Command::Load: return {.format = true, .limits = true, .postgres = true};
    case Command::Log: return {.format = true, .as_of = true};
    case Command::Explain: return {.queries = true, .assume = true, .format = true, .limits = true, .as_of = true};
    case Command::WhyNot: return {.queries = true, .assume = true, .format = true, .limits = true, .as_of = true};
    case Command::Retract: return {};
    case Command::Import: return {.table_options = true};
    case Command::Export: return {.format = true, .limits = true, .as_of = true, .postgres = true};
    case Command::Materialize: return {.limits = true};
    case Command::Serve: return {.limits = true, .as_of = true, .listen = true};
    case Command::Sources: return {.as_of = true, .coverage = true};
    case Command::Compile: return {.sql = true, .schema = true};
    case Command::Help:
    case Command::Version: return {.db = false};
  }
  return {};
}

}  // namespace

bool names_a_store(std::string_view arg) {
  if (arg.ends_with(".db")) return true;
  // Only a regular file is read for its header: opening a FIFO would wait for a writer.
  std::error_code ec;
  if (!std::filesystem::is_regular_file(std::string(arg), ec)) return false;
  // Every SQLite database starts with these 16 bytes.
  static constexpr char header[] = "SQLite format 3";  // and its terminating NUL
  std::ifstream in{std::string(arg), std::ios::binary};
  char bytes[sizeof header] = {};
  if (!in.read(bytes, sizeof bytes)) return false;
  return std::equal(bytes, bytes + sizeof bytes, header);
}

bool names_a_file(std::string_view arg) {
  if (arg.find_first_of("./") != std::string_view::npos) return true;
  std::error_code ec;
  return std::filesystem::exists(std::string(arg), ec);
}

std::variant<Options, UsageError> parse_options(const std::vector<std::string_view>& args) {
  Options o;
  std::size_t i = 0;
  if (args.empty()) return o;

  const std::string_view first = args[0];
  if (is_help_flag(first)) {
    o.command = Command::Help;
    return o;
  }
  if (first == "--version" || first == "-V") {
    o.command = Command::Version;
    return o;
  }
  if (first == "help") {
    o.command = Command::Help;
    if (args.size() == 2 && args[1] == "--man") {
      o.man_page = true;
      return o;
    }
    if (args.size() > 2) return UsageError{"help takes at most one command", Command::Help};
    if (args.size() == 2) {
      auto topic = parse_command(args[1]);
      if (!topic) return UsageError{"unknown command '" + std::string(args[1]) + "'", std::nullopt};
      o.help_topic = topic;
    }
    return o;
  }
  if (auto c = parse_command(first)) {
    o.command = *c;
    i = 1;
  } else if (!first.starts_with("-") && names_a_store(first)) {
    o.command = Command::Repl;  // `writ case.db`, like `sqlite3 case.db`
    o.db = std::string(first);
    i = 1;
  } else if (first.starts_with("-") || names_a_file(first)) {
    // `writ --timeout 5` opens the REPL with that option; `writ case.writ` on that file, as
    // `swipl case.pl` does.
    o.command = Command::Repl;
  } else {
    return UsageError{"unknown command '" + std::string(first) + "'", std::nullopt};
  }

  const Command cmd = o.command;
  const Accepts ok = accepts(cmd);
  const std::string where = "'" + std::string(command_name(cmd)) + "'";
  bool options_ended = false;

  for (; i < args.size(); ++i) {
    const std::string_view a = args[i];
    if (options_ended || a == "-" || !a.starts_with("-")) {
      o.files.emplace_back(a);
      continue;
    }
    if (a == "--") {
      options_ended = true;
      continue;
    }
    if (is_help_flag(a)) {
      Options help;
      help.command = Command::Help;
      help.help_topic = cmd;
      return help;
    }

    if (a == "--stats" && cmd == Command::Run) {
      o.stats = true;
      continue;
    }
    if (a == "--coverage" && ok.coverage) {
      o.coverage = true;
      continue;
    }
    if ((a == "--header" || a == "--no-header") && ok.table_options) {
      o.header = a == "--header";
      continue;
    }
    if (a == "--sql" && ok.sql) {
      o.sql = true;
      continue;
    }

    // The option's name and its value: `--name=value`, `--name value`, `-qvalue`, `-q value`.
    std::string_view name = a;
    std::optional<std::string_view> attached;
    if (a.starts_with("--")) {
      if (auto eq = a.find('='); eq != std::string_view::npos) {
        name = a.substr(0, eq);
        attached = a.substr(eq + 1);
      }
    } else if (a.size() > 2) {
      name = a.substr(0, 2);
      attached = a.substr(2);
    }

    const bool known = ((name == "-q" || name == "--query") && ok.queries) || (name == "--assume" && ok.assume) ||
                       (name == "--format" && ok.format) || (name == "--depth" && cmd == Command::Explain) ||
                       ((name == "--timeout" || name == "--max-facts" || name == "--max-memory") && ok.limits) ||
                       (name == "--db" && ok.db) || (name == "--as-of" && ok.as_of) ||
                       (name == "--delimiter" && ok.table_options) ||
                       ((name == "--host" || name == "--port") && ok.listen) ||
                       ((name == "--schema") && (ok.schema || ok.postgres)) || (name == "--postgres" && ok.postgres);
    if (!known) {
      const std::string_view shown = a.starts_with("--") ? name : a;
      return UsageError{"unknown option '" + std::string(shown) + "' for " + where, cmd};
    }
    std::string_view value;
    if (attached) {
      value = *attached;
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      return UsageError{"option '" + std::string(name) + "' needs a value", cmd};
    }

    if (name == "-q" || name == "--query") {
      o.queries.emplace_back(value);
    } else if (name == "--assume") {
      o.assumptions.emplace_back(value);
    } else if (name == "--format" && cmd == Command::WhyNot) {
      if (value == "text") o.explain_format = ExplainFormat::Text;
      else if (value == "json") o.explain_format = ExplainFormat::Json;
      else return UsageError{"invalid --format '" + std::string(value) + "': expected text or json", cmd};
    } else if (name == "--format" && cmd == Command::Explain) {
      if (value == "text") o.explain_format = ExplainFormat::Text;
      else if (value == "json") o.explain_format = ExplainFormat::Json;
      else if (value == "dot") o.explain_format = ExplainFormat::Dot;
      else if (value == "svg") o.explain_format = ExplainFormat::Svg;
      else return UsageError{"invalid --format '" + std::string(value) + "': expected text, json, dot or svg", cmd};
    } else if (name == "--depth") {
      const auto n = parse_transaction(value);  // a count that may be 0
      if (value == "all") o.depth_all = true;
      else if (n && *n <= 1000) o.depth = static_cast<int>(*n);
      else return UsageError{"invalid --depth '" + std::string(value) + "': expected a number of steps or 'all'", cmd};
    } else if (name == "--delimiter") {
      if (value == "tab" || value == "\\t") value = "\t";
      if (value.size() != 1 || value == "\"" || value == "\n" || value == "\r") {
        return UsageError{"invalid --delimiter '" + std::string(value) +
                              "': expected one character (or 'tab'), not a quote or a line break",
                          cmd};
      }
      o.delimiter = value.front();
    } else if (name == "--format") {
      auto f = parse_format(value);
      // One document needs to know where the output ends: run and load do, a session not.
      const bool whole_run = cmd == Command::Run || cmd == Command::Load;
      if (!f || (*f == Format::JsonDoc && !whole_run)) {
        return UsageError{"invalid --format '" + std::string(value) + "': expected " +
                              (whole_run ? "table, csv, json or json-doc" : "table, csv or json"),
                          cmd};
      }
      o.format = *f;
      o.format_given = true;
    } else if (name == "--schema") {
      if (value.empty()) return UsageError{"option '--schema' needs a name", cmd};
      o.schema = std::string(value);
      o.schema_given = true;
    } else if (name == "--postgres") {
      if (o.postgres) return UsageError{"more than one --postgres", cmd};
      o.postgres = std::string(value);
    } else if (name == "--db") {
      if (o.db) return UsageError{"more than one store: '" + *o.db + "' and '" + std::string(value) + "'", cmd};
      if (value.empty()) return UsageError{"option '--db' needs a file name", cmd};
      o.db = std::string(value);
    } else if (name == "--port") {
      std::uint64_t port = 0;
      const auto* end = value.data() + value.size();
      auto [ptr, ec] = std::from_chars(value.data(), end, port);
      if (value.empty() || ec != std::errc() || ptr != end || port > 65535)
        return UsageError{"invalid --port '" + std::string(value) + "': expected 0 to 65535 (0: any free port)", cmd};
      o.port = static_cast<int>(port);
    } else if (name == "--host") {
      if (value.empty()) return UsageError{"option '--host' needs an address, e.g. 127.0.0.1", cmd};
      o.host = std::string(value);
    } else if (name == "--as-of") {
      auto n = parse_transaction(value);
      if (!n) {
        return UsageError{
            "invalid --as-of '" + std::string(value) + "': expected a transaction number (0, 1, 2, ...)", cmd};
      }
      o.as_of = *n;
    } else if (name == "--timeout") {
      auto t = parse_seconds(value);
      if (!t) {
        return UsageError{
            "invalid --timeout '" + std::string(value) + "': expected a positive number of seconds", cmd};
      }
      o.limits.timeout = *t;
    } else if (name == "--max-memory") {
      auto n = parse_size(value);
      if (!n) {
        return UsageError{"invalid --max-memory '" + std::string(value) +
                              "': expected a positive size in bytes, or with K, M or G (e.g. 512M, 2G)",
                          cmd};
      }
      o.limits.max_memory = *n;
    } else {
      auto n = parse_count(value);
      if (!n) {
        return UsageError{"invalid --max-facts '" + std::string(value) + "': expected a positive integer",
                          cmd};
      }
      o.limits.max_facts = *n;
    }
  }

  if (cmd == Command::Run && o.files.empty() && o.queries.empty()) {
    return UsageError{"'run' needs at least one FILE or -q QUERY", cmd};
  }
  if (cmd == Command::Sources && o.files.empty() && !o.db)
    return UsageError{"'sources' needs at least one FILE, or --db STORE", cmd};
  if (cmd == Command::Check && o.files.empty() && !o.db)
    return UsageError{"'check' needs at least one FILE, or --db STORE to check a store", cmd};
  if (cmd == Command::Explain && o.queries.empty()) return UsageError{"'explain' needs -q GOAL", cmd};
  if (cmd == Command::WhyNot && o.queries.empty()) return UsageError{"'whynot' needs -q GOAL", cmd};
  if (o.postgres && o.db) return UsageError{"--db and --postgres cannot be used together: choose one store", cmd};
  if (o.postgres && o.as_of) return UsageError{"option '--as-of' needs --db FILE, not --postgres", cmd};
  if (o.schema_given && !o.postgres && cmd != Command::Compile) return UsageError{"option '--schema' needs --postgres CONNINFO", cmd};
  const bool needs_db = !o.postgres && (cmd == Command::Load || cmd == Command::Retract || cmd == Command::Log ||
                       cmd == Command::Import || cmd == Command::Materialize);
  if (needs_db && !o.db) return UsageError{"'" + std::string(command_name(cmd)) + "' needs --db FILE", cmd};
  if (o.as_of && !o.db) return UsageError{"option '--as-of' needs --db FILE", cmd};
  if (cmd == Command::Load && o.files.empty()) return UsageError{"'load' needs at least one FILE", cmd};
  if (cmd == Command::Retract && o.files.empty()) {
    return UsageError{"'retract' needs at least one STATEMENT (e.g. 'edge(1, 2).')", cmd};
  }
  if (cmd == Command::Import && o.files.size() != 2) {
    return UsageError{"'import' needs a FILE and a PREDICATE (e.g. 'writ import --db case.db edges.csv edge')", cmd};
  }
  if (cmd == Command::Export && o.files.empty()) return UsageError{"'export' needs a PREDICATE", cmd};
  if (cmd == Command::Materialize && o.files.empty()) {
    return UsageError{"'materialize' needs at least one PREDICATE", cmd};
  }
  if (cmd == Command::Compile && !o.sql) return UsageError{"'compile' needs a target: --sql", cmd};
  if (cmd == Command::Compile && o.files.empty()) return UsageError{"'compile' needs at least one FILE", cmd};
  if (cmd == Command::Log && !o.files.empty()) {
    return UsageError{"'log' takes no arguments (got '" + o.files.front() + "')", cmd};
  }
  return o;
}

}  // namespace writ::cli
