// Aligned plain-text tables, as sqlite3's `.mode column` prints them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace writ::cli {

// The number of terminal columns `text` takes, counting UTF-8 code points (wide East
// Asian characters count as one: good enough for alignment of ordinary text).
std::size_t display_width(std::string_view text);

// A header row, a line of dashes under it, then the rows; each column padded to its widest
// cell, columns two spaces apart, no trailing blanks. Every line ends in a newline.
std::string render_text_table(const std::vector<std::string>& header,
                              const std::vector<std::vector<std::string>>& rows);

}  // namespace writ::cli
