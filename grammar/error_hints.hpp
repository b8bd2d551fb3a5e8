// Syntax errors that people coming from Prolog, SQL or prose make, said with what to write
// instead. The grammar knows only what it expected; the text at the error's place shows
// the mistake (a capital letter, a letter outside ASCII, a claim used as a condition).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace writ::grammar {

struct SyntaxMessage {
  std::string message;
  std::size_t offset = 0;  // where the caret starts
  std::size_t length = 0;  // bytes the caret marks
};

// The message for the grammar's `message` at byte `offset` of `text`: rewritten when the
// text there is one of the mistakes above, else `message` as it is. `length` is the
// caret's length as the grammar chose it; a rewritten message may mark another place
// (the capitalised name before the `(` the grammar stopped at).
SyntaxMessage explain_syntax_error(std::string_view text, std::size_t offset, std::string message, std::size_t length);

}  // namespace writ::grammar
