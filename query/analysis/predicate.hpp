// Predicates are identified by name and arity: p/1 and p/2 are different, as in Prolog.
#pragma once

#include <compare>
#include <cstdint>
#include <string>

#include "query/ast.hpp"

namespace writ::query {

struct PredicateId {
  std::string name;  // strong negation is part of the name: "-p"
  std::uint32_t arity = 0;

  auto operator<=>(const PredicateId&) const = default;
  std::string to_string() const { return name + "/" + std::to_string(arity); }
};

inline PredicateId predicate_of(const Atom& a) {
  return PredicateId{a.strong_negation ? "-" + a.predicate : a.predicate, static_cast<std::uint32_t>(a.args.size())};
}

// Anonymous variables are renamed apart by name_anonymous_variables(); this tells them
// from named ones, and how messages should print them.
inline bool is_anonymous_name(const std::string& name) { return name == "_" || name.rfind("_#", 0) == 0; }
inline std::string display_name(const std::string& name) { return is_anonymous_name(name) ? "_" : name; }

}  // namespace writ::query
