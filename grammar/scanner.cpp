#include "grammar/scanner.hpp"

#include "grammar/blank.hpp"

namespace writ::grammar {

namespace {
bool is_digit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

// One pass with four states (code, string, line comment, block comment), folded into the
// loop below: comments and strings are consumed whole where they start.
bool StatementScanner::next(Segment& segment) {
  const std::string_view text = text_;
  const std::size_t n = text.size();
  std::size_t i = position_;
  segment = Segment{};
  segment.begin = i;
  bool has_tokens = false;

  // Ends the statement at `end`; false if it holds nothing worth returning.
  auto finish = [&](std::size_t end, char terminator) {
    segment.end = end;
    segment.terminator = terminator;
    position_ = end;
    return has_tokens || segment.error != nullptr;
  };

  while (i < n) {
    const char c = text[i];
    if (is_space(c)) {
      ++i;
      continue;
    }
    if (c == '%') {
      while (i < n && text[i] != '\n') ++i;
      continue;
    }
    if (c == '/' && i + 1 < n && text[i + 1] == '*') {
      const std::size_t close = text.find("*/", i + 2);
      if (close == std::string_view::npos) {
        // Nothing after it can be read, and more input could still close it.
        segment.error = "unterminated comment";
        segment.error_offset = i;
        complete_ = false;
        return finish(n, 0);
      }
      i = close + 2;
      continue;
    }
    const bool first_token = !has_tokens;
    has_tokens = true;
    complete_ = false;
    if (c == '"') {
      std::size_t j = i + 1;
      while (j < n && text[j] != '"' && text[j] != '\n') {
        const bool escape = text[j] == '\\' && j + 1 < n && text[j + 1] != '\n';
        j += escape ? 2 : 1;
      }
      if (j < n && text[j] == '"') {
        i = j + 1;
        continue;
      }
      segment.error = "unterminated string";
      segment.error_offset = i;
      if (j >= n) return finish(n, 0);  // more input may still close it
      // Strings cannot span lines: the statement most likely ends on this line, so the
      // next one starts after it, and the error can be reported now.
      complete_ = true;
      return finish(j + 1, 0);
    }
    if (c == '?' && first_token && i + 1 < n && text[i + 1] == '-') {
      // `?-` opens a query only as the statement's first token; elsewhere `?` ends one.
      segment.query_prefix = true;
      i += 2;
      continue;
    } else if (c == '.' && i > 0 && is_digit(text[i - 1]) && i + 1 < n && is_digit(text[i + 1])) {
      // A decimal point (`$12.50`): a '.' between two digits does not end a statement
      // (only a next statement that begins with a digit, with no blank before it, would).
      ++i;
      continue;
    } else if (c == '.' || c == '?') {
      // A statement ends here even inside an open bracket: `.` occurs nowhere else in
      // the language, so more input could not repair it, and the REPL should report
      // the error now rather than wait.
      complete_ = true;
      return finish(i + 1, c);
    }
    ++i;
  }
  return finish(n, 0);
}

}  // namespace writ::grammar
