#include "sentences.hpp"

#include <algorithm>
#include <array>

namespace writ::query::text {

namespace {

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
bool lower(char c) { return c >= 'a' && c <= 'z'; }
bool letter(char c) { return lower(c) || (c >= 'A' && c <= 'Z'); }

// Words that end in '.' without ending a sentence: titles, company forms, the citations of
// court opinions, months. Compared without the '.'.
constexpr std::array abbreviations = {
    "Mr",  "Mrs", "Ms",  "Dr",  "Prof", "Sr",  "Jr",   "St",  "Inc", "Corp", "Co",  "Ltd", "Bros", "No",
    "Nos", "v",   "vs",  "Id",  "id",   "Cir", "Supp", "Ct",  "App", "Stat", "Rev", "Dist", "al",  "cf",
    "Jan", "Feb", "Mar", "Apr", "Jun",  "Jul", "Aug",  "Sep", "Sept", "Oct", "Nov", "Dec",  "Art", "Sec",
    "Ch",  "Fig", "Ex",  "Gen", "Ed",   "ed",  "Ass'n", "Dep't", "Gov't"};

// How many bytes of closing punctuation start at `i`: quotes and brackets that close a
// sentence after its '.', plain or typographic (’ and ”).
std::size_t closer(std::string_view s, std::size_t i) {
  const char c = s[i];
  if (c == ')' || c == ']' || c == '"' || c == '\'') return 1;
  if (s.substr(i, 3) == "\xE2\x80\x99" || s.substr(i, 3) == "\xE2\x80\x9D") return 3;
  return 0;
}

// Whether the '.' at `dot` ends an abbreviation or an initial rather than a sentence.
bool abbreviation_before(std::string_view s, std::size_t dot) {
  std::size_t begin = dot;
  while (begin > 0 && !blank(s[begin - 1]) && s[begin - 1] != '\n' && s[begin - 1] != '(' && s[begin - 1] != '"')
    --begin;
  const auto word = s.substr(begin, dot - begin);
  if (word.size() == 1 && letter(word[0])) return true;  // an initial: "John G. Roberts"
  if (word.find('.') != std::string_view::npos) return true;  // U.S., e.g., F.3d, L.L.C.
  return std::find(abbreviations.begin(), abbreviations.end(), word) != abbreviations.end();
}

}  // namespace

std::vector<Span> split_sentences(std::string_view s) {
  std::vector<Span> out;
  std::size_t begin = std::string_view::npos;  // the current sentence's first byte
  std::size_t last = 0;                        // one past its last byte that is not blank
  const auto finish = [&] {
    if (begin != std::string_view::npos) out.push_back(Span{begin, last});
    begin = std::string_view::npos;
  };
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '\n') {
      // A line ends its sentence unless the next line goes on with it in lowercase.
      auto next = i + 1;
      while (next < s.size() && blank(s[next])) ++next;
      if (next >= s.size() || !lower(s[next])) finish();
      ++i;
      continue;
    }
    if (blank(c)) {
      ++i;
      continue;
    }
    if (begin == std::string_view::npos) begin = i;
    if (c != '.' && c != '?' && c != '!') {
      ++i;
      last = i;
      continue;
    }
    // The end of a sentence: the mark, any more marks ("?!", "..."), then closers.
    auto end = i + 1;
    while (end < s.size() && (s[end] == '.' || s[end] == '?' || s[end] == '!')) ++end;
    while (end < s.size())
      if (const auto n = closer(s, end); n > 0)
        end += n;
      else
        break;
    last = end;
    const bool followed_by_blank = end < s.size() && blank(s[end]);
    auto next = end;
    while (next < s.size() && blank(s[next])) ++next;
    const bool starts_sentence = next < s.size() && s[next] != '\n' && !lower(s[next]);
    const bool one_dot = c == '.' && (i + 1 == s.size() || (s[i + 1] != '.' && s[i + 1] != '?' && s[i + 1] != '!'));
    if (followed_by_blank && starts_sentence && !(one_dot && abbreviation_before(s, i))) finish();
    i = end;
  }
  finish();
  return out;
}

}  // namespace writ::query::text
