// What one run of the grammar carries through X3's context (under state_tag): where
// offsets start, the nesting depth, and the error on_error recorded.
#pragma once

#include <cstddef>
#include <optional>

#include "grammar/syntax_parser.hpp"

namespace writ::grammar::parser {

struct state_tag;

struct ParseState {
  const char* text = nullptr;  // node positions are offsets from here
  std::size_t depth = 0;       // open parentheses and unary minus signs
  std::optional<SyntaxError> error;
};

}  // namespace writ::grammar::parser
