#include "colour.hpp"

#include <unistd.h>

#include <cstdlib>

namespace writ::cli {

namespace {

constexpr std::string_view bold_red = "\x1b[1;31m";
constexpr std::string_view bold_magenta = "\x1b[1;35m";
constexpr std::string_view bold_cyan = "\x1b[1;36m";
constexpr std::string_view green = "\x1b[32m";

std::string_view severity_colour(std::string_view severity) {
  if (severity == "error") return bold_red;
  if (severity == "warning") return bold_magenta;
  return bold_cyan;  // note, hint
}

}  // namespace

bool colour_suits(int fd) {
  if (const char* no = std::getenv("NO_COLOR"); no != nullptr && *no != '\0') return false;
  if (const char* term = std::getenv("TERM"); term == nullptr || std::string_view(term) == "dumb") return false;
  return ::isatty(fd) == 1;
}

std::string coloured_diagnostics(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    const std::string_view line = text.substr(start, end - start);
    start = end;
    if (!line.starts_with(' ')) {
      // "PLACE: SEVERITY: message": the severity is the first of these after a ": ".
      bool done = false;
      for (const std::string_view severity : {"error", "warning", "note"}) {
        const std::string marker = ": " + std::string(severity) + ": ";
        if (const auto at = line.find(marker); at != std::string_view::npos) {
          out += "\x1b[1m";
          out += line.substr(0, at + 1);
          out += colour_reset;
          out += ' ';
          out += severity_colour(severity);
          out += severity;
          out += ':';
          out += colour_reset;
          out += line.substr(at + marker.size() - 1);
          done = true;
          break;
        }
      }
      if (!done) out += line;
      continue;
    }
    // The caret line: " | " then blanks, then ^~~~.
    const auto bar = line.find(" | ");
    const auto caret = line.find('^');
    if (bar != std::string_view::npos && caret != std::string_view::npos && caret > bar &&
        line.substr(bar + 3, caret - bar - 3).find_first_not_of(" \t.") == std::string_view::npos) {
      auto tail = line.substr(caret);
      const bool newline = tail.ends_with('\n');
      if (newline) tail.remove_suffix(1);
      out += line.substr(0, caret);
      out += green;
      out += tail;
      out += colour_reset;
      if (newline) out += '\n';
      continue;
    }
    out += line;
  }
  return out;
}

std::string coloured_prefix(std::string_view prefix) {
  return std::string(severity_colour(prefix)) + std::string(prefix) + std::string(colour_reset);
}

}  // namespace writ::cli
