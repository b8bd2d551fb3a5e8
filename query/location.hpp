// Where something is in the text writ read.
#pragma once

#include <cstdint>

namespace writ::query {

// A source is identified by a small id that the knowledge base hands out; the id maps
// to the file name and text (see SourceSet), so locations stay small and copyable.
using SourceId = std::uint32_t;

struct Location {
  SourceId source = 0;
  std::uint32_t line = 0;    // 1-based; 0 means "unknown"
  std::uint32_t column = 0;  // 1-based, in characters (UTF-8 sequences), as an editor counts
  std::uint32_t offset = 0;  // byte offset of the first character
  std::uint32_t length = 0;  // bytes covered (0 when only a point is known)
};

}  // namespace writ::query
