#include "quote_match.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

namespace writ::query::text {

namespace {

// What a byte sequence at `s[i]` normalises to: a blank (' '), a plain quote, or itself;
// `length` is how many bytes it spans.
struct Unit {
  char as = 0;  // 0: copy the byte as it is
  bool blank = false;
  std::size_t length = 1;
};

Unit unit_at(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return {' ', true, 1};
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return {' ', true, 2};  // no-break space
  // U+2018..U+201B are single quotes, U+201C..U+201F double ones: E2 80 98..9F.
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    const auto d = static_cast<unsigned char>(s[i + 2]);
    if (d >= 0x98 && d <= 0x9B) return {'\'', false, 3};
    if (d >= 0x9C && d <= 0x9F) return {'"', false, 3};
  }
  return {};
}

// A word, for closeness: ASCII letters lowercased, punctuation dropped.
std::string loose(std::string_view word) {
  std::string out;
  for (const char ch : word) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80 && std::ispunct(c)) continue;
    out += c < 0x80 ? static_cast<char>(std::tolower(c)) : ch;
  }
  return out;
}

struct Word {
  std::size_t begin = 0, end = 0;  // in the normalised text
  std::string loose;
};

std::vector<Word> words_of(std::string_view normalized) {
  std::vector<Word> out;
  std::size_t i = 0;
  while (i < normalized.size()) {
    while (i < normalized.size() && normalized[i] == ' ') ++i;
    const auto begin = i;
    while (i < normalized.size() && normalized[i] != ' ') ++i;
    if (i > begin) out.push_back(Word{begin, i, loose(normalized.substr(begin, i - begin))});
  }
  return out;
}

}  // namespace

NormalizedText::NormalizedText(std::string_view original) {
  text_.reserve(original.size());
  from_.reserve(original.size());
  to_.reserve(original.size());
  std::size_t i = 0;
  while (i < original.size()) {
    const auto u = unit_at(original, i);
    if (u.blank) {
      // A run of blanks is one space, standing for the whole run.
      auto end = i + u.length;
      while (end < original.size()) {
        const auto next = unit_at(original, end);
        if (!next.blank) break;
        end += next.length;
      }
      text_ += ' ';
      from_.push_back(static_cast<std::uint32_t>(i));
      to_.push_back(static_cast<std::uint32_t>(end));
      i = end;
      continue;
    }
    text_ += u.as != 0 ? u.as : original[i];
    from_.push_back(static_cast<std::uint32_t>(i));
    to_.push_back(static_cast<std::uint32_t>(i + u.length));
    i += u.length;
  }
}

Span NormalizedText::original(std::size_t begin, std::size_t end) const {
  if (begin >= end || end > text_.size()) return {};
  return Span{from_[begin], to_[end - 1]};
}

std::string normalize_quote(std::string_view quote) {
  std::string out = NormalizedText(quote).text();
  const auto first = out.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  out.erase(0, first);
  out.erase(out.find_last_not_of(' ') + 1);
  return out;
}

std::vector<Span> find_quote(const NormalizedText& document, std::string_view quote) {
  std::vector<Span> out;
  const auto wanted = normalize_quote(quote);
  if (wanted.empty()) return out;
  const auto& text = document.text();
  for (auto at = text.find(wanted); at != std::string::npos; at = text.find(wanted, at + wanted.size()))
    out.push_back(document.original(at, at + wanted.size()));
  return out;
}

std::optional<Span> closest_passage(const NormalizedText& document, std::string_view quote) {
  const auto wanted = normalize_quote(quote);
  const auto q = words_of(wanted);
  const auto d = words_of(document.text());
  if (q.empty() || d.empty()) return std::nullopt;
  // Costs: a word the same 0, the same but for case and punctuation 1, another word 2; a
  // word of the quote missing 2, a word of the document left out of the quote 1 (so that a
  // quote that drops a word finds the whole passage).
  const auto substitution = [&](std::size_t i, std::size_t j) -> std::uint32_t {
    if (wanted.compare(q[i].begin, q[i].end - q[i].begin, document.text(), d[j].begin, d[j].end - d[j].begin) == 0)
      return 0;
    return !q[i].loose.empty() && q[i].loose == d[j].loose ? 1 : 2;
  };
  constexpr std::uint32_t gap = 2, skipped = 1;
  const auto m = q.size();
  // Column j of the table: cost[i] is the least cost of matching the quote's first i words
  // with document words ending before word j, start[i] where that match begins. A match
  // may begin anywhere (row 0 costs nothing).
  std::vector<std::uint32_t> cost(m + 1), next_cost(m + 1);
  std::vector<std::size_t> start(m + 1, 0), next_start(m + 1);
  for (std::size_t i = 0; i <= m; ++i) cost[i] = static_cast<std::uint32_t>(i) * gap;
  std::uint32_t best = std::numeric_limits<std::uint32_t>::max();
  std::size_t best_begin = 0, best_end = 0;
  for (std::size_t j = 1; j <= d.size(); ++j) {
    next_cost[0] = 0;
    next_start[0] = j;
    for (std::size_t i = 1; i <= m; ++i) {
      std::uint32_t c = cost[i - 1] + substitution(i - 1, j - 1);
      std::size_t s = start[i - 1];
      if (cost[i] + skipped < c) c = cost[i] + skipped, s = start[i];          // a document word left out
      if (next_cost[i - 1] + gap < c) c = next_cost[i - 1] + gap, s = next_start[i - 1];  // a quote word left out
      next_cost[i] = c;
      next_start[i] = s;
    }
    std::swap(cost, next_cost);
    std::swap(start, next_start);
    // The first best passage; at equal cost, the longer one from the same start.
    if (start[m] < j && (cost[m] < best || (cost[m] == best && start[m] == best_begin))) {
      best = cost[m];
      best_begin = start[m];
      best_end = j;
    }
  }
  if (best >= gap * m) return std::nullopt;  // nothing better than leaving every word out
  return document.original(d[best_begin].begin, d[best_end - 1].end);
}

}  // namespace writ::query::text
