#include "grammar/source_lines.hpp"

#include <algorithm>
#include <cstdint>

namespace writ::grammar {

SourceLines::SourceLines(std::string_view text, query::SourceId source, std::uint32_t first_line)
    : text_(text), source_(source), first_line_(first_line), size_(text.size()) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') line_starts_.push_back(i + 1);
}

query::Location SourceLines::locate(std::size_t offset, std::size_t length) const {
  offset = std::min(offset, size_);
  length = std::min(length, size_ - offset);
  // The last line starting at or before `offset`: the line of the last call or the next,
  // else found by binary search.
  const auto on_line = [&](std::size_t i) {
    return line_starts_[i] <= offset && (i + 1 == line_starts_.size() || offset < line_starts_[i + 1]);
  };
  std::size_t index = last_line_;
  if (!on_line(index)) {
    if (index + 1 < line_starts_.size() && on_line(index + 1)) {
      ++index;
    } else {
      const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
      index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
    }
  }
  // Characters from a known place on the line: the last offset located, or the line start.
  std::size_t from = line_starts_[index], column = 1;
  // A byte order mark that starts the text is invisible in an editor: no column.
  if (index == 0 && offset >= 3 && text_.starts_with("\xEF\xBB\xBF")) from = 3;
  if (index == last_line_ && last_offset_ >= from && last_offset_ <= offset) {
    from = last_offset_;
    column = last_column_;
  }
  for (std::size_t i = from; i < offset; ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  last_line_ = index;
  last_offset_ = offset;
  last_column_ = column;
  auto line = index + first_line_;
  auto clamp = [](std::size_t v) {
    return static_cast<std::uint32_t>(std::min<std::size_t>(v, UINT32_MAX));
  };
  return query::Location{source_, clamp(line), clamp(column), clamp(offset), clamp(length)};
}

}  // namespace writ::grammar
