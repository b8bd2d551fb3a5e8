// Turns byte offsets into query::Locations (1-based line and column) for one text. A
// column counts characters, not bytes: `café(1` puts '(' in column 5, as an editor does
// (a byte that continues a UTF-8 sequence adds no column, nor does a byte order mark).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "query/location.hpp"

namespace writ::grammar {

class SourceLines {
 public:
  // `first_line` numbers the text's first line (a REPL statement that began on line 40
  // of a script says so in its messages).
  SourceLines(std::string_view text, query::SourceId source, std::uint32_t first_line = 1);

  // The location of the byte at `offset` (offset == text size is the end of the text),
  // covering `length` bytes. The line is O(1) for an offset on the line of the last one or
  // the next (the parser goes through a text in order), else O(log lines); the column counts
  // characters from the last offset located when it is on the same line and not after this
  // one, else from the line's start: so a 10 MB text (or line) with many nodes stays fast.
  // Not for use by two threads at once.
  query::Location locate(std::size_t offset, std::size_t length = 0) const;

 private:
  std::string_view text_;
  query::SourceId source_;
  std::uint32_t first_line_;
  std::size_t size_;
  std::vector<std::size_t> line_starts_;  // offset of the first byte of each line
  mutable std::size_t last_line_ = 0;     // index of the line of the last offset located
  mutable std::size_t last_offset_ = 0;   // the last offset located (on line last_line_)
  mutable std::size_t last_column_ = 1;   // its column
};

}  // namespace writ::grammar
