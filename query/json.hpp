// JSON text for the renderings that other tools read (answers, explanations, logs).
#pragma once

#include <string>
#include <string_view>

namespace writ::query {

// A JSON string literal of `text`: quotes, backslashes and control characters escaped,
// valid UTF-8 passed through, invalid bytes replaced by U+FFFD so the output stays JSON
// whatever bytes a source held.
std::string json_string(std::string_view text);

}  // namespace writ::query
