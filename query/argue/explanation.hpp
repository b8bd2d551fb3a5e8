// Explanations: why a conclusion has its status, as a tree of arguments down to the facts
// and claims with their sources, and the counter-arguments with why they win or lose.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "../ast.hpp"
#include "status.hpp"

namespace writ::query::argue {

struct ExplanationNode {
  enum class Kind {
    Conclusion,  // a literal: its status; children are the arguments for and against it
    Argument,    // a rule, fact or claim applied; children are its premises
    Assumption,  // `not L`: holds because L is rejected or has no argument
    Condition,   // why-not only: a comparison or aggregate premise that does not hold
  };
  enum class Role { For, Against };

  Kind kind = Kind::Conclusion;
  Role role = Role::For;

  // Conclusion and Assumption
  std::string literal;   // p(a, 1)
  std::string sentence;  // from the predicate's template, or empty
  std::optional<Status> status;  // absent: no argument at all (simply not derivable)
  // Under an issue: its proof standard and how the arguments fare against it ("beyond
  // reasonable doubt, burden on prosecution; not met: ...").
  std::string standard;

  // Argument
  std::string label;     // the rule's label, or empty
  std::string what;      // "fact", "rule", "defeasible rule", "defeater", "claim by microsoft"
  std::string text;      // the statement as written
  std::string place;     // FILE:LINE
  std::string source;    // cited source, with its kind: "article (news_report)"
  std::string quote;     // the cited sentence
  std::string weight;    // weighed by an issue's standard: "0.8"
  // For a counter-argument: why it wins or loses. In why-not explanations, for an
  // argument that does not stand or apply, and for a premise that does not hold: why not.
  std::string outcome;
  bool holds = true;       // whether this argument stands (IN)
  bool undecided = false;  // neither stands nor is defeated (UNDEC): the case is contested
  bool applies = true;     // false: why-not only, a rule whose premises do not all hold

  std::vector<ExplanationNode> children;
  bool truncated = false;  // deeper than the limit, or a step already explained above
};

// A why-not explanation (ArgumentGraph::why_not) is the same tree: for a goal without
// answers, a Conclusion without status whose children are the rules that could conclude
// it, each not applying (`applies` false) with the first premise that fails, recursively
// to a bounded depth; for an answer that is rejected or contested, its explanation with
// each argument that does not stand saying why in `outcome`.

// Renders a tree as indented text, as JSON (one object), or as a Graphviz digraph.
std::string render_text(const ExplanationNode& root);
std::string render_json(const ExplanationNode& root);
std::string render_dot(const std::vector<ExplanationNode>& roots);

}  // namespace writ::query::argue
