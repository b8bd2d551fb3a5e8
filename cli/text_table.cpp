#include "text_table.hpp"

#include <algorithm>

namespace writ::cli {

std::size_t display_width(std::string_view text) {
  // Continuation bytes (10xxxxxx) do not start a code point.
  return static_cast<std::size_t>(std::count_if(
      text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

std::string render_text_table(const std::vector<std::string>& header,
                              const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths(header.size());
  for (std::size_t c = 0; c < header.size(); ++c) widths[c] = display_width(header[c]);
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c) {
      widths[c] = std::max(widths[c], display_width(row[c]));
    }
  }

  std::string out;
  auto append_row = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t c = 0; c < widths.size(); ++c) {
      if (c > 0) line += "  ";
      const std::string_view cell = c < cells.size() ? std::string_view(cells[c]) : std::string_view();
      line += cell;
      if (c + 1 < widths.size()) line.append(widths[c] - display_width(cell), ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line;
    out += '\n';
  };

  append_row(header);
  std::vector<std::string> dashes;
  dashes.reserve(widths.size());
  for (std::size_t w : widths) dashes.emplace_back(w, '-');
  append_row(dashes);
  for (const auto& row : rows) append_row(row);
  return out;
}

}  // namespace writ::cli
