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

// A question with constants (`p(V0, a, V2)`) and its answers, each a row of the free
// positions' values (as a GroundAtom with an empty predicate, to compare them as atoms).
struct Goal {
  std::string text;
  std::vector<Model::value_type> answers;
};

// Asks each goal's text of a knowledge base of its own that has answered nothing before,
// so that every goal is answered as a question with constants is on its own: by
// evaluating only what it needs. Fills the answers; on a failure, the result says which
// goal and why.
WritResult ask_writ(std::string_view program, std::vector<Goal>& goals);

}  // namespace writ::differential
