#include "kb/postgres/stored_program.hpp"

#include <algorithm>
#include <tuple>

#include "grammar/parse.hpp"

namespace writ::kb::postgres {

std::vector<StoredStatement> statements_of_load(const query::SourceSet& sources, const query::Program& program,
                                                const FirstNew& first, const std::vector<bool>& is_row) {
  struct Placed {
    query::Location at;
    const std::string* text;
  };
  std::vector<Placed> placed;
  for (std::size_t i = first.rules; i < program.rules.size(); ++i)
    if (i - first.rules >= is_row.size() || !is_row[i - first.rules]) placed.push_back({program.rules[i].location, &program.rules[i].text});
  for (std::size_t i = first.preferences; i < program.preferences.size(); ++i)
    placed.push_back({program.preferences[i].location, &program.preferences[i].text});
  for (std::size_t i = first.sources; i < program.sources.size(); ++i)
    placed.push_back({program.sources[i].location, &program.sources[i].text});
  for (std::size_t i = first.templates; i < program.templates.size(); ++i)
    placed.push_back({program.templates[i].location, &program.templates[i].text});
  for (std::size_t i = first.issues; i < program.issues.size(); ++i)
    placed.push_back({program.issues[i].location, &program.issues[i].text});
  std::stable_sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) {
    return std::tie(a.at.source, a.at.offset) < std::tie(b.at.source, b.at.offset);
  });
  std::vector<StoredStatement> out;
  for (const auto& p : placed)
    out.push_back(StoredStatement{0, sources.name(p.at.source), std::max(p.at.line, 1u), std::max(p.at.column, 1u), *p.text});
  return out;
}

void read_statements(const std::vector<StoredStatement>& statements, const AddSource& add_source,
                     query::Program& program, std::vector<query::Diagnostic>& diagnostics) {
  std::size_t i = 0;
  while (i < statements.size()) {
    // One text per source of a load, its statements where they were written.
    const auto& first = statements[i];
    std::string text;
    std::uint32_t line = 1, column = 1;
    for (; i < statements.size() && statements[i].load == first.load && statements[i].source == first.source; ++i) {
      const auto& s = statements[i];
      if (s.line < line || (s.line == line && s.column < column)) {
        text += '\n';  // out of order (the table was edited): keep it, on a line of its own
        ++line;
        column = 1;
      }
      for (; line < s.line; ++line) text += '\n';
      for (; column < s.column; ++column) text += ' ';
      for (const char c : s.text) {
        text += c;
        if (c == '\n') {
          ++line;
          column = 1;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
          ++column;  // columns count characters: a UTF-8 continuation byte adds none
        }
      }
    }
    const auto id = add_source(first.source, text);
    auto parsed = grammar::parse_program(text, id);
    for (auto& d : parsed.diagnostics) diagnostics.push_back(std::move(d));
    for (auto& r : parsed.program.rules) program.rules.push_back(std::move(r));
    for (auto& p : parsed.program.preferences) program.preferences.push_back(std::move(p));
    for (auto& s : parsed.program.sources) program.sources.push_back(std::move(s));
    for (auto& t : parsed.program.templates) program.templates.push_back(std::move(t));
    for (auto& issue : parsed.program.issues) program.issues.push_back(std::move(issue));
    for (const auto& q : parsed.program.queries)
      diagnostics.push_back(query::make_error(q.location, "a stored statement is a query"));
  }
}

}  // namespace writ::kb::postgres
