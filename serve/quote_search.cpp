#include "quote_search.hpp"

#include <string>

namespace writ::serve {

namespace {

// A text folded for matching, with where each folded byte came from.
struct Folded {
  std::string text;
  std::vector<std::size_t> from;  // per byte of text: its first byte in the original
  std::vector<std::size_t> to;    // per byte of text: one past its last byte in the original
};

Folded fold(std::string_view s) {
  Folded f;
  auto put = [&](char c, std::size_t begin, std::size_t end) {
    f.text += c;
    f.from.push_back(begin);
    f.to.push_back(end);
  };
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      std::size_t j = i;
      while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r')) ++j;
      if (!f.text.empty()) put(' ', i, j);  // leading blanks fold to nothing
      i = j;
      continue;
    }
    // U+2018 U+2019 (‘ ’) and U+201C U+201D (“ ”) are E2 80 98/99/9C/9D in UTF-8.
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      const auto d = static_cast<unsigned char>(s[i + 2]);
      if (d == 0x98 || d == 0x99 || d == 0x9C || d == 0x9D) {
        put(d <= 0x99 ? '\'' : '"', i, i + 3);
        i += 3;
        continue;
      }
    }
    put(static_cast<char>(c), i, i + 1);
    ++i;
  }
  while (!f.text.empty() && f.text.back() == ' ') {
    f.text.pop_back();
    f.from.pop_back();
    f.to.pop_back();
  }
  return f;
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> find_quote(std::string_view document, std::string_view quote) {
  std::vector<std::pair<std::size_t, std::size_t>> places;
  const Folded q = fold(quote);
  if (q.text.empty()) return places;
  const Folded d = fold(document);
  for (auto at = d.text.find(q.text); at != std::string::npos; at = d.text.find(q.text, at + q.text.size()))
    places.emplace_back(d.from[at], d.to[at + q.text.size() - 1]);
  return places;
}

}  // namespace writ::serve
