// The documentation cannot disagree with itself or with the tool: docs/writ.1 is what
// `writ help --man` prints, the man page holds every usage line, option and dot-command
// that `writ help COMMAND` and `.help` show, and every documented option and dot-command
// is one that writ accepts.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "help_text.hpp"
#include "options.hpp"
#include "writ_process.hpp"

namespace writ::cli::test {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The man page as a reader sees its words: requests dropped, escapes and fonts undone,
// blanks collapsed.
std::string man_words(const std::string& roff) {
  std::string text;
  std::istringstream lines(roff);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.starts_with(".SS ") || line.starts_with(".SH ")) line = line.substr(4);
    else if (line.starts_with(".")) continue;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] != '\\' || i + 1 >= line.size()) {
        text += line[i];
        continue;
      }
      const char next = line[++i];
      if (next == 'f') ++i;               // \fB \fI \fR: a font
      else if (next == '-') text += '-';  // a minus
      else if (next == 'e') text += '\\';
      // \& (nothing) is dropped
    }
    text += ' ';
  }
  std::string words;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!words.empty() && words.back() != ' ') words += ' ';
    } else {
      words += c;
    }
  }
  return words;
}

// A help text's words: blanks collapsed (filling changes them), `code` marks dropped
// (the man page shows them as bold).
std::string collapsed(std::string_view text) {
  std::string words;
  for (const char c : text) {
    if (c == '`') continue;
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!words.empty() && words.back() != ' ') words += ' ';
    } else {
      words += c;
    }
  }
  if (!words.empty() && words.back() == ' ') words.pop_back();
  return words;
}

std::vector<Command> documented_commands() {
  std::vector<Command> out;
  for (const auto& c : command_helps()) out.push_back(c.command);
  return out;
}

TEST(Help, TheManPageIsGeneratedFromTheHelpSource) {
  const std::string checked_in = read_file(WRIT_SOURCE_DIR "/docs/writ.1");
  const auto generated = run_writ({"help", "--man"});
  ASSERT_EQ(generated.exit_code, 0);
  EXPECT_EQ(generated.out, man_page());
  EXPECT_TRUE(checked_in == generated.out)
      << "docs/writ.1 differs from `writ help --man`: run `./dev man` (cli/help_text.cpp is the source)";
}

TEST(Help, TheManPageSaysWhatEveryHelpTextSays) {
  const std::string man = man_words(man_page());
  for (const Command c : documented_commands()) {
    const auto shown = run_writ({"help", std::string(command_name(c))});
    ASSERT_EQ(shown.exit_code, 0) << command_name(c);
    EXPECT_EQ(shown.out, help_text(c));
    const CommandHelp& help = *command_help(c);
    for (const auto& usage : help.usage) {
      EXPECT_NE(shown.out.find(std::string(usage)), std::string::npos) << usage;
      EXPECT_NE(man.find(collapsed(usage)), std::string::npos) << usage;
    }
    for (const auto& option : help.options) {
      EXPECT_NE(shown.out.find(std::string(option.term)), std::string::npos) << option.term;
      EXPECT_NE(man.find(collapsed(option.term) + " " + collapsed(option.text)), std::string::npos)
          << command_name(c) << ": " << option.term;
    }
    EXPECT_NE(collapsed(shown.out).find(collapsed(help.text).substr(0, 60)), std::string::npos);
  }
  const auto dot = run_writ({"repl"}, ".help\n");
  EXPECT_EQ(dot.out, repl_help_text());
  for (const auto& section : repl_help_sections()) {
    for (const auto& entry : section.entries) {
      EXPECT_NE(dot.out.find(std::string(entry.term)), std::string::npos) << entry.term;
      EXPECT_NE(man.find(collapsed(entry.term) + " " + collapsed(entry.text)), std::string::npos) << entry.term;
    }
  }
  const auto overview = run_writ({"--help"});
  for (const auto& c : command_helps()) {
    for (const auto& line : c.overview) EXPECT_NE(overview.out.find(std::string(line.term)), std::string::npos);
  }
}

TEST(Help, EveryCommandHasHelpAndEveryDocumentedCommandParses) {
  for (const Command c : documented_commands()) {
    EXPECT_TRUE(parse_command(command_name(c)).has_value()) << command_name(c);
  }
  for (const char* name : {"run", "check", "repl", "load", "retract", "log", "explain", "import", "export",
                           "materialize", "serve", "sources", "help"}) {
    const auto c = parse_command(name);
    ASSERT_TRUE(c.has_value()) << name;
    EXPECT_NE(command_help(*c), nullptr) << name;
  }
}

// `--format table|csv|json` -> {"--format", "table"}; `-q, --query GOAL` -> both spellings.
std::vector<std::vector<std::string>> spellings(std::string_view term) {
  std::vector<std::string> words;
  std::istringstream in{std::string(term)};
  for (std::string w; in >> w;) words.push_back(w);
  std::string value;
  if (!words.empty() && !words.back().starts_with("-")) {
    value = words.back();
    words.pop_back();
    value = value.substr(0, value.find('|'));  // the first choice
    if (value == "SECONDS" || value == "N" || value == "SIZE") value = "1";
  }
  std::vector<std::vector<std::string>> out;
  for (auto w : words) {
    if (w.ends_with(",")) w.pop_back();
    out.push_back(value.empty() ? std::vector<std::string>{w} : std::vector<std::string>{w, value});
  }
  return out;
}

TEST(Help, EveryDocumentedOptionIsAccepted) {
  for (const auto& help : command_helps()) {
    if (help.command == Command::Help) continue;  // `help --man` is checked above
    for (const auto& option : help.options) {
      for (const auto& spelling : spellings(option.term)) {
        std::vector<std::string> args = {std::string(command_name(help.command))};
        args.insert(args.end(), spelling.begin(), spelling.end());
        const std::vector<std::string_view> views(args.begin(), args.end());
        const auto parsed = parse_options(views);
        if (const auto* error = std::get_if<UsageError>(&parsed)) {
          EXPECT_EQ(error->message.find("unknown option"), std::string::npos)
              << command_name(help.command) << " " << spelling.front() << ": " << error->message;
          EXPECT_EQ(error->message.find("needs a value"), std::string::npos) << error->message;
          EXPECT_EQ(error->message.find("invalid"), std::string::npos) << error->message;
        }
      }
    }
  }
}

TEST(Help, EveryDocumentedDotCommandIsKnown) {
  std::string script;
  for (const auto& name : documented_dot_commands()) {
    if (name == ".quit" || name == ".exit") continue;
    script += name + "\n";
  }
  const auto r = run_writ({"repl"}, script);
  EXPECT_EQ(r.err.find("unknown command"), std::string::npos) << r.err;
  EXPECT_EQ(run_writ({"repl"}, ".exit\nnope(\n").err, "");
  EXPECT_EQ(run_writ({"repl"}, ".quit\nnope(\n").err, "");
}

TEST(Help, TerminalTextsFitEightyColumns) {
  std::vector<std::string> texts = {help_text(std::nullopt), repl_help_text()};
  for (const Command c : documented_commands()) texts.push_back(help_text(c));
  for (const auto& text : texts) {
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      // An example line is as long as it is; filled text stays within 79 columns.
      if (line.find("  writ: transaction") != std::string::npos || line.find("{\"") != std::string::npos) continue;
      EXPECT_LE(line.size(), 79u) << line;
    }
  }
}

}  // namespace
}  // namespace writ::cli::test
