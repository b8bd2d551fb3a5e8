// A document's sentences, for `writ sources`: what an analyst goes through to see which
// statements a source's text supports and which it does not yet.
//
// A sentence ends
//   - at '.', '?' or '!' (with any closing quotes or brackets after it) followed by a blank
//     and then something that can start a sentence (not a lowercase letter), unless the
//     word before the '.' is an abbreviation (Mr., Inc., U.S., v., No., Id., ...) or a
//     single letter (an initial);
//   - at the end of a line, unless the next line starts with a lowercase letter (it goes on
//     with the sentence). So a heading is a sentence of its own; a document wrapped inside
//     its sentences is read right only where the next line starts in lowercase: keep a
//     paragraph on one line.
// Blanks between sentences belong to none.
#pragma once

#include <string_view>
#include <vector>

#include "quote_match.hpp"

namespace writ::query::text {

std::vector<Span> split_sentences(std::string_view text);

}  // namespace writ::query::text
