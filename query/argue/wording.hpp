// The English of maps and briefs: a predicate's template (`p(X, Y) means "..."`) filled with
// the values' display names. A symbol's display name is the string that `entity(Symbol,
// "Name")` gives it, else the symbol with its underscores read as spaces; integers are
// grouped by thousands (query/value.hpp, to_display).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "query/analysis/predicate.hpp"
#include "query/ast.hpp"

namespace writ::query::argue {

class Wording {
 public:
  Wording(const Program& program, std::map<std::string, std::string> names)
      : program_(program), names_(std::move(names)) {}

  std::string value(const Value& v) const;
  // The template's wording with each variable replaced by its value's display name; without
  // a template, the literal as written.
  std::string sentence(const PredicateId& p, const std::vector<Value>& args) const;
  bool has_template(const PredicateId& p) const;

 private:
  const Template* find(const PredicateId& p) const;
  const Program& program_;
  std::map<std::string, std::string> names_;  // symbol -> display name
};

// The literal as written in the language: p(a, 1), -p("x").
std::string literal_source(const PredicateId& p, const std::vector<Value>& args);

// `text` with its first letter upper-case (ASCII).
std::string capitalised(std::string text);

}  // namespace writ::query::argue
