// The page's files (serve/page/), built into the binary so that `writ serve` works offline
// and from any directory: nothing is read or fetched at run time.
#pragma once

#include <string_view>

namespace writ::serve {

struct Asset {
  std::string_view path;          // "/app.js"; the page itself is "/"
  std::string_view content_type;  // "text/javascript; charset=utf-8"
  std::string_view body;
};

// The asset served at `path`, or null.
const Asset* find_asset(std::string_view path);

}  // namespace writ::serve
