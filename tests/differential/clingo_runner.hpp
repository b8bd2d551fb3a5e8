// Runs clingo on a program and reads back its single answer set.
//
// Every program the differential test gives clingo is stratified, so clingo answers by
// grounding alone and prints exactly one model. We run
//   clingo --outf=0 -V0 --quiet=1 --warn=none FILE
// which prints the model's atoms on one line, separated by spaces, then SATISFIABLE.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ground_atom.hpp"

namespace writ::differential {

struct ClingoResult {
  bool ok = false;
  Model model;        // when ok
  std::string error;  // when not ok: clingo's messages, or why its output was not understood
};

// The clingo executable: $WRIT_CLINGO if set, else the one CMake found; empty when none.
std::string clingo_path();

// Runs clingo on `program` (written to a temporary file) and parses its model.
ClingoResult run_clingo(std::string_view program);

// Parses clingo's model line: atoms like p, p(1,-2,a,"x, \"y\"") separated by spaces.
// The terms #sup and #inf become symbols named "#sup" and "#inf" (writ has no such values,
// so they always show up as a disagreement). Returns nothing on text it does not understand.
std::optional<Model> parse_clingo_model(std::string_view line, std::string& error);

}  // namespace writ::differential
