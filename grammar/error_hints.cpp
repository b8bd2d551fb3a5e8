#include "grammar/error_hints.hpp"

namespace writ::grammar {

namespace {

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool is_non_ascii(char c) { return static_cast<unsigned char>(c) >= 0x80; }

// The bytes of the UTF-8 character that starts at `offset`; 0 when they are not UTF-8 (a
// stray byte of a binary file: nothing to quote).
std::size_t character_length(std::string_view text, std::size_t offset) {
  const auto b = static_cast<unsigned char>(text[offset]);
  const std::size_t n = b >= 0xF5 ? 0 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
  if (n == 0 || offset + n > text.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(text[offset + k]) & 0xC0) != 0x80) return 0;
  return n;
}

// The word around `offset`: ASCII word characters and any non-ASCII bytes (café).
std::string_view word_around(std::string_view text, std::size_t offset) {
  auto part = [](char c) { return is_word_char(c) || is_non_ascii(c); };
  std::size_t first = offset;
  while (first > 0 && part(text[first - 1])) --first;
  std::size_t last = offset;
  while (last < text.size() && part(text[last])) ++last;
  return text.substr(first, last - first);
}

// The word that ends before `offset`, blanks between skipped ("tina" in "tina claims").
std::string_view word_before(std::string_view text, std::size_t offset) {
  std::size_t last = offset;
  while (last > 0 && (text[last - 1] == ' ' || text[last - 1] == '\t' || text[last - 1] == '\n')) --last;
  std::size_t first = last;
  while (first > 0 && is_word_char(text[first - 1])) --first;
  return text.substr(first, last - first);
}

}  // namespace

SyntaxMessage explain_syntax_error(std::string_view text, std::size_t offset, std::string message, std::size_t length) {
  if (offset >= text.size() || !message.starts_with("expected ")) return {std::move(message), offset, length};

  // `café(1).`: X3 reads `caf` and stops at the first byte outside ASCII.
  if (const std::size_t n = is_non_ascii(text[offset]) ? character_length(text, offset) : 0; n > 0) {
    const std::string_view word = word_around(text, offset);
    return {"'" + std::string(text.substr(offset, n)) +
                "' cannot be part of a name: names are ASCII letters, digits and '_'; write other text as a "
                "string: \"" + std::string(word) + "\"",
            offset, n};
  }

  // `Likes(a, b).`: a Prolog user's variable, a SQL user's table name. The grammar stops at
  // the name (a head) or at the `(` after it (a body, where a variable may be compared;
  // in an argument, `p(X(a))`, the `(` is a function term, said as it is).
  std::size_t name = offset;
  if (text[offset] == '(' && message.starts_with("expected a comparison operator")) {
    std::size_t end = offset;
    while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
    name = end;
    while (name > 0 && is_word_char(text[name - 1])) --name;
    if (name == end) name = offset;
  }
  if (text[name] >= 'A' && text[name] <= 'Z') {
    std::size_t end = name;
    while (end < text.size() && is_word_char(text[end])) ++end;
    std::size_t next = end;
    while (next < text.size() && (text[next] == ' ' || text[next] == '\t')) ++next;
    if (next < text.size() && text[next] == '(') {
      const std::string word(text.substr(name, end - name));
      std::string lower = word;
      lower[0] = static_cast<char>(lower[0] - 'A' + 'a');
      return {"'" + word + "' starts with a capital letter, which makes it a variable: a predicate name starts "
                  "with a lower-case letter (" + lower + ")",
              name, end - name};
    }
  }

  // `p(X) :- tina claims s(X).`: a claim is a statement, not something a body can test.
  if (const std::string_view word = word_around(text, offset); word == "claims" || word == "denies") {
    const std::string_view claimant = word_before(text, offset);
    if (!claimant.empty()) {
      const std::string who(claimant);
      return {"'" + std::string(word) + "' makes a statement of its own (" + who + " " + std::string(word) +
                  " ATOM.), not a condition: in a rule body or a question write the atom itself, and ask '?- [" +
                  who + "] GOAL.' for " + who + "'s perspective",
              offset, word.size()};
    }
  }
  return {std::move(message), offset, length};
}

}  // namespace writ::grammar
