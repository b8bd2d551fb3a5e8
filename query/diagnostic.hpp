// Diagnostics are values: collected by every pass, sorted by place, printed in one place.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "location.hpp"

namespace writ::query {

enum class Severity { Note, Warning, Error };

struct Diagnostic {
  Severity severity = Severity::Error;
  Location location;
  std::string message;
  // Further notes, each with its own place (e.g. "the cycle goes through here").
  std::vector<Diagnostic> notes;
};

inline Diagnostic make_error(Location where, std::string message) {
  return Diagnostic{Severity::Error, where, std::move(message), {}};
}
inline Diagnostic make_warning(Location where, std::string message) {
  return Diagnostic{Severity::Warning, where, std::move(message), {}};
}

bool has_errors(const std::vector<Diagnostic>& diagnostics);

// Sorts by source, line and column, keeping the order of diagnostics at one place.
void sort_by_location(std::vector<Diagnostic>& diagnostics);

// The registry of texts diagnostics point into: id -> (name, text).
class SourceSet {
 public:
  // Adds a source with the next id: the sources of one load are numbered in a row.
  SourceId add(std::string name, std::string text);
  // Adds a short-lived source (a question), reusing the id of a released one if any.
  SourceId add_transient(std::string name, std::string text);
  // Frees a transient source that nothing refers to any more (a question's text once it
  // was answered without diagnostics), so that a long session does not keep every question.
  void release(SourceId id);
  const std::string& name(SourceId id) const;
  const std::string& text(SourceId id) const;
  std::size_t size() const { return sources_.size(); }

 private:
  struct Source {
    std::string name;
    std::string text;
  };
  std::vector<Source> sources_;
  std::vector<SourceId> free_;  // released ids, reused first
};

// Renders like gcc and clang:
//   FILE:LINE:COL: error: MESSAGE
//    LINE | source line
//         |     ^~~~
// Long lines are cut around the column so that a 10 MB line prints a readable excerpt.
std::string render(const Diagnostic& d, const SourceSet& sources);
std::string render(const std::vector<Diagnostic>& ds, const SourceSet& sources);

}  // namespace writ::query
