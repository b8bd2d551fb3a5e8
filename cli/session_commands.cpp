// The REPL's session commands, as in sqlite3: .echo, .bail, .timer, .pager, .output,
// .once and .read; and what an unknown dot-command is answered with.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "help_text.hpp"
#include "repl_session.hpp"

namespace writ::cli {

namespace {

// Edits (insert, delete, replace) from a to b: for "did you mean".
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string unknown_command_message(const std::string& command) {
  // sqlite3's and psql's names for what writ calls otherwise.
  static const std::vector<std::pair<std::string_view, std::string_view>> elsewhere = {
      {".tables", ".preds"},  {".schema", ".rules"}, {".mode", ".format"}, {".headers", ".format"},
      {".show", ".format"},   {".h", ".help"},       {".q", ".quit"},      {".import", ".load"},
      {".consult", ".load"}, {".open", ".load"},    {".reset", ".forget"}};
  std::string message = "unknown command '" + command + "'";
  std::string suggestion;
  for (const auto& [name, ours] : elsewhere) {
    if (command == name) suggestion = ours;
  }
  if (suggestion.empty()) {
    std::size_t best = 3;  // at most two edits away
    for (const auto& name : documented_dot_commands()) {
      const std::size_t d = edit_distance(command, name);
      if (d < best) {
        best = d;
        suggestion = name;
      }
    }
  }
  if (!suggestion.empty()) message += "; did you mean " + suggestion + "?";
  return message + " (enter .help for the list)";
}

void ReplSession::switch_setting(const std::string& command, const std::vector<std::string>& args, bool& setting) {
  if (args.empty()) {
    out() << command.substr(1) << ": " << (setting ? "on" : "off") << '\n';
    return;
  }
  if (args.size() == 1 && (args.front() == "on" || args.front() == "off")) {
    setting = args.front() == "on";
    return;
  }
  error("usage: " + command + " on|off");
}

void ReplSession::set_output(const std::string& command, const std::vector<std::string>& args) {
  if (args.size() > 1) {
    error("usage: " + command + (command == ".once" ? " FILE" : " [FILE]"));
    return;
  }
  if (args.empty()) {
    if (command == ".once") {
      error("usage: .once FILE");
    } else {
      output_.reset();
    }
    return;
  }
  std::string message;
  if (!output_.redirect(args.front(), command == ".once", message)) error(message);
}

ReplSession::Flow ReplSession::read_file(const std::vector<std::string>& args) {
  if (args.size() != 1) {
    error("usage: .read FILE");
    return Flow::Ended;
  }
  constexpr int max_depth = 16;
  if (read_depth_ >= max_depth) {
    error(".read FILE: files read each other more than " + std::to_string(max_depth) + " deep");
    return Flow::Ended;
  }
  std::ifstream in(args.front(), std::ios::binary);
  if (!in) {
    error("cannot open '" + args.front() + "': " + std::strerror(errno));
    return Flow::Ended;
  }
  StreamLineSource source(in);
  Reader reader{source, args.front(), /*typed=*/false};
  ++read_depth_;
  const Flow flow = read_lines(reader);
  --read_depth_;
  if (in.bad()) error("cannot read '" + args.front() + "': " + std::strerror(errno));
  return flow;
}

void ReplSession::read_rc_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return;  // no rc file: nothing to do
  StreamLineSource source(in);
  Reader reader{source, path, /*typed=*/false};
  read_lines(reader);
}

}  // namespace writ::cli
