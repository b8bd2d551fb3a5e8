// Where a quoted sentence occurs in a source document, as a reader would match it: blanks
// and line breaks count as one space, and typographic quotes (‘ ’ “ ”) as plain ones.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace writ::serve {

// Every occurrence of `quote` in `document`, as byte ranges [begin, end) of `document`,
// in order and not overlapping each other. An empty quote occurs nowhere.
std::vector<std::pair<std::size_t, std::size_t>> find_quote(std::string_view document, std::string_view quote);

}  // namespace writ::serve
