// What the grammar skips between tokens: whitespace, `% line comments` and `/* block comments */`.
// Shared by the statement scanner, the X3 skipper and the lowering (which trims node
// positions), so that all three agree on where a token starts. No Boost here.
#pragma once

namespace writ::grammar {

inline bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Skips one run of blanks and complete comments starting at `p`. An unterminated block
// comment is not skipped: the scanner reports it, and the parser then stops at its `/`.
inline const char* skip_blank(const char* p, const char* end) {
  for (;;) {
    while (p != end && is_space(*p)) ++p;
    if (p == end) return p;
    if (*p == '%') {
      while (p != end && *p != '\n') ++p;
      continue;
    }
    if (*p == '/' && end - p >= 2 && p[1] == '*') {
      const char* q = p + 2;
      while (q != end && !(*q == '*' && end - q >= 2 && q[1] == '/')) ++q;
      if (q == end) return p;
      p = q + 2;
      continue;
    }
    return p;
  }
}

}  // namespace writ::grammar
