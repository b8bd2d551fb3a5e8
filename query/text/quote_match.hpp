// Finding a citation's quote in the document its source names (docs/language.md,
// "Verified quotes").
//
// A quote must occur in the document verbatim, except for two things a copy from a page
// changes without changing the words: blanks (a run of spaces, tabs and line breaks is
// one space; blanks at the quote's ends do not count) and typographic quotes (‘ ’ ‚ ‛ are
// ' and “ ” „ ‟ are "). Nothing else is forgiven: case, dashes and every other character
// must be the document's.
//
// When a quote is not there, closest_passage() finds the passage a reader would compare it
// with: the run of the document's words that is fewest word edits away from the quote's
// words (Sellers' approximate matching, word by word, so a long document costs its length
// times the quote's words).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace writ::query::text {

// [begin, end) byte offsets into a document's text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;

  bool operator==(const Span&) const = default;
};

// A text with blanks and typographic quotes normalised, remembering where each byte came
// from so that a match maps back to the original text.
class NormalizedText {
 public:
  explicit NormalizedText(std::string_view original);

  const std::string& text() const { return text_; }
  // The original bytes that normalised bytes [begin, end) came from.
  Span original(std::size_t begin, std::size_t end) const;

 private:
  std::string text_;
  std::vector<std::uint32_t> from_;  // per normalised byte: its first original byte
  std::vector<std::uint32_t> to_;    // per normalised byte: one past its last original byte
};

// The quote normalised as a document is (blanks at its ends dropped).
std::string normalize_quote(std::string_view quote);

// Every place `quote` occurs in the document, in order and not overlapping; none for a
// quote that is empty once normalised.
std::vector<Span> find_quote(const NormalizedText& document, std::string_view quote);

// The document's passage closest to `quote` (see above), as original offsets; none when
// not one word of the quote is in the document.
std::optional<Span> closest_passage(const NormalizedText& document, std::string_view quote);

}  // namespace writ::query::text
