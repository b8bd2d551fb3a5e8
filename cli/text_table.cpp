#include "text_table.hpp"

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
  std::vector<std::string_view> cells;
  const auto append_row = [&](const std::vector<std::string>& row) {
    cells.assign(row.begin(), row.end());
    append_table_line(out, cells, widths);
  };
  append_row(header);
  append_table_rule(out, widths);
  for (const auto& row : rows) append_row(row);
  return out;
}

}  // namespace writ::cli
