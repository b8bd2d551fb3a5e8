// Loads a program into a writ KnowledgeBase and reads back its model.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ground_atom.hpp"
#include "program_generator.hpp"

namespace writ::differential {

struct WritResult {
  bool ok = false;
  Model model;        // when ok
  std::string error;  // when not ok: the rendered diagnostics, or which call failed
};

// The model: the relation of every predicate in `predicates` and of every predicate the
// knowledge base reports, read with KnowledgeBase::relation(name, arity).
WritResult run_writ(std::string_view program, const std::vector<PredicateSignature>& predicates);

}  // namespace writ::differential
