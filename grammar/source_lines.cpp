#include "grammar/source_lines.hpp"

#include <algorithm>
#include <cstdint>

namespace writ::grammar {

SourceLines::SourceLines(std::string_view text, query::SourceId source, std::uint32_t first_line)
    : source_(source), first_line_(first_line), size_(text.size()) {
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
  last_line_ = index;
  auto line = index + first_line_;
  std::size_t column = offset - line_starts_[index] + 1;
  auto clamp = [](std::size_t v) {
    return static_cast<std::uint32_t>(std::min<std::size_t>(v, UINT32_MAX));
  };
  return query::Location{source_, clamp(line), clamp(column), clamp(offset), clamp(length)};
}

}  // namespace writ::grammar
