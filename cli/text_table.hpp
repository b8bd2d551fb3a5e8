// Aligned plain-text tables, as sqlite3's `.mode column` prints them.
#pragma once

#include <algorithm>
#include <span>
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

// The lines render_text_table is made of, for printers that keep their cells elsewhere.
// `out` is a std::string or anything with the same `+=`, `append(text, n)` and
// `append(n, char)`; it is only ever appended to.
//
// One row: cell c padded to widths[c] (but the last column), two spaces between columns,
// cells missing at the end taken as empty, cells beyond widths.size() ignored, no
// trailing blanks.
template <class Out>
void append_table_line(Out& out, std::span<const std::string_view> cells, std::span<const std::size_t> widths) {
  // Padding and separators are blanks, so the line ends at the last non-blank byte of the
  // last cell that has one: find it first, and write nothing after it.
  std::size_t shown = 0;      // cells up to and including that one
  std::size_t last_size = 0;  // how much of it
  for (std::size_t c = std::min(cells.size(), widths.size()); c-- > 0;) {
    if (const std::size_t at = cells[c].find_last_not_of(' '); at != std::string_view::npos) {
      shown = c + 1;
      last_size = at + 1;
      break;
    }
  }
  for (std::size_t c = 0; c < shown; ++c) {
    if (c > 0) out.append(2, ' ');
    const std::string_view cell = cells[c];
    if (c + 1 == shown) {
      out.append(cell.data(), last_size);
    } else {
      out.append(cell.data(), cell.size());
      out.append(widths[c] - display_width(cell), ' ');
    }
  }
  out += '\n';
}

// The line of dashes under the header.
template <class Out>
void append_table_rule(Out& out, std::span<const std::size_t> widths) {
  std::size_t shown = widths.size();
  while (shown > 0 && widths[shown - 1] == 0) --shown;  // an empty column at the end shows nothing
  for (std::size_t c = 0; c < shown; ++c) {
    if (c > 0) out.append(2, ' ');
    out.append(widths[c], '-');
  }
  out += '\n';
}

}  // namespace writ::cli
