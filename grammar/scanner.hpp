// The statement scanner: a linear pass over the raw text, before any parsing, that
//  - splits the text into statements at each `.` or `?` that ends one (strings and
//    comments are skipped; `.` occurs nowhere else in the language but as the decimal
//    point of an amount of money, between two digits), which is how the
//    parser recovers after an error: it just moves on to the next statement;
//  - reports the errors that would make a split unreliable (unterminated strings and
//    block comments), and marks those statements as already reported;
//  - tells whether the text ends a statement (for is_complete).
// No Boost here: is_complete and the driver use it without the grammar.
#pragma once

#include <cstddef>
#include <string_view>

namespace writ::grammar {

struct Segment {
  std::size_t begin = 0;      // first byte (may be blank or a comment)
  std::size_t end = 0;        // one past the terminator, or where the statement was cut off
  char terminator = 0;        // '.', '?', or 0 when the text (or a bad string) ended first
  bool query_prefix = false;  // the first token is `?-`
  // A lexical error already reported here (then the statement is not parsed): a static
  // message such as "unterminated string", at error_offset.
  const char* error = nullptr;
  std::size_t error_offset = 0;
};

// Reads statements one at a time, so that the driver can stop early (after too many
// errors) without scanning the rest of a huge text.
class StatementScanner {
 public:
  // A UTF-8 byte order mark that starts the text is skipped, as CSV import skips it (some
  // editors write one); it takes no column (SourceLines counts characters an editor shows).
  explicit StatementScanner(std::string_view text)
      : text_(text), position_(text.starts_with("\xEF\xBB\xBF") ? 3 : 0) {}

  // The next statement with tokens or an error, or false at the end of the text.
  bool next(Segment& segment);

  // Whether the text ends a statement (see is_complete in parse.hpp). Call after next()
  // returned false.
  bool complete() const { return complete_; }

 private:
  std::string_view text_;
  std::size_t position_ = 0;
  bool complete_ = true;
};

}  // namespace writ::grammar
