// Proof standards: whether the arguments that apply for and against a statement meet the
// standard its issue declares (docs/language.md, "Proof standards and burden of proof").
//
// The standards of Carneades, as Gordon, Prakken & Walton define them ("The Carneades
// model of argument and burden of proof", Artificial Intelligence 171, 2007) with the
// thresholds of Gordon & Walton ("Proof burdens and standards", in Argumentation in
// Artificial Intelligence, 2009), over the weights (0 to 1) of the *applicable* arguments,
// those whose premises hold; the weight of a side is its heaviest applicable argument's, 0
// when none applies:
//   scintilla of evidence        some argument for it applies
//   preponderance of evidence    the heaviest for it outweighs the heaviest against it
//   clear and convincing         the heaviest for it weighs more than alpha (0.4) and more
//                                than the heaviest against it by more than beta (0.3)
//   beyond reasonable doubt      clear and convincing, and the heaviest against it weighs
//                                less than gamma (0.2)
//   dialectical validity         some argument for it applies and none against it
//
// Applicability is three-valued while the argument graph is labelled (an argument whose
// premises are contested may or may not apply), so judge() says Met or Failed only when
// every way the undecided arguments could go gives that answer. Every standard gains from
// an argument for and loses from one against, so the two extreme ways decide it.
//
// This file knows nothing of the graph: the graph (argument_graph.cpp) and explanations
// call it with the weights.
#pragma once

#include <optional>
#include <string>

#include "query/ast.hpp"

namespace writ::query::argue {

inline constexpr Weight alpha_threshold = 400;
inline constexpr Weight beta_threshold = 300;
inline constexpr Weight gamma_threshold = 200;

// The heaviest applicable argument on each side of a statement, if any applies.
struct Sides {
  std::optional<Weight> pro;
  std::optional<Weight> con;
};

// What the labelling knows of a statement's arguments: those that apply (`sure`) and those
// that apply or still may (`possible`, a superset).
struct Weighing {
  Sides sure;
  Sides possible;
};

enum class Verdict { Met, Failed, Open };

bool meets(ProofStandard standard, const Sides& sides);
Verdict judge(ProofStandard standard, const Weighing& weighing);

// "preponderance of the evidence", for explanations.
const char* standard_name(ProofStandard standard);
// As written in an #issue: "preponderance".
const char* standard_keyword(ProofStandard standard);
// A weight as written: 0.8, 0.25, 1, 0.
std::string weight_text(Weight w);
// Why the standard is met or not with these sides, e.g. "met: the strongest argument for
// it (0.8) outweighs the strongest against it (0.3)".
std::string reason(ProofStandard standard, const Sides& sides);

}  // namespace writ::query::argue
