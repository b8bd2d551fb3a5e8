// Renders the documentation of help_text.cpp as terminal text (filled to 80 columns) and
// as a man page (roff, filled by man itself).
#include <algorithm>
#include <set>

#include "help_text.hpp"

namespace writ::cli {

namespace {

constexpr std::size_t kWidth = 79;      // the last column a terminal line may use
constexpr std::size_t kTermColumn = 26;  // terms longer than this put their text below

// A help text in blocks: filled paragraphs, verbatim lines, paragraph breaks.
struct Block {
  enum class Kind { Fill, Verbatim, Break };
  Kind kind;
  std::string text;  // Fill: the words, joined by single blanks; Verbatim: the lines
};

std::vector<Block> blocks_of(std::string_view text) {
  std::vector<Block> blocks;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (line.find_first_not_of(' ') == std::string_view::npos) {
      if (!blocks.empty() && blocks.back().kind != Block::Kind::Break) blocks.push_back({Block::Kind::Break, {}});
    } else if (line.starts_with("  ")) {
      if (blocks.empty() || blocks.back().kind != Block::Kind::Verbatim) blocks.push_back({Block::Kind::Verbatim, {}});
      blocks.back().text += std::string(line) + '\n';
    } else {
      if (blocks.empty() || blocks.back().kind != Block::Kind::Fill) blocks.push_back({Block::Kind::Fill, {}});
      std::string& words = blocks.back().text;
      std::size_t i = 0;
      while (i < line.size()) {
        while (i < line.size() && line[i] == ' ') ++i;
        const std::size_t word_end = std::min(line.find(' ', i), line.size());
        if (word_end > i) {
          if (!words.empty()) words += ' ';
          words += line.substr(i, word_end - i);
        }
        i = word_end;
      }
    }
  }
  while (!blocks.empty() && blocks.back().kind == Block::Kind::Break) blocks.pop_back();
  return blocks;
}

// Appends `words` filled to kWidth: the first line continues at `column` (what `out`
// already holds of it), the next ones start at `indent`.
void fill(std::string& out, std::string_view words, std::size_t column, std::size_t indent) {
  std::size_t i = 0;
  bool line_empty = true;
  while (i < words.size()) {
    const std::size_t end = std::min(words.find(' ', i), words.size());
    const std::string_view word = words.substr(i, end - i);
    i = end + 1;
    if (!line_empty && column + 1 + word.size() > kWidth) {
      out += '\n';
      out.append(indent, ' ');
      column = indent;
      line_empty = true;
    }
    if (!line_empty) {
      out += ' ';
      ++column;
    }
    out += word;
    column += word.size();
    line_empty = false;
  }
  out += '\n';
}

// A whole text at `indent`, its first line continuing at `column`.
void render_text(std::string& out, std::string_view text, std::size_t column, std::size_t indent) {
  bool first = true;
  for (const Block& b : blocks_of(text)) {
    if (!first && b.kind != Block::Kind::Break) {
      // Continue on a fresh line at the indent.
      out.append(indent, ' ');
      column = indent;
    }
    switch (b.kind) {
      case Block::Kind::Fill: fill(out, b.text, column, indent); break;
      case Block::Kind::Verbatim: {
        std::size_t at = 0;
        bool first_line = true;
        while (at < b.text.size()) {
          const std::size_t nl = b.text.find('\n', at);
          if (!first_line) out.append(indent, ' ');
          out.append(b.text, at, nl - at + 1);
          at = nl + 1;
          first_line = false;
        }
        break;
      }
      case Block::Kind::Break: out += '\n'; break;
    }
    first = false;
  }
  if (first) out += '\n';  // an empty text still ends its line
}

// The column where the texts of `entries` start: after the longest short term.
std::size_t text_column(const std::vector<HelpEntry>& entries, std::size_t indent, std::size_t column = 0) {
  for (const auto& e : entries) {
    if (e.term.size() <= kTermColumn) column = std::max(column, indent + e.term.size() + 2);
  }
  return column;
}

// Two columns: each term, then its text filled from `column` (default: text_column).
void render_entries(std::string& out, const std::vector<HelpEntry>& entries, std::size_t indent = 2,
                    std::size_t column = 0) {
  if (column == 0) column = text_column(entries, indent);
  for (const auto& e : entries) {
    out.append(indent, ' ');
    out += e.term;
    if (e.text.empty()) {
      out += '\n';
      continue;
    }
    std::size_t at = indent + e.term.size();
    if (at + 2 > column) {
      out += '\n';
      at = 0;
    }
    out.append(column - at, ' ');
    render_text(out, e.text, column, column);
  }
}

void render_section(std::string& out, const HelpSection& s) {
  if (s.entries.empty()) {
    const std::string head = std::string(s.heading) + ": ";
    out += head;
    render_text(out, s.text, head.size(), 0);
    return;
  }
  out += s.heading;
  out += ":\n";
  if (!s.text.empty()) render_text(out, s.text, 0, 0);
  render_entries(out, s.entries);
}

std::string overview_text() {
  const ManualText& m = manual_text();
  std::string out;
  std::size_t width = 0;
  for (const auto& u : m.usage) width = std::max(width, u.term.size());
  for (std::size_t i = 0; i < m.usage.size(); ++i) {
    out += i == 0 ? "Usage: " : "       ";
    out += m.usage[i].term;
    if (!m.usage[i].text.empty()) {
      out.append(width - m.usage[i].term.size() + 3, ' ');
      out += m.usage[i].text;
    }
    out += '\n';
  }
  out += '\n';
  fill(out, "writ - " + std::string(m.name_line) + ".", 0, 0);
  out += '\n';
  out += "Commands:\n";
  std::vector<HelpEntry> commands;
  for (const auto& c : command_helps()) commands.insert(commands.end(), c.overview.begin(), c.overview.end());
  render_entries(out, commands);
  out += '\n';
  render_text(out, m.description, 0, 0);
  out += "\nOptions:\n";
  render_entries(out, m.options);
  out += "\nExit status:\n";
  render_entries(out, m.exit_status);
  out += "\nRun 'writ help COMMAND' for a command's options, 'writ help --man' for all.\n";
  return out;
}

std::string command_text(const CommandHelp& c) {
  std::string out;
  for (std::size_t i = 0; i < c.usage.size(); ++i) {
    out += i == 0 ? "Usage: " : "       ";
    out += c.usage[i];
    out += '\n';
  }
  out += '\n';
  render_text(out, c.text, 0, 0);
  for (const auto& s : c.sections) {
    out += '\n';
    render_section(out, s);
  }
  if (!c.options.empty()) {
    out += "\nOptions:\n";
    render_entries(out, c.options);
  }
  if (!c.exit_status.empty()) {
    out += '\n';
    render_section(out, HelpSection{"Exit status", c.exit_status, {}});
  }
  return out;
}

// --- roff ---

// Text for roff: backslashes and minus signs escaped, `code` in bold, a line starting
// with a control character ('.' or ''') protected.
std::string roff_escaped(std::string_view text) {
  std::string out;
  bool code = false;
  bool line_start = true;
  for (const char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    line_start = c == '\n';
    switch (c) {
      case '\\': out += "\\e"; break;
      case '-': out += "\\-"; break;
      case '`':
        out += code ? "\\fR" : "\\fB";
        code = !code;
        break;
      default: out += c;
    }
  }
  if (code) out += "\\fR";
  return out;
}

// A usage line or a term: names and flags in bold, placeholders (FILE, GOAL) in italics,
// brackets and punctuation in roman.
std::string roff_synopsis(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  auto word_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  };
  while (i < text.size()) {
    const char c = text[i];
    const bool dot_word = c == '.' && i + 1 < text.size() && text[i + 1] >= 'a' && text[i + 1] <= 'z' &&
                          (i == 0 || !word_char(text[i - 1]));
    if (!word_char(c) && !dot_word) {
      if (c == '\\') out += "\\e";
      else out += c;
      ++i;
      continue;
    }
    std::size_t end = i + 1;
    while (end < text.size() && word_char(text[end])) ++end;
    const std::string_view word = text.substr(i, end - i);
    const bool placeholder = std::none_of(word.begin(), word.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; }) &&
                             std::any_of(word.begin(), word.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
    std::string escaped;
    for (const char ch : word) escaped += ch == '-' ? std::string("\\-") : std::string(1, ch);
    out += (placeholder ? "\\fI" : "\\fB") + escaped + "\\fR";
    i = end;
  }
  return out;
}

// `paragraph` starts each paragraph after the first: .PP, or .IP inside a list's item.
void roff_text(std::string& out, std::string_view text, std::string_view paragraph = ".PP") {
  bool paragraph_open = true;  // the caller has started a paragraph
  for (const Block& b : blocks_of(text)) {
    switch (b.kind) {
      case Block::Kind::Fill:
        if (!paragraph_open) out += std::string(paragraph) + '\n';
        out += roff_escaped(b.text) + '\n';
        break;
      case Block::Kind::Verbatim: {
        out += ".RS\n.nf\n";
        std::size_t at = 0;
        while (at < b.text.size()) {
          const std::size_t nl = b.text.find('\n', at);
          std::string_view line = std::string_view(b.text).substr(at, nl - at);
          line.remove_prefix(2);
          out += roff_escaped(line) + '\n';
          at = nl + 1;
        }
        out += ".fi\n.RE\n";
        paragraph_open = false;
        break;
      }
      case Block::Kind::Break: paragraph_open = false; break;
    }
    if (b.kind == Block::Kind::Fill) paragraph_open = true;
  }
}

void roff_entries(std::string& out, const std::vector<HelpEntry>& entries) {
  for (const auto& e : entries) {
    out += ".TP\n" + roff_synopsis(e.term) + '\n';
    roff_text(out, e.text.empty() ? std::string_view(" ") : e.text, ".IP");
  }
}

void roff_section(std::string& out, const HelpSection& s) {
  out += ".PP\n";
  if (s.entries.empty()) {
    out += roff_escaped(std::string(s.heading) + ": ");
    roff_text(out, s.text);
    return;
  }
  out += roff_escaped(std::string(s.heading) + ":") + '\n';
  if (!s.text.empty()) roff_text(out, s.text);
  out += ".RS\n";
  roff_entries(out, s.entries);
  out += ".RE\n";
}

}  // namespace

const CommandHelp* command_help(Command command) {
  for (const auto& c : command_helps()) {
    if (c.command == command) return &c;
  }
  return nullptr;
}

std::string help_text(std::optional<Command> topic) {
  if (topic) {
    if (const CommandHelp* c = command_help(*topic)) return command_text(*c);
  }
  return overview_text();
}

std::string repl_help_text() {
  std::string out;
  std::size_t column = 0;  // one for all the groups
  for (const auto& s : repl_help_sections()) column = text_column(s.entries, 2, column);
  for (const auto& s : repl_help_sections()) {
    out += s.heading;
    out += ":\n";
    if (!s.text.empty()) render_text(out, s.text, 0, 0);
    render_entries(out, s.entries, 2, column);
  }
  return out;
}

std::vector<std::string> documented_dot_commands() {
  std::set<std::string> names;
  for (const auto& s : repl_help_sections()) {
    for (const auto& e : s.entries) {
      // ".quit  .exit": every word that starts with a dot.
      std::size_t i = 0;
      while ((i = e.term.find('.', i)) != std::string_view::npos) {
        if (i > 0 && e.term[i - 1] != ' ') {
          ++i;
          continue;
        }
        std::size_t end = e.term.find(' ', i);
        if (end == std::string_view::npos) end = e.term.size();
        if (end > i + 1) names.emplace(e.term.substr(i, end - i));
        i = end;
      }
    }
  }
  return {names.begin(), names.end()};
}

std::string man_page() {
  const ManualText& m = manual_text();
  std::string out;
  out += ".\\\" writ(1). Generated by `writ help --man` from cli/help_text.cpp: edit that file,\n";
  out += ".\\\" then run `./dev man` to write this one again.\n";
  out += ".TH WRIT 1 \"\" \"writ " WRIT_VERSION "\" \"User Commands\"\n";
  out += ".SH NAME\nwrit \\- " + roff_escaped(m.name_line) + '\n';

  out += ".SH SYNOPSIS\n.nf\n";
  std::set<std::string_view> written;  // the REPL's usage is also among writ's own
  for (const auto& u : m.usage) {
    if (written.insert(u.term).second) out += roff_synopsis(u.term) + '\n';
  }
  for (const auto& c : command_helps()) {
    for (const auto& u : c.usage) {
      if (written.insert(u).second) out += roff_synopsis(u) + '\n';
    }
  }
  out += ".fi\n";

  out += ".SH DESCRIPTION\n";
  roff_text(out, m.description);

  out += ".SH COMMANDS\n";
  for (const auto& c : command_helps()) {
    out += ".SS " + std::string(command_name(c.command)) + "\n.nf\n";
    for (const auto& u : c.usage) out += roff_synopsis(u) + '\n';
    out += ".fi\n.PP\n";
    roff_text(out, c.text);
    for (const auto& s : c.sections) roff_section(out, s);
    if (!c.options.empty()) roff_section(out, HelpSection{"Options", "", c.options});
    if (!c.exit_status.empty()) roff_section(out, HelpSection{"Exit status", c.exit_status, {}});
  }

  out += ".SH REPL COMMANDS\n";
  for (const auto& s : repl_help_sections()) {
    out += ".SS " + roff_escaped(s.heading) + '\n';
    if (!s.text.empty()) {
      out += ".PP\n";
      roff_text(out, s.text);
    }
    roff_entries(out, s.entries);
  }

  out += ".SH OPTIONS\n";
  roff_entries(out, m.options);
  out += ".SH ENVIRONMENT\n";
  roff_entries(out, m.environment);
  out += ".SH FILES\n";
  roff_entries(out, m.files);
  out += ".SH EXIT STATUS\n";
  roff_entries(out, m.exit_status);
  out += ".SH EXAMPLE\n.nf\n";
  out += roff_escaped(m.example) + "\n.fi\n";
  out += ".SH SEE ALSO\n";
  roff_text(out, m.see_also);
  return out;
}

}  // namespace writ::cli
