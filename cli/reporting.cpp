#include "reporting.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>

#include "colour.hpp"

namespace writ::cli {

namespace {

bool stderr_colour() {
  static const bool colour = colour_suits(STDERR_FILENO);
  return colour;
}

}  // namespace

void print_diagnostics(const kb::KnowledgeBase& kb, const std::vector<kb::Diagnostic>& diagnostics) {
  if (diagnostics.empty()) return;
  std::string text = kb.render(diagnostics);
  if (!text.empty() && text.back() != '\n') text += '\n';
  if (stderr_colour()) text = coloured_diagnostics(text);
  std::cout.flush();  // keep answers and messages in order on a shared terminal
  std::cerr << text;
  std::cerr.flush();
}

void drop_repeated(std::vector<kb::Diagnostic>& diagnostics, const std::vector<kb::Diagnostic>& said) {
  std::erase_if(diagnostics, [&](const kb::Diagnostic& d) {
    return std::any_of(said.begin(), said.end(), [&](const kb::Diagnostic& s) {
      return s.message == d.message && s.location.source == d.location.source &&
             s.location.offset == d.location.offset && s.location.line == d.location.line;
    });
  });
}

void print_error(std::string_view prefix, std::string_view message) {
  std::cout.flush();
  // "writ: error" or "error": the severity is the last word.
  const auto last = prefix.rfind(' ');
  const std::string_view severity = last == std::string_view::npos ? prefix : prefix.substr(last + 1);
  if (stderr_colour() && (severity == "error" || severity == "warning" || severity == "hint")) {
    std::cerr << prefix.substr(0, prefix.size() - severity.size()) << coloured_prefix(severity);
  } else {
    std::cerr << prefix;
  }
  std::cerr << ": " << message << '\n';
  std::cerr.flush();
}

ExitStatus status_of(kb::Outcome outcome) {
  switch (outcome) {
    case kb::Outcome::Ok: return ExitStatus::Ok;
    case kb::Outcome::InputError: return ExitStatus::InputError;
    case kb::Outcome::LimitHit: return ExitStatus::LimitHit;
    case kb::Outcome::Cancelled: return ExitStatus::InputError;
  }
  return ExitStatus::InputError;
}

std::optional<std::string> unreadable_file(const std::vector<std::string>& paths) {
  // stat and access, not open: opening a FIFO would wait for its writer, and closing it
  // again would leave the writer nobody to write to.
  for (const auto& path : paths) {
    struct stat st {};
    int error = ::stat(path.c_str(), &st) != 0 ? errno : 0;
    if (error == 0 && S_ISDIR(st.st_mode)) error = EISDIR;
    if (error == 0 && ::access(path.c_str(), R_OK) != 0) error = errno;
    if (error != 0) return "cannot open '" + path + "': " + std::strerror(error);
  }
  return std::nullopt;
}

}  // namespace writ::cli
