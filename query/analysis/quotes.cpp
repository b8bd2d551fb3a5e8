// The quotes pass: a citation of a source that has a document (`#source s { file: "..." }`)
// must quote it verbatim, modulo blanks and typographic quotes (query/text/quote_match.hpp).
// A misquote is an error at the quote, with a note at the document's closest passage; a
// quote that occurs more than once is a warning, since it does not say which passage it is.
#include <algorithm>
#include <map>

#include "checks.hpp"
#include "query/text/quote_match.hpp"

namespace writ::query {

namespace {

// Where offset `at` of a document is, as a Location in its source.
Location place_in(const Document& d, std::size_t at, std::size_t length) {
  const auto& text = *d.text;
  Location l;
  l.source = d.source;
  l.line = 1;
  std::size_t characters = 0;  // on this line, before `at`: a column counts characters
  for (std::size_t i = 0; i < at && i < text.size(); ++i)
    if (text[i] == '\n') {
      ++l.line;
      characters = 0;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++characters;
    }
  l.column = static_cast<std::uint32_t>(characters + 1);
  l.offset = static_cast<std::uint32_t>(at);
  l.length = static_cast<std::uint32_t>(length);
  return l;
}

// A passage as a message shows it: on one line, its blanks one space each.
std::string one_line(std::string_view text) {
  std::string out;
  bool blank = false;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      blank = true;
      continue;
    }
    if (blank && !out.empty()) out += ' ';
    blank = false;
    out += c;
  }
  return out;
}

std::string line_list(const std::vector<std::uint32_t>& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += i + 1 == lines.size() ? " and " : ", ";
    out += std::to_string(lines[i]);
  }
  return out;
}

}  // namespace

QuoteChecker::QuoteChecker() = default;
QuoteChecker::~QuoteChecker() = default;

void QuoteChecker::check(const Rule& r, const Document& document, const std::string& source,
                         std::vector<Diagnostic>& out) {
  const auto& c = *r.citation;
  if (text::normalize_quote(c.quote).empty()) return;
  auto& normalized = normalized_[document.text];
  if (!normalized) normalized = std::make_unique<text::NormalizedText>(*document.text);
  const auto at = c.quote_location.line != 0 ? c.quote_location : c.location;
  const auto found = text::find_quote(*normalized, c.quote);
  if (found.size() == 1) return;
  if (found.size() > 1) {
    std::vector<std::uint32_t> lines;
    for (const auto& span : found) lines.push_back(place_in(document, span.begin, 0).line);
    const auto where = std::all_of(lines.begin(), lines.end(), [&](auto l) { return l == lines.front(); })
                           ? "all on line " + std::to_string(lines.front())
                           : "on lines " + line_list(lines);
    out.push_back(make_warning(at, "the quote occurs " + std::to_string(found.size()) + " times in the document of '" +
                                       source + "' (" + where + "): quote enough to say which passage it is"));
    return;
  }
  auto d = make_error(at, "the quote is not in the document of '" + source + "' (" + document.path +
                              "), not even modulo blanks and typographic quotes");
  if (const auto passage = text::closest_passage(*normalized, c.quote)) {
    const auto text = std::string_view(*document.text).substr(passage->begin, passage->end - passage->begin);
    d.notes.push_back(Diagnostic{Severity::Note, place_in(document, passage->begin, passage->end - passage->begin),
                                 "the closest passage: \"" + one_line(text) + "\"", {}});
  } else {
    d.message += "; no word of it is in the document";
  }
  out.push_back(std::move(d));
}

void check_quotes(const Program& program, std::vector<Diagnostic>& out) {
  std::map<std::string, const Document*> documents;
  for (const auto& s : program.sources)
    if (s.document) documents.try_emplace(s.name, &*s.document);
  if (documents.empty()) return;
  QuoteChecker checker;
  for (const auto& r : program.rules) {
    if (!r.citation) continue;
    const auto it = documents.find(r.citation->source);
    if (it != documents.end()) checker.check(r, *it->second, it->first, out);
  }
}

}  // namespace writ::query
