#include "diagnostic.hpp"

#include <algorithm>
#include <stdexcept>

namespace writ::query {

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

void sort_by_location(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    const auto& x = a.location;
    const auto& y = b.location;
    if (x.source != y.source) return x.source < y.source;
    if (x.line != y.line) return x.line < y.line;
    return x.column < y.column;
  });
}

SourceId SourceSet::add(std::string name, std::string text) {
  sources_.push_back(Source{std::move(name), std::move(text)});
  return static_cast<SourceId>(sources_.size() - 1);
}

SourceId SourceSet::add_transient(std::string name, std::string text) {
  if (!free_.empty()) {
    const SourceId id = free_.back();
    free_.pop_back();
    sources_[id] = Source{std::move(name), std::move(text)};
    return id;
  }
  sources_.push_back(Source{std::move(name), std::move(text)});
  return static_cast<SourceId>(sources_.size() - 1);
}

void SourceSet::release(SourceId id) {
  if (id >= sources_.size()) return;
  sources_[id] = Source{};
  free_.push_back(id);
}

const std::string& SourceSet::name(SourceId id) const {
  static const std::string unknown = "<unknown>";
  return id < sources_.size() ? sources_[id].name : unknown;
}

const std::string& SourceSet::text(SourceId id) const {
  static const std::string empty;
  return id < sources_.size() ? sources_[id].text : empty;
}

namespace {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::Note: return "note";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

// The line holding `offset`, as [begin, end) byte offsets.
std::pair<std::size_t, std::size_t> line_around(const std::string& text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const auto nl_before = offset == 0 ? std::string::npos : text.rfind('\n', offset - 1);
  const std::size_t begin = nl_before == std::string::npos ? 0 : nl_before + 1;
  auto end = text.find('\n', offset);
  if (end == std::string::npos) end = text.size();
  if (end > begin && text[end - 1] == '\r') --end;
  return {begin, end};
}

// Keeps the excerpt printable: control bytes become spaces so the caret stays aligned
// (tabs too: the caret line reuses them, so alignment holds in any terminal).
std::string printable(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    if (c != '\t' && static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  return out;
}

// A UTF-8 continuation byte (10xxxxxx) is inside a character, never where one starts.
bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// How many characters a UTF-8 text holds: a terminal gives each of the usual ones a column,
// so the caret line counts characters, not bytes ("’" is three bytes, one column).
std::size_t characters(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return !continuation(c); }));
}

void render_one(std::string& out, const Diagnostic& d, const SourceSet& sources) {
  const auto& loc = d.location;
  // A diagnostic without a place (a file that cannot be read, a limit) is the program's.
  if (loc.line > 0) {
    out += sources.name(loc.source) + ':' + std::to_string(loc.line) + ':' + std::to_string(loc.column);
  } else {
    out += "writ";
  }
  out += ": ";
  out += severity_name(d.severity);
  out += ": ";
  out += d.message;
  out += '\n';

  const auto& text = sources.text(loc.source);
  if (loc.line == 0 || text.empty() || loc.offset > text.size()) return;
  auto [begin, end] = line_around(text, loc.offset);
  // Cut long lines to a window around the column, so a 10 MB line prints ~120 bytes.
  constexpr std::size_t window = 100;
  std::size_t caret = loc.offset - begin;
  std::string prefix, suffix;
  if (end - begin > window + 20) {
    // The window starts and ends between characters: a cut inside one would print a
    // broken UTF-8 sequence.
    std::size_t from = caret > window / 2 ? caret - window / 2 : 0;
    while (from > 0 && continuation(text[begin + from])) --from;
    std::size_t to = std::min(end - begin, from + window);
    while (to < end - begin && continuation(text[begin + to])) --to;
    if (from > 0) prefix = "...";
    if (to < end - begin) suffix = "...";
    begin += from;
    end = begin + (to - from);
    caret -= from;
  }
  const std::string number = std::to_string(loc.line);
  const std::string gutter(number.size() + 1, ' ');
  std::string line = printable(std::string_view(text).substr(begin, end - begin));
  out += ' ' + number + " | " + prefix + line + suffix + '\n';
  out += gutter + " | " + std::string(prefix.size(), ' ');
  for (std::size_t i = 0; i < caret && i < line.size(); ++i)
    if (!continuation(line[i])) out += line[i] == '\t' ? '\t' : ' ';
  out += '^';
  const std::size_t span = std::min<std::size_t>(loc.length, line.size() > caret ? line.size() - caret : 0);
  const std::size_t wide = span > 0 ? characters(std::string_view(line).substr(caret, span)) : 0;
  if (wide > 1) out += std::string(wide - 1, '~');
  out += '\n';
}

}  // namespace

std::string render(const Diagnostic& d, const SourceSet& sources) {
  std::string out;
  render_one(out, d, sources);
  for (const auto& note : d.notes) render_one(out, note, sources);
  return out;
}

std::string render(const std::vector<Diagnostic>& ds, const SourceSet& sources) {
  std::string out;
  for (const auto& d : ds) out += render(d, sources);
  return out;
}

}  // namespace writ::query
